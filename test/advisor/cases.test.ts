import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/advisor/answer.js';
import { advisor, conflictText, knowledge, say, seed, why as whyOf } from '../support.js';

const a = advisor();
const kb = knowledge();
const FORBIDDEN = kb.corrections.flatMap((c) => (c.pattern ? [c.pattern] : []));

function advise(text: string): Advice {
  const result = a.advise(text);
  if (!result.ok) throw new Error(say(result.error));
  return result.value;
}

describe('the five cases of the seed, in its own Chinese words and in English', () => {
  for (const c of seed.cases) {
    for (const [language, text] of [
      ['zh', c.requirement_zh],
      ['en', c.requirement_en],
    ] as const) {
      it(`${c.id} (${language}): ${text}`, () => {
        const advice = advise(text);
        const r = advice.recommendation;
        expect(r.normalForm).toBe(c.normal_form);
        expect(r.metrics.label).toBe(c.metrics);
        expect(r.stack.name.en).toBe(c.stack);
        for (const command of c.commands.valid) expect(r.stack.commands).toContain(command);
        for (const bad of [...c.commands.forbidden, ...FORBIDDEN]) {
          expect(JSON.stringify(advice)).not.toContain(bad);
        }
        expect(advice.language).toBe(language);
        expect(advice.ignored).toEqual([]);
        expect(advice.conflicts).toEqual([]);
        expect(advice.knowledgeVersion).toBe(kb.version);
      });
    }
  }
});

describe('the decision matrix, both languages', () => {
  for (const row of seed.decision_matrix) {
    for (const text of [row.need_zh, row.need_en]) {
      it(`${text} → ${row.normal_form}`, () => {
        const advice = advise(text);
        expect(advice.recommendation.normalForm).toBe(row.normal_form);
        expect(advice.recommendation.stack.name.en).toBe(row.stack);
        expect(advice.recommendation.metrics.label).toBe(
          seed.cases.find((c) => c.normal_form === row.normal_form)?.metrics,
        );
      });
    }
  }
});

