import { type Failure, fail, ok, type Result } from '../result.js';
import type { Advice, Comparison, Simplification } from './answer.js';

const quote = (text: string): string => `“${text}”`;
const DIMENSIONS = ['latency', 'security', 'observability'] as const;

/** Answers each input (requirements or a word) and sets them side by side: who wins on which metric. */
export function compareAnswers(
  inputs: readonly string[],
  answerOne: (input: string) => Result<Advice | Simplification, Failure>,
  version: string,
): Result<Comparison> {
  const list = inputs.map((i) => i.trim()).filter((i) => i !== '');
  if (list.length < 2) {
    return fail({ code: 'compare-needs-two', message: 'compare needs at least two items: compare <a> | <b> [| …]' });
  }
  if (list.length > 8) {
    return fail({ code: 'compare-too-many', message: `compare takes at most 8 items, not ${list.length}` });
  }
  const items: Comparison['items'][number][] = [];
  for (const input of list) {
    const answer = answerOne(input);
    if (!answer.ok) return fail({ code: answer.error.code, message: `${quote(input)}: ${answer.error.message}` });
    const a = answer.value;
    items.push(
      a.kind === 'advice'
        ? {
            input,
            normalForm: a.recommendation.normalForm,
            stack: a.recommendation.stack,
            metrics: a.recommendation.metrics,
            figures: a.recommendation.figures,
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
  const best = (dim: (typeof DIMENSIONS)[number]) => {
    const top = Math.max(...items.map((i) => i.metrics[dim]));
    return items.flatMap((i, k) => (i.metrics[dim] === top ? [k] : []));
  };
  const winners = { latency: best('latency'), security: best('security'), observability: best('observability') };
  const summary = DIMENSIONS.map((dim) => {
    const w = winners[dim];
    const name = dim[0].toUpperCase() + dim.slice(1);
    if (w.length === items.length) return `${name}: a tie (${items[0].metrics[dim]} for all)`;
    return `${name}: ${w.map((k) => `${items[k].normalForm} (${items[k].stack})`).join(' and ')} — ${items[w[0]].metrics[dim]} of 5`;
  });
  return ok({ kind: 'comparison', items, winners, summary, knowledgeVersion: version });
}
