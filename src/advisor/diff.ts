import type { Localized } from '../language.js';
import type { Advice, ConstraintCheck, ConstraintRef, Dimension, Requirement } from './answer.js';
import { DIMENSIONS } from './answer.js';

/**
 * What changed between two answers, as facts: the stack and normal form before and after, the requirements that came
 * or went (the cause), the metric deltas and the numeric checks whose verdict flipped. Pure.
 */

/** A need as the diff names it: by id, with the words that asked for it. */
export type RequirementChange =
  | { readonly kind: 'need'; readonly requirement: Requirement }
  | { readonly kind: 'number'; readonly constraint: ConstraintRef };

export interface MetricDelta {
  readonly dimension: Dimension;
  readonly before: number;
  readonly after: number;
}

/** A numeric check whose verdict differs: `before` is undefined for a number the earlier answer did not have. */
export interface FlippedCheck {
  readonly constraint: ConstraintRef;
  readonly before: ConstraintCheck['status'] | undefined;
  readonly after: ConstraintCheck['status'];
}

/** One side of the diff: the recommended stack, its normal form and its metric label. */
export interface DiffSide {
  readonly stackId: string | undefined;
  readonly name: Localized;
  readonly form: string;
  readonly label: string;
}

export interface AnswerDiff {
  readonly kind: 'diff';
  readonly language: Advice['language'];
  /** True when the recommended normal form differs. */
  readonly changed: boolean;
  readonly before: DiffSide;
  readonly after: DiffSide;
  readonly added: readonly RequirementChange[];
  readonly removed: readonly RequirementChange[];
  /** Only the dimensions whose score moved. */
  readonly metrics: readonly MetricDelta[];
  readonly flipped: readonly FlippedCheck[];
  readonly knowledgeVersion: string;
}

const needKey = (r: Requirement) => `${r.need}:${r.negated}`;
const numberKey = (c: ConstraintRef) => `${c.quantity}:${c.comparator}:${c.value}:${c.unit}`;

function sideOf(a: Advice): DiffSide {
  const r = a.recommendation;
  return { stackId: r.stack.id, name: r.stack.name, form: r.normalForm, label: r.metrics.label };
}

function changes(from: Advice, to: Advice): RequirementChange[] {
  const needs = new Set(from.requirements.filter((r) => !r.implied).map(needKey));
  const numbers = new Set(from.constraints.map(numberKey));
  return [
    ...to.requirements
      .filter((r) => !r.implied && !needs.has(needKey(r)))
      .map((requirement): RequirementChange => ({ kind: 'need', requirement })),
    ...to.constraints
      .filter((c) => !numbers.has(numberKey(c)))
      .map((constraint): RequirementChange => ({ kind: 'number', constraint })),
  ];
}

/** The difference between an earlier answer and a later one (a thread follow-up, or `diff "<before>" "<after>"`). */
export function diffAnswers(before: Advice, after: Advice): AnswerDiff {
  const b = before.recommendation;
  const a = after.recommendation;
  const earlier = new Map(b.checks.map((c) => [numberKey(c.constraint), c.status]));
  return {
    kind: 'diff',
    language: after.language,
    changed: b.normalForm !== a.normalForm,
    before: sideOf(before),
    after: sideOf(after),
    added: changes(before, after),
    removed: changes(after, before),
    metrics: DIMENSIONS.filter((d) => b.metrics[d] !== a.metrics[d]).map((dimension) => ({
      dimension,
      before: b.metrics[dimension],
      after: a.metrics[dimension],
    })),
    flipped: a.checks
      .map((c) => ({ constraint: c.constraint, before: earlier.get(numberKey(c.constraint)), after: c.status }))
      .filter((f) => f.before !== f.after),
    knowledgeVersion: after.knowledgeVersion,
  };
}
