import { type Head, isHead, type Letter, type Operator, RANK, RANKED } from './operators.js';

const RANK_ORDER = RANKED.join(' < ');

import { type Failure, fail, ok, type Result } from './result.js';

export type Axiom = 'A2' | 'A3' | 'A4' | 'A6' | 'A7';

/** One rewrite applied during normalization: which axiom, what it did, the whole word before and after. */
export interface RewriteStep {
  readonly axiom: Axiom;
  readonly rule: string;
  readonly before: string;
  readonly after: string;
}

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
  readonly warnings: readonly string[];
}

export interface NormalizeFailure extends Failure {
  readonly code: 'two-heads' | 'container-before-head' | 'unmatched-inverse';
}

/** Prints a word the way the product writes it: `V∘C∘M`, or `∅` when empty. */
export function printWord(word: readonly Letter[]): string {
  return word.length === 0 ? '∅' : word.join('∘');
}

function normalForm(operators: Operator[]): NormalForm {
  const head = operators.length > 0 && isHead(operators[0]) ? operators[0] : undefined;
  return { operators, head, text: printWord(operators) };
}

/**
 * Normalizes a parsed word exactly as ALGEBRA.md §3, in time linear in its length.
 * Returns the normal form with every rewrite step and warning, or the reason the word has none.
 */
export function normalize(word: readonly Letter[]): Result<Normalization, NormalizeFailure> {
  const steps: RewriteStep[] = [];
  const warnings: string[] = [];
  const input = printWord(word);
  let current = input;
  const record = (axiom: Axiom, rule: string, next: readonly Letter[]) => {
    const after = printWord(next);
    steps.push({ axiom, rule, before: current, after });
    current = after;
  };

  // Phase 1, clean: ∅ disappears (A6), then V∘V⁻¹ cancels (A7).
  let letters: Letter[] = word.filter((l) => l !== '∅');
  if (letters.length !== word.length) {
    record('A6', `∅ is the no-op: ${word.length - letters.length} × ∅ removed`, letters);
  }
  if (letters.includes('V⁻¹')) {
    const kept: Letter[] = [];
    let cancelled = 0;
    for (const l of letters) {
      if (l === 'V⁻¹') {
        if (kept[kept.length - 1] !== 'V') {
          return fail({
            code: 'unmatched-inverse',
            message:
              'V⁻¹ (hardware unlock) only undoes a V written immediately before it (A7: V∘V⁻¹ → ∅); here there is none to undo',
          });
        }
        kept.pop();
        cancelled++;
      } else kept.push(l);
    }
    letters = kept;
    record('A7', `V∘V⁻¹ → ∅ (weak inverse), ${cancelled} × cancelled`, letters);
  }
  const ops = letters as Operator[];

  // Phase 2, collapse runs: X∘X → X (A2), V∘V → V with a warning.
  const collapsed: Operator[] = [];
  const runs = new Map<Operator, number>();
  for (const op of ops) {
    if (collapsed[collapsed.length - 1] === op) runs.set(op, (runs.get(op) ?? 0) + 1);
    else collapsed.push(op);
  }
  if (runs.size > 0) {
    const rules = [...runs.keys()].map((op) => `${op}∘${op} → ${op}`).join(', ');
    record('A2', `idempotence: ${rules}`, collapsed);
    if (runs.has('V')) {
      warnings.push(
        'V∘V collapsed to V: nested virtualization (a VM inside a VM) is not the same object and needs hardware support (e.g. nested KVM) — write one V unless you really mean it',
      );
    }
  }

  // Phase 3, head check.
  const headAt: number[] = [];
  for (let i = 0; i < collapsed.length; i++) if (isHead(collapsed[i])) headAt.push(i);
  if (headAt.length > 1) {
    const found = headAt.map((i) => `${collapsed[i]} at position ${i + 1}`).join(' and ');
    return fail({
      code: 'two-heads',
      message: `two heads (${found}): a stack has one isolation boundary — V, Kc, F, G or Cc — pick one of them`,
    });
  }
  const head = headAt.length === 1 ? (collapsed[headAt[0]] as Head) : undefined;
  if (head !== undefined) {
    const containerBefore = collapsed.indexOf('C');
    if (containerBefore >= 0 && containerBefore < headAt[0]) {
      return fail({
        code: 'container-before-head',
        message: `C comes before the head ${head}: that would be a VM inside a container, a different object (A3: ${head}∘C ≠ C∘${head}). Put the head first, e.g. ${head}∘C`,
      });
    }
    if (headAt[0] > 0) {
      const moved = [head, ...collapsed.filter((op) => op !== head)];
      record('A7', `the head ${head} moves to the front`, moved);
    }
  }

  // Phases 4 and 5: one of each operator (A2), at its last occurrence; then the order of the normal form.
  const last = new Map<Operator, number>();
  for (let i = 0; i < collapsed.length; i++) last.set(collapsed[i], i);
  const deduped = collapsed.filter((op, i) => last.get(op) === i);
  if (deduped.length !== collapsed.length) {
    const repeated = [...new Set(collapsed.filter((op, i) => last.get(op) !== i))].join(', ');
    record('A2', `idempotence: ${repeated} repeated, kept once (the last occurrence is the outer layer)`, deduped);
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
  if (printWord(result) !== current) {
    if (head === undefined) {
      record('A2', `no head, so the operators commute: sorted by rank ${RANK_ORDER}`, result);
    } else {
      record(
        'A4',
        `under the head ${head}: I first, C and S kept in the order of their last occurrence (S∘C ≠ C∘S), add-ons by rank`,
        result,
      );
    }
  }
  return ok({ input, normalForm: normalForm(result), steps, warnings });
}
