import type { Need, Quantity } from '../knowledge/schema.js';
import { marksFor, type NeedOperators, namingWords, type RadarBook, rankOf, UNLISTED_RANK } from '../radar/book.js';
import type { RadarMark } from '../radar/model.js';
import {
  type Candidate,
  type Conflict,
  type Constraint,
  type ConstraintCheck,
  DIMENSIONS,
  type Exclusion,
  type Requirement,
  type TradeItem,
} from './answer.js';
import { type Catalog, type Entry, refOf } from './catalog.js';
import { checkConstraint } from './figures.js';

/** A stack weighed against the requirements. */
export interface Weighed {
  readonly entry: Entry;
  readonly score: number;
  readonly tiebreak: number;
  readonly checks: readonly ConstraintCheck[];
  readonly excludedBy: readonly Exclusion[];
  /** How many checks were met, violated, unknown: counted once, compared often. */
  readonly met: number;
  readonly violated: number;
  readonly unknown: number;
  /** With a radar: the entries that put the stack's technologies (as deployed) in a ring; none without. */
  readonly marks: readonly RadarMark[];
  /** Its least endorsed technology's ring, for breaking near ties (see `rankOf`). */
  readonly rank: number;
  /** `exclusionClass` of the stack: computed once, compared at every step of the sort. */
  readonly exclusion: number;
}

export interface Decision {
  readonly ranked: readonly Weighed[];
  readonly chosen: Weighed;
  readonly conflicts: readonly Conflict[];
  /** The stack that led before near ties were broken by the radar's rings (the chosen one without a radar). */
  readonly beforeRings: Weighed;
  readonly radar: boolean;
}

/** The radar a decision follows, and what in the request may name a technology on hold. */
export interface RadarContext {
  readonly book: RadarBook;
  readonly request: string;
  readonly needs: readonly NeedOperators[];
}

/**
 * Stacks whose support is within this share of the leader's nearly tie, and the radar's rings decide between them:
 * only among stacks nothing excludes, with the same numeric checks met and unknown as the leader.
 */
export const NEAR_TIE = 0.1;

function weigh(
  entry: Entry,
  positive: readonly { need: Need; req: Requirement }[],
  negative: readonly { need: Need; req: Requirement }[],
  constraints: readonly Constraint[],
  quantities: ReadonlyMap<string, Quantity>,
  radar: RadarContext | undefined,
): Weighed {
  let score = 0;
  let tiebreak = 0;
  for (const { need } of positive) {
    score += need.supports[entry.stack.id] ?? 0;
    if (need.prefers) tiebreak += entry.metrics[need.prefers];
  }
  const excludedBy: Exclusion[] = [];
  for (const { need, req } of negative) {
    const hit = (need.negated_excludes ?? []).filter((op) => entry.operators.includes(op));
    if (hit.length > 0) excludedBy.push({ kind: 'negation', need: need.id, text: req.text, operators: hit });
  }
  const checks = constraints.map((c) => checkConstraint(c, entry.figures, quantities));
  let met = 0;
  let violated = 0;
  for (const check of checks) {
    if (check.status === 'violated') {
      excludedBy.push({ kind: 'violates', check });
      violated++;
    } else if (check.status === 'met') met++;
  }
  // A technology on hold rules the stack out, unless the request names it itself.
  const marks = radar === undefined ? [] : marksFor(radar.book, entry.implemented);
  for (const mark of marks) {
    if (mark.ring !== 'hold' || radar === undefined) continue;
    if (namingWords(radar.book, mark, radar.request, radar.needs) === undefined) {
      excludedBy.push({ kind: 'radar-hold', mark });
    }
  }
  const unknown = checks.length - met - violated;
  const rank = radar === undefined ? UNLISTED_RANK : rankOf(marks);
  const exclusion = exclusionClass({ excludedBy });
  return { entry, score, tiebreak, checks, excludedBy, met, violated, unknown, marks, rank, exclusion };
}

