import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/advisor/catalog.js';
import { answerMessage } from '../../src/render/blocks.js';
import { metricsBlocks, stackBlocks } from '../../src/render/blocks-stack.js';
import { deployKitButton, explainButton, feedbackBlock, fromAction } from '../../src/render/buttons.js';
import { messages } from '../../src/render/messages/index.js';
import { advisor, knowledge } from '../support.js';

/**
 * The blocks of a stack and of a form's metrics are rendered once per language and shared by every answer that
 * shows them; the catalog builds a composed stack and a form's metrics once. Shared means frozen, and equal to what
 * rendering afresh gives.
 */
describe('blocks shared between answers', () => {
  const a = advisor();

  it('an answer rendered again is the same message, and its shared blocks cannot be changed', () => {
    for (const text of [
      'strong isolation and observability',
      '多租户 强隔离 冷启动 < 100ms',
      'edge, cold start < 5ms',
    ]) {
      const answer = a.answer(text);
      if (!answer.ok || answer.value.kind !== 'advice') throw new Error(text);
      const first = answerMessage(answer.value, { shareRequest: text });
      const second = answerMessage(answer.value, { shareRequest: text });
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      const r = answer.value.recommendation;
      const m = messages(answer.value.language);
      const shared = stackBlocks(m, r.stack, r.marks);
      expect(Object.isFrozen(shared[0])).toBe(true);
      expect(() => {
        (shared[0] as { type: string }).type = 'divider';
      }).toThrow(TypeError);
      // The list itself is the caller's: adding to it does not reach the next answer.
      shared.push({ type: 'divider' });
      expect(stackBlocks(m, r.stack, r.marks)).toHaveLength(shared.length - 1);
      expect(metricsBlocks(m, r.metrics, r.stack.figures)).toEqual(metricsBlocks(m, r.metrics, r.stack.figures));
    }
  });

  it('the two languages keep their own blocks for the same stack', () => {
    const en = a.answer('strong isolation');
    const zh = a.answer('强隔离');
    if (!en.ok || en.value.kind !== 'advice' || !zh.ok || zh.value.kind !== 'advice') throw new Error('no advice');
    expect(en.value.recommendation.stack).toBe(zh.value.recommendation.stack);
    const s = en.value.recommendation.stack;
    expect(JSON.stringify(stackBlocks(messages('en'), s))).not.toBe(JSON.stringify(stackBlocks(messages('zh'), s)));
  });

  it('a composed stack and the metrics of a form are built once per catalog, and equal a fresh catalog’s', () => {
    const catalog = new Catalog(knowledge());
    const fresh = new Catalog(knowledge());
    const base = catalog.entries[0];
    const operators = [...base.operators, 'Ot'] as typeof base.operators;
    expect(catalog.stackView(operators, base)).toBe(catalog.stackView(operators, base));
    expect(catalog.stackView(operators, base)).toEqual(fresh.stackView(operators, fresh.entries[0]));
    expect(catalog.metricsOf(operators)).toBe(catalog.metricsOf(operators));
    expect(catalog.metricsOf(operators)).toEqual(fresh.table.metricsOf(operators));
  });

  it('the buttons of a form or a stack are built once per language, frozen, and say what they said', () => {
    const en = messages('en');
    const zh = messages('zh');
    expect(explainButton(en, 'V∘C∘M')).toBe(explainButton(en, 'V∘C∘M'));
    expect(explainButton(zh, 'V∘C∘M')).not.toBe(explainButton(en, 'V∘C∘M'));
    expect(Object.isFrozen(explainButton(en, 'V∘C∘M').text)).toBe(true);
    expect(fromAction('explain_operators', explainButton(zh, 'V∘C∘M').value)).toEqual({
      kind: 'explain',
      form: 'V∘C∘M',
      language: 'zh',
    });
    expect(fromAction('deploy_kit', deployKitButton(en, 'kata').value)).toEqual({
      kind: 'deploy-kit',
      stackId: 'kata',
      language: 'en',
    });
    const feedback = feedbackBlock(zh, 'C∘M');
    expect(feedback).toBe(feedbackBlock(zh, 'C∘M'));
    expect(Object.isFrozen(feedback.elements[0])).toBe(true);
  });
});
