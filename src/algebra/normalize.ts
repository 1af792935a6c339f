import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { type Head, isHead, type Letter, type Operator, RANK } from './operators.js';

export type Axiom = 'A2' | 'A3' | 'A4' | 'A6' | 'A7';

/** What a rewrite did, as data; the catalogs say it in words. */
export type Rule =
  | { readonly code: 'remove-empty'; readonly count: number }
  | { readonly code: 'cancel-inverse'; readonly count: number }
  | { readonly code: 'collapse-runs'; readonly operators: readonly Operator[] }
  | { readonly code: 'head-to-front'; readonly head: Head }
  | { readonly code: 'keep-last'; readonly operators: readonly Operator[] }
  | { readonly code: 'sort-by-rank' }
  | { readonly code: 'order-under-head'; readonly head: Head };

/** One rewrite applied during normalization: which axiom, which rule, the whole word before and after. */
export interface RewriteStep {
  readonly axiom: Axiom;
  readonly rule: Rule;
  readonly before: string;
  readonly after: string;
}

/** Something worth knowing about a word that still has a normal form. */
export type AlgebraWarning = { readonly code: 'nested-virtualization' };

export interface NormalForm {
  readonly operators: readonly Operator[];
  readonly head: Head | undefined;
  /** Printed with `∘`; the empty word prints as `∅`. */
  readonly text: string;
}

export interface Normalization {
  readonly input: string;
  readonly normalForm: NormalForm;
  readonly steps: readonly RewriteStep[];
  readonly warnings: readonly AlgebraWarning[];
}

export type NormalizeFailure = Failure<'two-heads' | 'container-before-head' | 'unmatched-inverse'>;

/** Prints a word the way the product writes it: `V∘C∘M`, or `∅` when empty. */
export function printWord(word: readonly Letter[]): string {
  return word.length === 0 ? '∅' : word.join('∘');
}

function normalForm(operators: Operator[]): NormalForm {
  const head = operators.length > 0 && isHead(operators[0]) ? operators[0] : undefined;
  return { operators, head, text: printWord(operators) };
}

/** Where each run of a head starts in the word as typed (1-based): `V∘V∘C∘Kc` has V at 1 and Kc at 4. */
function headPositions(word: readonly Letter[]): { head: Letter; position: number }[] {
  const out: { head: Letter; position: number }[] = [];
  let previous: Letter | undefined;
  word.forEach((letter, i) => {
    if (letter === '∅') return;
    if (isHead(letter) && letter !== previous) out.push({ head: letter, position: i + 1 });
    previous = letter;
  });
  return out;
}

/** A word whose printed form is computed once, when first read: a million-operator trace costs nothing unread. */
class Printed {
  private text: string | undefined;
  constructor(private readonly word: readonly Letter[] | (() => readonly Letter[])) {}
  toString(): string {
    this.text ??= printWord(typeof this.word === 'function' ? this.word() : this.word);
    return this.text;
  }
}

/** Words up to this length print their trace at once: laziness only pays for long words. */
const EAGER = 1000;

/** A step whose `before` and `after` are own enumerable properties (so JSON and spreads see them), printed lazily. */
function step(axiom: Axiom, rule: Rule, before: Printed, after: Printed, eager: boolean): RewriteStep {
  if (eager) return { axiom, rule, before: before.toString(), after: after.toString() };
  return Object.defineProperties({ axiom, rule } as RewriteStep, {
    before: { enumerable: true, get: () => before.toString() },
    after: { enumerable: true, get: () => after.toString() },
  });
}

/**
 * Normalizes a parsed word exactly as ALGEBRA.md §3, in time linear in its length.
 * Returns the normal form with every rewrite step and warning, or the reason the word has none.
 */
