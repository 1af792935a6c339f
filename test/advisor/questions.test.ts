import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/advisor/answer.js';
import type { Result } from '../../src/result.js';
import { advisor } from '../support.js';

const a = advisor();

/** The kind of answer and what it is about: `explain G`, `compare Am | M`, `simplify V∘C∘M`, `help`. */
function gist(result: Result<Answer>): string {
  if (!result.ok) return `failure ${result.error.code}`;
  const v = result.value;
  switch (v.kind) {
    case 'explanation':
      return `explain ${v.operator?.symbol ?? v.simplification?.normalForm}`;
    case 'comparison':
      return `compare ${v.items.map((i) => i.normalForm).join(' | ')}`;
    case 'simplification':
      return `simplify ${v.normalForm}`;
    case 'help':
      return 'help';
    case 'advice':
      return `advice ${v.recommendation.normalForm}`;
  }
}

// Phrasings written for these tests, not taken from the evaluation corpus.
describe('onboarding questions in natural form', () => {
  it.each([
    ['what exactly is runsc?', 'explain G'],
    ['could you explain Kata Containers to a frontend dev', 'explain Kc'],
    ['how does a waypoint proxy fit in?', 'explain Am'],
    ['why are sidecar proxies so memory hungry', 'explain M'],
    ['what does the Gk operator check?', 'explain Gk'],
    ['tell me about OpenTelemetry', 'explain Otel'],
    ['what is the P operator for', 'explain P'],
    ['请问 gVisor 是怎么拦截系统调用的？', 'explain G'],
    ['控制组是干什么的', 'explain Cg'],
    ['Cc 这个算子什么意思？', 'explain Cc'],
    ['为什么 Firecracker 这么轻？', 'explain F'],
    ['ztunnel 在节点上起什么作用？', 'explain Am'],
    ['Istio ambient 的 ztunnel 是 per node 的吗？', 'explain Am'],
  ])('%s → %s', (text, expected) => {
    expect(gist(a.answer(text))).toBe(expected);
  });

  it.each([
    ['how does gVisor differ from Firecracker?', 'compare G | F'],
    ['which boots faster, Firecracker or a plain VM?', 'compare F | V'],
    ['compare WasmEdge with gVisor', 'compare We | G'],
    ['Linkerd or ambient, which one uses less memory?', 'compare M | Am'],
    ['边车和 ztunnel 有什么区别？', 'compare M | Am'],
    ['gVisor 跟 Kata 虚拟机相比哪个隔离更强', 'compare G | V'],
    ['V∘C∘M versus V∘S∘C, which is safer?', 'compare V∘C∘M | V∘S∘C'],
  ])('%s → %s', (text, expected) => {
    expect(gist(a.answer(text))).toBe(expected);
  });

  it.each([
    ['simplify V → S → C → M → M pls', 'simplify V∘S∘C∘M'],
    ['could you reduce I->C->S->Am->Am?', 'simplify I∘C∘S∘Am'],
    ['请化简 G→I→C→S→S', 'simplify G∘I∘C∘S'],
    ['I∘C∘S∘W∘W 的范式是什么', 'simplify I∘C∘S∘W'],
  ])('%s → %s', (text, expected) => {
    expect(gist(a.answer(text))).toBe(expected);
  });

  it.each([
    ['how should I use you?'],
    ['what can I type after /stack'],
    ['what sort of questions do you handle?'],
    ['这个工具怎么用'],
    ['你能做什么？'],
  ])('%s → help', (text) => {
    expect(gist(a.answer(text))).toBe('help');
  });

  it('a question never meets an algebra error, and requests that ask something stay requests', () => {
    for (const text of ['what does the S operator do?', 'what is the W operator good for?', 'S 这个算子是干嘛的？']) {
      expect(gist(a.answer(text))).toMatch(/^explain /);
    }
    expect(gist(a.answer('what stack for edge functions with cold start < 10ms?'))).toBe('advice I∘C∘S∘W');
    expect(gist(a.answer('how do we run untrusted plugins safely, multi-tenant, compliance?'))).toMatch(/^advice V/);
    expect(gist(a.answer('V -> C -> M, but we also need compliance and multi-tenancy'))).toMatch(/^advice /);
  });
});
