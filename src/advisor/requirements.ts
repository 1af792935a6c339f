import type { Operator } from '../algebra/operators.js';
import type { Need } from '../knowledge/schema.js';
import type { Constraint, Reading, Requirement } from './answer.js';
import { readConstraints } from './constraints.js';
import { fold, type Lexicon } from './lexicon.js';
import { spellNumbers } from './numbers.js';
import type { Found } from './phrase-matcher.js';

/** What a request says, before any decision: needs (with negation), numeric constraints, and what was not understood. */
export interface ParsedRequest {
  readonly requirements: Requirement[];
  readonly constraints: Constraint[];
  readonly ignored: string[];
}

// Where a negation's reach ends: the end of its clause, or an English "and" ("no VMs and compliance").
const SCOPE_END =
  /[,;.!?\n，；。！？]|(?<!anything |all )\bbut\b|\b(?:however|and|also)\b|&|但是|但|不过|而是|以及|并且|而且|同时/g;
// Words that start a positive phrase again inside a clause: "no VMs, with compliance", "not only fast",
// "without compromising security", "不要虚拟机，要合规".
const POSITIVE =
  /\b(?:with|need|needs|want|wants|require|requires|plus|not only|without (?:compromising|sacrificing|losing|giving up))\b|需要|要求|想要|希望|不牺牲|不影响/g;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Blanks out understood spans, keeping every offset where it was; one pass however many spans. */
function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    pieces.push(text.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The last item of a list sorted by `end` whose end is at most `at`, moving a cursor that only goes forward. */
class Cursor<T> {
  private i = -1;
  constructor(
    private readonly items: readonly T[],
    private readonly endOf: (item: T) => number,
  ) {}
  lastEndingBy(at: number): T | undefined {
    while (this.i + 1 < this.items.length && this.endOf(this.items[this.i + 1]) <= at) this.i++;
    return this.i >= 0 ? this.items[this.i] : undefined;
  }
}

/** Where each match of `re` ends, in order. */
function ends(re: RegExp, text: string): number[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => m.index + m[0].length);
}

