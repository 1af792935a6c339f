import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/advisor/answer.js';
import { StackSchema } from '../../src/knowledge/schema.js';
import { answerMessage } from '../../src/render/blocks.js';
import { renderText } from '../../src/render/terminal.js';
import { visibleTexts } from '../render/block-kit-limits.js';
import { advisor, knowledge } from '../support.js';

// Issue 12: where a stack has a known caveat in practice, the answer says so next to the stack, in both languages.
const kb = knowledge();
const answers = advisor();
const stack = (id: string) => {
  const s = kb.stacks.find((x) => x.id === id);
  if (s === undefined) throw new Error(id);
  return s;
};

const CASES: [string, string, string][] = [
  ['strong-isolation', 'tcfilter', 'l3forwarding'],
  ['hybrid', 'sidecar', 'Sidecar'],
  ['kata-mesh', 'ambient', 'Ambient'],
  ['kata-runtime', 'istio/istio PR #60876', 'istio/istio PR #60876'],
  ['gvisor', 'oci-seccomp = true', 'oci-seccomp = true'],
  ['edge', 'Docker Engine 23', 'Docker Engine 23'],
  ['confidential', 'attestation', '远程证明'],
];

describe('stack caveats', () => {
  it.each(CASES)('%s carries a caveat in English and Chinese', (id, en, zh) => {
    const caveats = stack(id).caveats ?? [];
    expect(caveats.some((c) => c.en.includes(en))).toBe(true);
    expect(caveats.some((c) => c.zh.includes(zh))).toBe(true);
  });

  it('are validated by the schema: both languages, no empty text', () => {
    const s = stack('gvisor');
    expect(StackSchema.safeParse(s).success).toBe(true);
    expect(StackSchema.safeParse({ ...s, caveats: [{ en: 'only English' }] }).success).toBe(false);
    expect(StackSchema.safeParse({ ...s, caveats: [{ en: '', zh: '空' }] }).success).toBe(false);
  });

  it('come with the answer to a word, next to the stack, in Slack and in the terminal', () => {
    const a = answers.answer('G∘I∘C∘S');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const advice = a.value as Advice;
    const caveats = advice.kind === 'advice' ? advice.recommendation.stack.caveats : [];
    const view = a.value.kind === 'simplification' ? a.value.stack.caveats : caveats;
    expect(view.map((c) => c.en).join(' ')).toContain('oci-seccomp');
    expect(visibleTexts(answerMessage(a.value)).join('\n')).toContain('⚠ gVisor ignores');
    expect(renderText(a.value, { color: false })).toContain('⚠ gVisor ignores');
  });

  it('come with the advice to requirements, in the language of the request', () => {
    const en = answers.advise('strong isolation, compliance, multi-tenant');
    const zh = answers.advise('强隔离+合规，多租户');
    expect(en.ok && zh.ok).toBe(true);
    if (!en.ok || !zh.ok) return;
    expect(en.value.recommendation.stack.id).toBe('strong-isolation');
    expect(en.value.recommendation.stack.caveats.map((c) => c.en).join(' ')).toContain(
      'Istio ambient does not capture Kata pods',
    );
    expect(zh.value.recommendation.stack.caveats.map((c) => c.zh).join(' ')).toContain('Istio Ambient 无法捕获');
    expect(visibleTexts(answerMessage(zh.value)).join('\n')).toContain('⚠ Istio Ambient 无法捕获');
  });

  it('a stack without caveats shows none', () => {
    const a = answers.advise('simple');
    expect(a.ok && a.value.recommendation.stack.caveats).toEqual([]);
  });
});