/** 0: nothing excludes the stack; 1: only the radar does; 2: a requirement does. */
export function exclusionClass(w: Pick<Weighed, 'excludedBy'>): number {
  if (w.excludedBy.length === 0) return 0;
  return w.excludedBy.every((e) => e.kind === 'radar-hold') ? 1 : 2;
}

function compare(a: Weighed, b: Weighed): number {
  return (
    a.exclusion - b.exclusion ||
    (a.excludedBy.length > 0 ? a.violated - b.violated : 0) ||
    b.score - a.score ||
    b.met - a.met ||
    a.unknown - b.unknown ||
    b.tiebreak - a.tiebreak ||
    a.entry.index - b.entry.index
  );
}

/**
 * Among the stacks that nearly tie with the leader (NEAR_TIE), the radar's rings decide: adopt before trial, trial
 * before a stack with nothing on the radar, that before assess; the usual order otherwise. The rest keep their order.
 */
function byRings(ranked: readonly Weighed[]): Weighed[] {
  const leader = ranked[0];
  if (exclusionClass(leader) !== 0) return [...ranked];
  const margin = NEAR_TIE * leader.score + 1e-9;
  const tied = ranked.filter(
    (w) =>
      exclusionClass(w) === 0 &&
      w.met === leader.met &&
      w.unknown === leader.unknown &&
      leader.score - w.score <= margin,
  );
  if (tied.length < 2) return [...ranked];
  const order = [...tied].sort((a, b) => a.rank - b.rank || ranked.indexOf(a) - ranked.indexOf(b));
  return [...order, ...ranked.filter((w) => !tied.includes(w))];
}

/**
 * Ranks every stack: not excluded first (with a radar, those only the radar excludes before those a requirement
 * excludes), then by need support, constraints met, metric preference, table order; with a radar, near ties go to
 * the better ring.
 */
export function decide(
  catalog: Catalog,
  requirements: readonly Requirement[],
  constraints: readonly Constraint[],
  radar?: RadarContext,
): Decision {
  const { needs, quantities } = catalog;
  const withNeed = requirements.flatMap((req) => {
    const need = needs.get(req.need);
    return need ? [{ need, req }] : [];
  });
  // A need a number implies ("cold start < 10ms") is already weighed by its check: it adds no score of its own.
  const positive = withNeed.filter((x) => !x.req.negated && !x.req.implied);
  const negative = withNeed.filter((x) => x.req.negated && x.req.indifferent !== true);
  const sorted = catalog.entries.map((e) => weigh(e, positive, negative, constraints, quantities, radar)).sort(compare);
  const ranked = radar === undefined ? sorted : byRings(sorted);
  const chosen = ranked[0];
  const conflicts: Conflict[] = [];
  if (exclusionClass(chosen) === 1) {
    // Every stack that meets the requirements needs something on hold: the closest ones, and what holds them.
    const held = ranked.filter((w) => exclusionClass(w) === 1).slice(0, 3);
    const holds: RadarMark[] = [];
    for (const w of held) {
      for (const e of w.excludedBy) if (e.kind === 'radar-hold' && !holds.includes(e.mark)) holds.push(e.mark);
    }
    conflicts.push({ kind: 'radar-excludes-all', closest: held.map((w) => refOf(w.entry)), holds });
  } else if (chosen.excludedBy.length > 0) {
    conflicts.push({ kind: 'no-stack-meets-all', closest: refOf(chosen.entry), excludedBy: chosen.excludedBy });
  }
  constraints.forEach((_constraint, i) => {
    if (chosen.checks[i]?.status !== 'unknown' || ranked.some((w) => w.checks[i]?.status === 'met')) return;
    conflicts.push({
      kind: 'unknown-for-all',
      constraint: chosen.checks[i].constraint,
      closest: refOf(chosen.entry),
      check: chosen.checks[i],
    });
  });
  const seen = new Set<string>();
  // A need every stack it supports is ruled out for, by another requirement: the request contradicts itself ("each
  // tenant needs its own VM kernel" and "VMs cannot run here"). Not when the request also says the need both ways.
  const contradicted = new Set<string>();
  for (const { need, req } of positive) {
    if (negative.some((n) => n.need.id === need.id)) continue;
    const supported = ranked.filter((w) => (need.supports[w.entry.stack.id] ?? 0) > 0);
    const by = supported.map((w) => w.excludedBy.find((e) => e.kind === 'negation'));
    if (supported.length === 0 || by.some((e) => e === undefined) || contradicted.has(need.id)) continue;
    const first = by[0];
    if (first === undefined || first.kind !== 'negation') continue;
    contradicted.add(need.id);
    conflicts.push({ kind: 'contradiction', first: req.text, second: first.text, closest: refOf(chosen.entry) });
  }
  for (const { need, req } of positive) {
    if (contradicted.has(need.id)) continue;
    const favoriteId = catalog.favorites.get(need.id);
    const favorite = ranked.find((w) => w.entry.stack.id === favoriteId);
    // A favourite only the radar excludes is no conflict between requirements: the Why section says it.
    if (favorite === undefined || favorite === chosen || exclusionClass(favorite) !== 2) continue;
    if (seen.has(favorite.entry.stack.id)) continue;
    seen.add(favorite.entry.stack.id);
    conflicts.push({
      kind: 'favorite-excluded',
      need: need.id,
      label: need.label,
      text: req.text,
      favorite: refOf(favorite.entry),
      excludedBy: favorite.excludedBy,
      chosen: refOf(chosen.entry),
      givesUp: tradeOff(favorite, chosen).givesUp,
    });
  }
  return { ranked, chosen, conflicts, beforeRings: sorted[0], radar: radar !== undefined };
}

