import { fail, failure, ok, type Result } from '../result.js';
import type { Advice, Comparison, Dimension, Language, RadarStamp, Simplification } from './answer.js';
import { DIMENSIONS } from './answer.js';

/** The most items one comparison sets side by side. */
export const MAX_COMPARED = 8;

/** Answers each input (requirements or a word) and sets them side by side: who wins on which metric. */
export function compareAnswers(
  inputs: readonly string[],
  answerOne: (input: string) => Result<Advice | Simplification>,
  version: string,
  language: Language,
  radar?: RadarStamp,
): Result<Comparison> {
  const list = inputs.map((i) => i.trim()).filter((i) => i !== '');
  if (list.length < 2) return fail({ ...failure('compare-needs-two', {}), language });
  if (list.length > MAX_COMPARED) {
    return fail({ ...failure('compare-too-many', { count: list.length, limit: MAX_COMPARED }), language });
  }
  const items: Comparison['items'][number][] = [];
  for (const input of list) {
    const answer = answerOne(input);
    if (!answer.ok) return fail({ ...answer.error, item: input, language });
    const a = answer.value;
    items.push(
      a.kind === 'advice'
        ? {
            input,
            normalForm: a.recommendation.normalForm,
            stack: a.recommendation.stack.name,
            metrics: a.recommendation.metrics,
            figures: a.recommendation.stack.figures,
            answer: a,
          }
        : {
            input,
            normalForm: a.normalForm,
            stack: a.stack.name,
            metrics: a.metrics,
            figures: a.stack.figures,
            answer: a,
          },
    );
  }
  const best = (dim: Dimension) => {
    const top = Math.max(...items.map((i) => i.metrics[dim]));
    return items.flatMap((i, k) => (i.metrics[dim] === top ? [k] : []));
  };
  const winners = Object.fromEntries(DIMENSIONS.map((d) => [d, best(d)])) as Record<Dimension, number[]>;
  return ok({
    kind: 'comparison',
    language,
    items,
    winners,
    knowledgeVersion: version,
    ...(radar === undefined ? {} : { radar }),
  });
}
