import { letterOf } from '../algebra/operators.js';
import type { Language } from '../language.js';
import { fail, failure, ok, type Result } from '../result.js';
import type { Explanation, Simplification } from './answer.js';
import { listingOf } from './catalog.js';
import type { AdvisorCore } from './core.js';
import { viewOf } from './figures.js';

/**
 * Onboarding for an operator (`W`, `otel`, `Ambient mesh`), the two letters that are not operators (`∅`, `V⁻¹`), a
 * stack by id or name, or a word (`V∘S∘C∘M`, explained by its simplification).
 */
export function explainTarget(
  core: AdvisorCore,
  target: string,
  language: Language,
  simplify: (word: string) => Result<Simplification>,
): Result<Explanation> {
  const { catalog, version } = core;
  // "Am?", "`W`", "“Ambient mesh”": the question marks and quotes are not part of the name.
  const t = target
    .trim()
    .replace(/^[`'"“”‘’]+|[`'"“”‘’?？!！.。]+$/g, '')
    .trim();
  if (t === '') return fail({ ...failure('empty-target', {}), language });
  const radar = core.radar;
  const base = {
    kind: 'explanation' as const,
    language,
    target: t,
    knowledgeVersion: version,
    ...(radar === undefined ? {} : { radar: radar.stamp }),
  };
  const letter = letterOf(t) ?? catalog.operatorByName.get(t.toLowerCase());
  if (letter === '∅' || letter === 'V⁻¹') return ok({ ...base, glossary: letter, stacks: [] });
  const info = letter === undefined ? undefined : catalog.operators.get(letter);
  if (info) {
    return ok({
      ...base,
      operator: { ...info, figureViews: info.figures.map(viewOf) },
      ...(radar === undefined ? {} : { marks: radar.byOperator.get(info.symbol) ?? [] }),
      stacks: catalog.entries.filter((e) => e.operators.includes(info.symbol)).map(listingOf),
    });
  }
  const byId = catalog.entries.find(
    (e) => e.stack.id === t.toLowerCase() || e.stack.name.toLowerCase() === t.toLowerCase(),
  );
  const simplified = simplify(byId ? byId.stack.form : t);
  if (!simplified.ok) return simplified;
  const form = simplified.value.normalForm;
  return ok({
    ...base,
    stacks: catalog.entries.filter((e) => e.stack.form === form).map(listingOf),
    simplification: simplified.value,
  });
}