/** Reads needs, numeric constraints and negations out of a request in English, Chinese or both. */
export function parseRequest(request: string, lexicon: Lexicon): ParsedRequest {
  const text = spellNumbers(fold(request), lexicon);
  // Quote the request as typed (case, full-width forms) when folding kept every offset; the folded text otherwise.
  const asTyped = (span: Span): string =>
    (text.length === request.length ? request : text).slice(span.start, span.end).trim();
  const read = /\d/.test(text) ? readConstraints(text, lexicon) : [];
  // The same number said twice is one requirement.
  const keys = new Set<string>();
  const constraints = read
    .map((r) => ({ ...r.constraint, text: asTyped(r) }))
    .filter((c) => {
      const key = `${c.quantity}${c.comparator}${c.value}`;
      return !keys.has(key) && keys.add(key) !== undefined;
    });
  const used: Span[] = [...read];
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  // Capabilities described rather than named: read first, and their words taken out of what the needs see.
  const described = readDescribed(mask(text, read), lexicon);
  for (const d of described) {
    used.push(...d.spans);
    seen.add(`${d.need.id}:false`);
    requirements.push({
      need: d.need.id,
      label: d.need.label,
      text: asTyped(d.sentence),
      negated: false,
      source: 'request',
      implied: false,
      ...(d.reading === undefined ? {} : { reading: { kind: d.reading } }),
    });
  }
  const rest = mask(text, used);
  // Complaints count only against a need that names a component: looked for when the first such need is found.
  let complaintsFound: Found<true>[] | undefined;
  const complaints = (): Found<true>[] => {
    if (complaintsFound === undefined) complaintsFound = lexicon.complaints.findAll(rest);
    return complaintsFound;
  };
  // One pass finds needs and the words that negate them; the longest phrase wins where they overlap, so the "no" of
  // the need "no kvm" is not a negation.
  const phrases = lexicon.needsAndNegations.findAll(rest);
  const found: Found<Need>[] = [];
  const negationSpans: Span[] = [];
  const indifferenceSpans: Span[] = [];
  for (const p of phrases) {
    if (p.value.kind === 'need') found.push({ start: p.start, end: p.end, value: p.value.need });
    else (p.value.kind === 'negation' ? negationSpans : indifferenceSpans).push(p);
  }
  // Everything a need's negation depends on is found once, and read with cursors: linear in the request.
  const stopEnds = ends(SCOPE_END, rest);
  const stops = new Cursor(stopEnds, (x) => x);
  const negations = new Cursor(negationSpans, (x) => x.end);
  const indifferences = new Cursor(indifferenceSpans, (x) => x.end);
  const positives = new Cursor(ends(POSITIVE, rest), (x) => x);
  const clauseEnd = (at: number) => stopEnds.find((e) => e > at) ?? rest.length;
  for (const m of found) {
    const need = m.value;
    const { start, end } = m;
    used.push({ start, end });
    // A negation reaches from its words to the end of its clause or to an "and": "no VMs or sidecars" negates both,
    // "no VMs and strong isolation" only the VMs.
    const scopeStart = stops.lastEndingBy(start) ?? 0;
    const inScope = (x: Span | undefined) => (x !== undefined && x.start >= scopeStart ? x : undefined);
    const negation = inScope(negations.lastEndingBy(start));
    const indifference = inScope(indifferences.lastEndingBy(start));
    const positive = positives.lastEndingBy(start);
    const positiveAt = positive !== undefined && positive >= scopeStart ? positive : -1;
    let next = end;
    while (next < rest.length && (rest[next] === ' ' || rest[next] === '-')) next++;
    const afterNegation = lexicon.negationAfter.matchAt(rest, next);
    const afterIndifference = lexicon.indifferentAfter.matchAt(rest, next);
    const beforeHolds = (x: Span | undefined) => x !== undefined && x.end >= positiveAt;
    const indifferent = afterIndifference !== undefined || beforeHolds(indifference);
    // "service mesh no": a negation after the need that closes its clause.
    const final = lexicon.negationFinal.matchAt(rest, next);
    const finalHolds = final !== undefined && /^[\s.!?。！？]*$/.test(rest.slice(final.end, clauseEnd(final.end)));
    // A complaint about a component in the same clause counts against it: "per-pod proxies eat our memory".
    const end0 = clauseEnd(end);
    const complaint =
      need.component === undefined
        ? undefined
        : complaints().find(
            (c) => c.start >= scopeStart && c.end <= end0 && !(negation !== undefined && negation.end <= c.start),
          );
    let negated =
      indifferent || afterNegation !== undefined || beforeHolds(negation) || (finalHolds && final !== undefined);
    // "without per-pod overhead" asks for the same thing as "per-pod overhead hurts".
    if (need.negation_affirms && !indifferent) negated = false;
    let reading: Reading | undefined = need.reading === undefined ? undefined : { kind: need.reading };
    let span: Span = m;
    if (complaint !== undefined) {
      negated = true;
      reading = { kind: 'rejects-component', component: (need.component ?? [])[0] as Operator };
      span = { start: Math.min(start, complaint.start), end: Math.max(end, complaint.end) };
      used.push(complaint);
    }
    for (const x of [negation, indifference, afterNegation, afterIndifference, finalHolds ? final : undefined]) {
      if (x !== undefined) used.push(x);
    }
    const key = `${need.id}:${negated}`;
    if (seen.has(key)) continue;
    seen.add(key);
    requirements.push({
      need: need.id,
      label: need.label,
      text: asTyped(span),
      negated,
      ...(indifferent ? { indifferent: true } : {}),
      source: 'request',
      implied: false,
      ...(reading === undefined ? {} : { reading }),
    });
  }
  // A need that counts only beside others (migration: only when VMs are named) is dropped without them.
  const wanted = new Set(requirements.filter((r) => !r.negated).map((r) => r.need));
  const kept = requirements.filter((r) => {
    const besides = lexicon.needById.get(r.need)?.with;
    return besides === undefined || besides.some((id) => wanted.has(id));
  });
  return { requirements: kept, constraints, ignored: leftovers(mask(rest, used), lexicon) };
}

// Sentences, for descriptions: a full stop only before a space or the end.
const SENTENCE = /[^!?。！？\n;；]+?(?:[!?。！？\n;；]+|\.(?=\s|$)|$)/g;

interface DescribedFound {
  readonly need: Need;
  readonly reading: Need['reading'];
  readonly sentence: Span;
  readonly spans: readonly Span[];
}

/** Capabilities described by their parts in one sentence: who must not see what ("the host can't read our memory"). */
function readDescribed(text: string, lexicon: Lexicon): DescribedFound[] {
  const out: DescribedFound[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const from = m.index;
    const to = from + m[0].length;
    for (const d of lexicon.described) {
      if (out.some((o) => o.need === d.need)) continue;
      // Every group must be found in the sentence: the first group missing ends the search for this description.
      const spans: Span[] = [];
      let all = true;
      for (const g of d.groups) {
        const hits = g.findAll(text, from, to);
        if (hits.length === 0) {
          all = false;
          break;
        }
        for (const h of hits) spans.push(h);
      }
      if (!all) continue;
      out.push({ need: d.need, reading: d.reading, sentence: { start: from, end: to }, spans });
    }
  }
  return out;
}

/** The words nobody understood, as they stand in the request, without filler. */
function leftovers(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  const add = (word: string) => {
    if (word !== '' && !out.includes(word)) out.push(word);
  };
  for (const token of text.split(/[^\p{L}\p{N}+#./'’-]+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '') continue;
    if (/\p{Script=Han}/u.test(word)) {
      for (const piece of mask(word, lexicon.fillerZh.findAll(word)).split(/\s+/)) {
        if (piece.length > 1 || (piece.length === 1 && !/\p{Script=Han}/u.test(piece))) add(piece);
      }
      continue;
    }
    // A number left over is reported too: "cold start < 10" without a unit was not understood.
    if (!lexicon.filler.has(word)) add(word);
  }
  return out;
}