export function normalize(word: readonly Letter[]): Result<Normalization, NormalizeFailure> {
  const steps: RewriteStep[] = [];
  const warnings: AlgebraWarning[] = [];
  const input = new Printed(word);
  let current = input;
  const record = (axiom: Axiom, rule: Rule, next: readonly Letter[]) => {
    const after = new Printed(next);
    steps.push(step(axiom, rule, current, after, word.length <= EAGER));
    current = after;
  };

  // Phase 1, clean: ∅ disappears (A6), then V∘V⁻¹ cancels (A7).
  let letters: readonly Letter[] = word;
  if (word.includes('∅')) {
    letters = word.filter((l) => l !== '∅');
    record('A6', { code: 'remove-empty', count: word.length - letters.length }, letters);
  }
  if (letters.includes('V⁻¹')) {
    const kept: Letter[] = [];
    let cancelled = 0;
    for (const l of letters) {
      if (l !== 'V⁻¹') kept.push(l);
      else if (kept[kept.length - 1] === 'V') {
        kept.pop();
        cancelled++;
      } else {
        return fail(failure('unmatched-inverse', {}));
      }
    }
    letters = kept;
    record('A7', { code: 'cancel-inverse', count: cancelled }, letters);
  }
  const ops = letters as readonly Operator[];

  // Phase 2, collapse runs: X∘X → X (A2), V∘V → V with a warning. The same pass finds the heads and the first C.
  const collapsed: Operator[] = [];
  const runs = new Set<Operator>();
  const distinct = new Set<Operator>();
  const first = new Map<Operator, number>();
  const headAt: number[] = [];
  let firstC = -1;
  let previous: Operator | undefined;
  for (const op of ops) {
    if (op === previous) {
      runs.add(op);
      continue;
    }
    previous = op;
    if (isHead(op)) headAt.push(collapsed.length);
    else if (op === 'C' && firstC < 0) firstC = collapsed.length;
    if (!distinct.has(op)) {
      distinct.add(op);
      first.set(op, collapsed.length);
    }
    collapsed.push(op);
  }
  if (runs.size > 0) {
    record('A2', { code: 'collapse-runs', operators: [...runs] }, collapsed);
    if (runs.has('V')) {
      warnings.push({ code: 'nested-virtualization' });
    }
  }

  // Phase 3, head check.
  if (headAt.length > 1) {
    return fail(failure('two-heads', { heads: headPositions(word).slice(0, 2) }));
  }
  const head = headAt.length === 1 ? (collapsed[headAt[0]] as Head) : undefined;
  if (head !== undefined) {
    if (firstC >= 0 && firstC < headAt[0]) {
      return fail(failure('container-before-head', { head }));
    }
    if (headAt[0] > 0) {
      const at = headAt[0];
      // Built only if someone reads this step.
      const moved = new Printed(() => [head, ...collapsed.slice(0, at), ...collapsed.slice(at + 1)]);
      steps.push(step('A7', { code: 'head-to-front', head }, current, moved, word.length <= EAGER));
      current = moved;
    }
  }

  // Phases 4 and 5: one of each operator (A2), at its last occurrence; then the order of the normal form.
  const last = new Map<Operator, number>();
  for (let i = collapsed.length - 1; i >= 0 && last.size < distinct.size; i--) {
    if (!last.has(collapsed[i])) last.set(collapsed[i], i);
  }
  const byLast = [...last.keys()].sort((a, b) => (last.get(a) ?? 0) - (last.get(b) ?? 0));
  const deduped = head === undefined ? byLast : [head, ...byLast.filter((op) => op !== head)];
  if (deduped.length !== collapsed.length) {
    const repeated = [...distinct].filter((op) => first.get(op) !== last.get(op));
    record('A2', { code: 'keep-last', operators: repeated }, deduped);
  }
  const rank = (op: Operator): number => RANK.get(op) ?? 0;
  const result = [...deduped];
  if (head === undefined) {
    result.sort((a, b) => rank(a) - rank(b));
  } else {
    const tier = (op: Operator): number => (op === head ? 0 : op === 'I' ? 1 : op === 'C' || op === 'S' ? 2 : 3);
    result.sort(
      (a, b) => tier(a) - tier(b) || (tier(a) === 2 ? (last.get(a) ?? 0) - (last.get(b) ?? 0) : rank(a) - rank(b)),
    );
  }
  // The word before this phase is `deduped` whether or not a repeat was removed.
  if (result.some((op, i) => op !== deduped[i])) {
    if (head === undefined) {
      record('A2', { code: 'sort-by-rank' }, result);
    } else {
      record('A4', { code: 'order-under-head', head }, result);
    }
  }
  // A short word is printed now (a plain object is faster to read); a long one only when someone reads it.
  if (word.length <= EAGER) return ok({ input: input.toString(), normalForm: normalForm(result), steps, warnings });
  const normalization = { normalForm: normalForm(result), steps, warnings } as unknown as Normalization;
  return ok(Object.defineProperty(normalization, 'input', { enumerable: true, get: () => input.toString() }));
}
