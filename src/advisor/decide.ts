import type { Need, Quantity } from '../knowledge/schema.js';
import type { Candidate, Conflict, Constraint, ConstraintCheck, Requirement } from './answer.js';
import type { Catalog, Entry } from './catalog.js';
import { checkConstraint } from './figures.js';

/** A stack weighed against the requirements. */
export interface Weighed {
  readonly entry: Entry;
  readonly score: number;
  readonly tiebreak: number;
  readonly checks: readonly ConstraintCheck[];
  readonly excludedBy: readonly string[];
  /** How many checks were met, violated, unknown: counted once, compared often. */
  readonly met: number;
  readonly violated: number;
  readonly unknown: number;
}

export interface Decision {
  readonly ranked: readonly Weighed[];
  readonly chosen: Weighed;
  readonly conflicts: readonly Conflict[];
}

const DIMENSIONS = ['latency', 'security', 'observability'] as const;
const quote = (text: string): string => `“${text}”`;

function weigh(
  entry: Entry,
  positive: readonly { need: Need; req: Requirement }[],
  negative: readonly { need: Need; req: Requirement }[],
  constraints: readonly Constraint[],
  quantities: ReadonlyMap<string, Quantity>,
): Weighed {
  let score = 0;
  let tiebreak = 0;
  for (const { need } of positive) {
    score += need.supports[entry.stack.id] ?? 0;
    if (need.prefers) tiebreak += entry.metrics[need.prefers];
  }
  const excludedBy: string[] = [];
  for (const { need, req } of negative) {
    const hit = (need.negated_excludes ?? []).filter((op) => entry.operators.includes(op));
    if (hit.length > 0) excludedBy.push(`the request rules out ${quote(req.text)} (${hit.join(', ')})`);
  }
  const checks = constraints.map((c) => checkConstraint(c, entry.figures, quantities));
  let met = 0;
  let violated = 0;
  for (const check of checks) {
    if (check.status === 'violated') {
      excludedBy.push(check.reason);
      violated++;
    } else if (check.status === 'met') met++;
  }
  return { entry, score, tiebreak, checks, excludedBy, met, violated, unknown: checks.length - met - violated };
}

function compare(a: Weighed, b: Weighed): number {
  return (
    Number(a.excludedBy.length > 0) - Number(b.excludedBy.length > 0) ||
    (a.excludedBy.length > 0 ? a.violated - b.violated : 0) ||
    b.score - a.score ||
    b.met - a.met ||
    a.unknown - b.unknown ||
    b.tiebreak - a.tiebreak ||
    a.entry.index - b.entry.index
  );
}

/** Ranks every stack: not excluded first, then by need support, constraints met, metric preference, table order. */
export function decide(
  catalog: Catalog,
  requirements: readonly Requirement[],
  constraints: readonly Constraint[],
): Decision {
  const { needs, quantities } = catalog;
  const withNeed = requirements.flatMap((req) => {
    const need = needs.get(req.need);
    return need ? [{ need, req }] : [];
  });
  // A need a number implies ("cold start < 10ms") is already weighed by its check: it adds no score of its own.
  const positive = withNeed.filter((x) => !x.req.negated && x.req.from !== 'constraint');
  const negative = withNeed.filter((x) => x.req.negated && x.req.indifferent !== true);
  const ranked = catalog.entries.map((e) => weigh(e, positive, negative, constraints, quantities)).sort(compare);
  const chosen = ranked[0];
  const conflicts: Conflict[] = [];
  if (chosen.excludedBy.length > 0) {
    conflicts.push({
      requirement: 'all requirements together',
      wants: 'a stack that meets all of them',
      excludedBy: chosen.excludedBy.join('; '),
      message: `No stack meets every requirement. The closest is ${chosen.entry.stack.name} (${chosen.entry.stack.form}), but ${chosen.excludedBy.join('; ')}.`,
    });
  }
  constraints.forEach((c, i) => {
    if (chosen.checks[i]?.status !== 'unknown' || ranked.some((w) => w.checks[i]?.status === 'met')) return;
    conflicts.push({
      requirement: c.text,
      wants: 'a stack known to meet it',
      excludedBy: chosen.checks[i].reason,
      message: `No stack is known to meet ${quote(c.text)}: ${chosen.entry.stack.name} comes closest (${chosen.checks[i].reason}). Measure before you rely on it.`,
    });
  });
  const seen = new Set<string>();
  for (const { need, req } of positive) {
    const favoriteId = catalog.favorites.get(need.id);
    const favorite = ranked.find((w) => w.entry.stack.id === favoriteId);
    if (favorite === undefined || favorite === chosen || favorite.excludedBy.length === 0) continue;
    const key = `${favorite.entry.stack.id}|${favorite.excludedBy.join(';')}`;
    const givesUp = tradeOff(favorite, chosen).givesUp;
    const message = `${quote(req.text)} (${need.label.en}) points to ${favorite.entry.stack.name} (${favorite.entry.stack.form}), but ${favorite.excludedBy.join('; ')}. Recommended instead: ${chosen.entry.stack.name}${givesUp.length > 0 ? `, which gives up ${givesUp.join(', ')}` : ''}.`;
    if (seen.has(key)) continue;
    seen.add(key);
    conflicts.push({
      requirement: `${need.label.en} (${quote(req.text)})`,
      wants: favorite.entry.stack.name,
      excludedBy: favorite.excludedBy.join('; '),
      message,
    });
  }
  return { ranked, chosen, conflicts };
}

/** What `other` gives up and gains against `base`: metric by metric, and constraint by constraint. */
export function tradeOff(base: Weighed, other: Weighed): { givesUp: string[]; gains: string[] } {
  const givesUp: string[] = [];
  const gains: string[] = [];
  for (const dim of DIMENSIONS) {
    const a = base.entry.metrics[dim];
    const b = other.entry.metrics[dim];
    const name = dim[0].toUpperCase() + dim.slice(1);
    if (b < a) givesUp.push(`${name} ${b} vs ${a}`);
    if (b > a) gains.push(`${name} ${b} vs ${a}`);
  }
  other.checks.forEach((check, i) => {
    const mine = base.checks[i]?.status;
    if (check.status === 'violated' && mine !== 'violated') givesUp.push(check.reason);
    if (check.status === 'met' && mine !== 'met') gains.push(check.reason);
  });
  return { givesUp, gains };
}

/** The stacks worth showing beside the recommendation: the next ones not excluded, then the excluded favourites. */
export function alternativesOf(decision: Decision, limit = 3): Candidate[] {
  const { ranked, chosen, conflicts } = decision;
  const wanted = new Set(conflicts.map((c) => c.wants));
  const open = ranked.filter((w) => w !== chosen && w.excludedBy.length === 0);
  const favorites = ranked.filter((w) => w !== chosen && w.excludedBy.length > 0 && wanted.has(w.entry.stack.name));
  const closed = ranked.filter((w) => w !== chosen && w.excludedBy.length > 0 && !favorites.includes(w));
  const picked = [...favorites, ...open.filter((w) => w.score > 0), ...open.filter((w) => w.score === 0), ...closed];
  return picked.slice(0, limit + favorites.length).map((w) => {
    const { givesUp, gains } = tradeOff(chosen, w);
    return {
      stackId: w.entry.stack.id,
      stack: w.entry.stack.name,
      normalForm: w.entry.stack.form,
      metrics: w.entry.metrics,
      score: w.score,
      checks: w.checks,
      excludedBy: w.excludedBy,
      givesUp,
      gains,
    };
  });
}
