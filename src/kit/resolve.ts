import type { Knowledge, Stack } from '../knowledge/schema.js';
import { fail, failure, ok, type Result } from '../result.js';

/** Where an answer lands: the stack row of its normal form, if the knowledge base has one. */
export interface Landing {
  readonly stackId: string | undefined;
  readonly normalForm: string;
}

/** Answers a word or requirements the way the product does (the Advisor), reduced to where the answer lands. */
export type Answerer = (text: string) => Result<Landing>;

const operatorsOf = (form: string): string[] => form.split('∘').filter((op) => op !== '' && op !== '∅');

/** The stack to suggest for a form without a row: the same operators in another order, else the most shared. */
export function closestStack(kb: Knowledge, form: string): { stack: Stack; sameOperators: boolean } | undefined {
  const wanted = operatorsOf(form);
  const set = new Set(wanted);
  let best: { stack: Stack; score: number; sameOperators: boolean } | undefined;
  for (const stack of kb.stacks) {
    const ops = operatorsOf(stack.form);
    const shared = ops.filter((op) => set.has(op)).length;
    const sameOperators = shared === ops.length && ops.length === wanted.length;
    const score = (sameOperators ? 1000 : 0) + shared * 2 - (ops.length - shared) + (ops[0] === wanted[0] ? 1 : 0);
    if (shared > 0 && (best === undefined || score > best.score)) best = { stack, score, sameOperators };
  }
  return best && { stack: best.stack, sameOperators: best.sameOperators };
}

/**
 * The stack a kit is built for: a stack id as typed (`edge`), else the stack the product's answer to the text lands
 * on (a word such as `I∘C∘S∘M`, or requirements). A form without a stack row gets no kit - its commands would be
 * another stack's - but a failure that names the closest stack and how to ask for its kit.
 */
export function resolveKitStack(kb: Knowledge, text: string, answer: Answerer): Result<Stack> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return fail(failure('empty-request', { for: 'kit' }));
  }
  const byId = kb.stacks.find((s) => s.id === trimmed);
  if (byId !== undefined) return ok(byId);
  const landing = answer(trimmed);
  if (!landing.ok) return landing;
  const { stackId, normalForm } = landing.value;
  const stack = kb.stacks.find((s) => s.id === stackId);
  if (stack !== undefined) return ok(stack);
  const closest = closestStack(kb, normalForm);
  return fail(
    failure('no-stack-for-form', {
      normalForm,
      ...(closest === undefined
        ? {}
        : { closest: { id: closest.stack.id, form: closest.stack.form, sameOperators: closest.sameOperators } }),
      known: kb.stacks.map((s) => ({ id: s.id, form: s.form })),
    }),
  );
}