describe('phrasings beyond the examples', () => {
  it.each([
    ['PCI-DSS regulated payments, tenants must never share a kernel', 'V∘S∘C∘M'],
    ['HIPAA workloads running untrusted customer code', 'V∘S∘C∘M'],
    ['我们做 SaaS，多租户，需要等保三级', 'V∘S∘C∘M'],
    ['IoT gateway fleet on K3s, tiny memory footprint', 'I∘C∘S∘W'],
    ['serverless functions that scale to zero, startup under 5ms', 'I∘C∘S∘W'],
    ['sidecarless mesh with mTLS for our APIs', 'I∘C∘S∘Am'],
    ['canary releases and distributed tracing for 40 microservices', 'I∘C∘S∘M'],
    ['mix of legacy VMs and containers under one mesh', 'V∘C∘S∘M'],
    ['轻量、省资源，还要灰度发布', 'I∘C∘S∘Am'],
    ['just plain containers, no mesh', 'I∘C∘S'],
    ['we want the cheapest way to get mTLS', 'I∘C∘S∘Am'],
    ['无 sidecar 的服务网格', 'I∘C∘S∘Am'],
    ['金融行业，强合规要求，多租户隔离', 'V∘S∘C∘M'],
    ['边缘设备，内存小于64MB，冷启动要快', 'I∘C∘S∘W'],
    ['虚拟机和容器混合部署', 'V∘C∘S∘M'],
    ['fast and lightweight', 'I∘C∘S∘M'],
    ['快+轻量', 'I∘C∘S∘M'],
    ['zero trust between services', 'I∘C∘S∘M'],
    ['just a simple web app', 'I∘C∘S'],
    ['mesh not required', 'I∘C∘S'],
    ['strong isolation, no VMs', 'G∘I∘C∘S'],
    ['HIPAA workloads, no VMs', 'G∘I∘C∘S'],
    ['firecracker microVMs for untrusted code', 'F∘S∘C'],
    ['confidential computing for patient data', 'Cc∘S∘C'],
    ['what isolation do we need for PCI?', 'V∘S∘C∘M'],
    ['explainable AI inference with strong isolation', 'V∘S∘C∘M'],
    ['What is the best stack for edge computing with cold start < 10ms', 'I∘C∘S∘W'],
    ['说明一下我们需要强隔离和合规', 'V∘S∘C∘M'],
    ['we need mTLS but hate sidecars', 'I∘C∘S∘Am'],
    ['cold start less than 200ms, strong isolation', 'F∘S∘C'],
    ['冷启动不能超过 100 毫秒，需要强隔离', 'G∘I∘C∘S'],
    ["we can't use KVM, nested virtualization not available on our cloud", 'G∘I∘C∘S'],
  ])('%s → %s', (text, form) => {
    expect(advise(text).recommendation.normalForm).toBe(form);
  });

  it('names operators the request asks for and lands on an estimated form', () => {
    const advice = advise('standard microservices with OpenTelemetry');
    expect(advice.word).toBe('I → C → S → M → Otel');
    expect(advice.recommendation.normalForm).toBe('I∘C∘S∘M∘Otel');
    expect(advice.recommendation.metrics.estimate).toBeDefined();
    expect(advice.recommendation.stack.name.en).toBe('Docker + Istio Sidecar + OpenTelemetry');
  });

  it('a head the request names selects the stack built on it, with its own RuntimeClass', () => {
    const advice = advise('gVisor for a multi-tenant platform');
    expect(advice.recommendation.normalForm).toBe('G∘I∘C∘S');
    expect(advice.recommendation.stack.name.en).toContain('gVisor');
    expect(advice.recommendation.stack.commands).toContain('kubectl apply -f gvisor-runtimeclass.yaml');
  });

  it('a negation such as "can\'t use VMs" rules the VM stacks out and says what that costs', () => {
    const advice = advise("we can't use VMs but need tenant isolation");
    expect(advice.recommendation.normalForm).not.toMatch(/^(V|Kc|F|Cc)∘/);
    expect(advice.recommendation.normalForm).toBe('G∘I∘C∘S');
    expect(conflictText(advice.conflicts[0])).toMatch(/rules out “VMs” \(V\).*gives up Security 4 vs 5/);
  });

  it('a lower bound on a smaller-is-better figure is a tolerance, not a requirement', () => {
    const advice = advise('standard microservices, cold start > 1s is fine');
    expect(advice.recommendation.normalForm).toBe('I∘C∘S∘M');
    expect(advice.conflicts).toEqual([]);
    expect(advice.recommendation.checks[0]?.status).toBe('met');
  });

  it('"does not matter" drops a need without ruling stacks out', () => {
    const advice = advise('strong isolation, compliance, cold start doesn’t matter');
    expect(advice.requirements.find((r) => r.need === 'cold-start')).toMatchObject({
      negated: true,
      indifferent: true,
    });
    expect(advice.recommendation.normalForm).toBe('V∘S∘C∘M');
    expect(advice.carried.needs.some((n) => n.need === 'cold-start')).toBe(false);
  });

  it('advise answers an operator word as the product does for /stack', () => {
    const advice = advise('V -> C -> M -> C');
    expect(advice.recommendation.normalForm).toBe('V∘C∘M');
    expect(advice.steps.map((s) => s.axiom)).toEqual(['A2', 'A4']);
    expect(advice.requirements).toEqual([]);
  });

  it('explains operators by the names people type', () => {
    for (const [name, symbol] of [
      ['Service mesh', 'M'],
      ['Am?', 'Am'],
      ['Istio Ambient', 'Am'],
      ['服务网格', 'M'],
    ] as const) {
      const explained = a.explain(name);
      expect(explained.ok && explained.value.operator?.symbol).toBe(symbol);
    }
  });

  it('a word simplified on its own keeps its operators as the algebra defines them (M is the sidecar mesh)', () => {
    const simplified = a.simplify('M');
    expect(simplified.ok && simplified.value.stack.name.en).toBe('Istio sidecar');
  });

  it('says what it did not understand', () => {
    const advice = advise('edge, cold start < 10ms, blockchain synergy');
    expect(advice.ignored).toEqual(['blockchain', 'synergy']);
    expect(advice.recommendation.normalForm).toBe('I∘C∘S∘W');
  });

  it('explains each step: requirement words, constraint checks, the stack reason', () => {
    const advice = advise('边缘计算场景，需要冷启动 < 10ms，内存 < 50MB');
    const why = whyOf(advice).join('\n');
    // A Chinese request is explained in Chinese.
    expect(why).toContain('“边缘计算” → 边缘 / 物联网：支持该技术栈');
    expect(why).toMatch(/冷启动 < 10 ms：满足/);
    expect(why).toMatch(/内存 < 50 MB：满足/);
    expect(advice.recommendation.checks.map((c) => c.status)).toEqual(['met', 'met']);
  });

  it('is deterministic and stamped with the knowledge version', () => {
    const text = 'strong isolation, compliance, p99 < 1ms, no sidecars';
    expect(JSON.stringify(a.advise(text))).toBe(JSON.stringify(advisor().advise(text)));
    expect(advise(text).knowledgeVersion).toBe(kb.version);
  });
});
