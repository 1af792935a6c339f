import type { Advisor } from '../../src/advisor/advisor.js';
import type { Answer, Carried } from '../../src/advisor/answer.js';
import type { Result } from '../../src/result.js';
import type { EvalCase } from './corpus.js';

/** What one case got: a short label comparable with the expected one, and whether it passes. */
export interface Scored {
  readonly case: EvalCase;
  readonly pass: boolean;
  /** What was expected, as a label: a normal form for advice, else the kind (with its form or target). */
  readonly expected: string;
  readonly got: string;
}

const operatorsOf = (form: string): string[] => form.split('∘');

/** True when an item's normal form is the expected form, or contains the expected operator. */
function matches(normalForm: string, expected: string): boolean {
  return expected.includes('∘') ? normalForm === expected : operatorsOf(normalForm).includes(expected);
}

/** The label of an answer: `advice I∘C∘S∘M`, `conflict V∘S∘C`, `explain Am`, `failure out-of-scope`. */
export function labelOf(result: Result<Answer>): string {
  if (!result.ok) return `failure ${result.error.code}`;
  const a = result.value;
  switch (a.kind) {
    case 'advice': {
      const tags = [a.conflicts.length > 0 ? 'conflict' : '', a.outOfScope.length > 0 ? 'out-of-scope' : ''];
      return [...tags.filter((t) => t !== ''), 'advice', a.recommendation.normalForm].join(' ');
    }
    case 'simplification':
      return `simplify ${a.normalForm}`;
    case 'explanation':
      return `explain ${a.operator?.symbol ?? a.simplification?.normalForm ?? a.glossary ?? a.target}`;
    case 'comparison':
      return `compare ${a.items.map((i) => i.normalForm).join(' | ')}`;
    case 'help':
      return 'help';
  }
}

/** The label a case expects, in the same words as `labelOf`. */
export function expectedOf(c: EvalCase): string {
  switch (c.kind) {
    case 'advice':
      return `advice ${c.form}`;
    case 'conflict':
    case 'out-of-scope':
      return c.form === undefined ? c.kind : `${c.kind} ${c.form}`;
    case 'explain':
      return `explain ${c.target}`;
    case 'compare':
      return `compare ${(c.forms ?? []).join(' | ')}`;
    case 'simplify':
      return `simplify ${c.form}`;
    default:
      return c.kind;
  }
}

/** Whether an answer is what the case expects (see docs/EVALUATION.md, "How a case is scored"). */
export function passes(c: EvalCase, result: Result<Answer>): boolean {
  if (!result.ok) {
    if (c.kind === 'reject') return true;
    return c.kind === 'out-of-scope' && c.form === undefined && result.error.code === 'out-of-scope';
  }
  const a = result.value;
  switch (c.kind) {
    case 'advice':
      return a.kind === 'advice' && a.recommendation.normalForm === c.form;
    case 'conflict':
      return (
        a.kind === 'advice' &&
        a.conflicts.length > 0 &&
        (c.form === undefined || a.recommendation.normalForm === c.form)
      );
    case 'reject':
      return false;
    case 'out-of-scope':
      return (
        a.kind === 'advice' &&
        a.outOfScope.length > 0 &&
        (c.form === undefined || a.recommendation.normalForm === c.form)
      );
    case 'explain': {
      if (a.kind !== 'explanation' || c.target === undefined) return false;
      if (a.operator !== undefined) return a.operator.symbol === c.target;
      return a.simplification !== undefined && operatorsOf(a.simplification.normalForm).includes(c.target);
    }
    case 'compare': {
      if (a.kind !== 'comparison' || c.forms === undefined) return false;
      const forms = a.items.map((i) => i.normalForm);
      return c.forms.every((f) => forms.some((n) => matches(n, f)));
    }
    case 'help':
      return a.kind === 'help';
    case 'simplify':
      return a.kind === 'simplification' && a.normalForm === c.form;
  }
}

/** Answers one case as `/stack` would (a follow-up after its thread's earlier message) and scores it. */
export function scoreCase(advisor: Advisor, c: EvalCase): Scored {
  let carried: Carried | undefined;
  if (c.previous !== undefined) {
    const earlier = advisor.answer(c.previous);
    if (earlier.ok && earlier.value.kind === 'advice') carried = earlier.value.carried;
  }
  const result = advisor.answer(c.text, carried);
  return { case: c, pass: passes(c, result), expected: expectedOf(c), got: labelOf(result) };
}