/** What `other` gives up and gains against `base`: metric by metric, and constraint by constraint. */
export function tradeOff(base: Weighed, other: Weighed): { givesUp: TradeItem[]; gains: TradeItem[] } {
  const givesUp: TradeItem[] = [];
  const gains: TradeItem[] = [];
  for (const dimension of DIMENSIONS) {
    const versus = base.entry.metrics[dimension];
    const value = other.entry.metrics[dimension];
    if (value < versus) givesUp.push({ kind: 'metric', dimension, value, versus });
    if (value > versus) gains.push({ kind: 'metric', dimension, value, versus });
  }
  other.checks.forEach((check, i) => {
    const mine = base.checks[i]?.status;
    // What excludes a stack is said once, as the exclusion: a violated check is not also a trade-off.
    if (check.status === 'met' && mine !== 'met') gains.push({ kind: 'check', check });
    if (check.status === 'violated' && mine !== 'violated' && other.excludedBy.length === 0) {
      givesUp.push({ kind: 'check', check });
    }
  });
  return { givesUp, gains };
}

/** The stacks worth showing beside the recommendation: the next ones not excluded, then the excluded favourites. */
export function alternativesOf(decision: Decision, limit = 3): Candidate[] {
  const { ranked, chosen, conflicts } = decision;
  const wanted = new Set(conflicts.flatMap((c) => (c.kind === 'favorite-excluded' ? [c.favorite.id] : [])));
  const open = ranked.filter((w) => w !== chosen && w.excludedBy.length === 0);
  const favorites = ranked.filter((w) => w !== chosen && w.excludedBy.length > 0 && wanted.has(w.entry.stack.id));
  const closed = ranked.filter((w) => w !== chosen && w.excludedBy.length > 0 && !favorites.includes(w));
  const picked = [...favorites, ...open.filter((w) => w.score > 0), ...open.filter((w) => w.score === 0), ...closed];
  return picked.slice(0, limit + favorites.length).map((w) => {
    const { givesUp, gains } = tradeOff(chosen, w);
    return {
      stackId: w.entry.stack.id,
      stack: { en: w.entry.stack.name, zh: w.entry.stack.name },
      normalForm: w.entry.stack.form,
      metrics: w.entry.metrics,
      score: w.score,
      checks: w.checks,
      excludedBy: w.excludedBy,
      givesUp,
      gains,
      ...(decision.radar ? { marks: w.marks } : {}),
    };
  });
}
