import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/advisor/answer.js';
import { advisor, say } from '../support.js';

const a = advisor();

function advise(text: string): Advice {
  const result = a.answer(text);
  if (!result.ok) throw new Error(say(result.error));
  if (result.value.kind !== 'advice') throw new Error(`${text}: answered as ${result.value.kind}`);
  return result.value;
}

const form = (text: string) => advise(text).recommendation.normalForm;
const readings = (text: string) => advise(text).requirements.flatMap((r) => (r.reading ? [r.reading.kind] : []));

// Every phrasing below was written for these tests; none is taken from the evaluation corpus.
describe('reading: a complaint about a component counts against it (rejects-component)', () => {
  it.each([
    ['our Istio sidecars hog half the node memory; we still need mTLS and canaries', 'I∘C∘S∘Am'],
    ['tired of sidecar proxies, keep the traffic policy and encryption', 'I∘C∘S∘Am'],
    ['边车代理太耗资源了，流量治理和加密还要保留', 'I∘C∘S∘Am'],
    ['每个 Pod 一个代理我们扛不住，但要统一治理', 'I∘C∘S∘Am'],
  ])('%s → %s', (text, expected) => {
    expect(form(text)).toBe(expected);
    expect(readings(text)).toContain('rejects-component');
  });

  it('a complained-about add-on is never added: Envoy named in a complaint adds no E', () => {
    const advice = advise('the envoy sidecars are bloated, we want mtls and retries for 30 services');
    expect(advice.recommendation.normalForm.split('∘')).not.toContain('E');
    expect(advice.recommendation.normalForm.split('∘')).not.toContain('M');
  });

  it('property: whatever else is asked, a component complained about never ends up in the recommendation', () => {
    const complaints = [
      ['envoy', 'is too heavy', 'E'],
      ['sidecar proxies', 'eat all our ram', 'M'],
      ['per-pod proxies', 'are killing us', 'M'],
      ['边车', '太吃内存', 'M'],
    ] as const;
    const asks = [
      'mtls',
      'canary releases',
      'tracing',
      'multi-tenant',
      'edge',
      'compliance',
      '统一治理',
      '可观测性',
      'low latency',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...complaints),
        fc.subarray(asks, { minLength: 1, maxLength: 3 }),
        ([component, complaint, op], wanted) => {
          const advice = advise(`${component} ${complaint}; we need ${wanted.join(', ')}`);
          expect(advice.recommendation.normalForm.split('∘')).not.toContain(op);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe('reading: cost and footprint pressure (cost-pressure) → the ambient stack', () => {
  it.each([
    ['we run everything on preemptible nodes and need mTLS between 15 services', 'I∘C∘S∘Am'],
    ['FinOps asked us to cut costs; services still need retries and encryption', 'I∘C∘S∘Am'],
    ['mesh for 40 services without adding per-pod overhead', 'I∘C∘S∘Am'],
    ['抢占式实例上跑二十个服务，要服务网格和双向 TLS', 'I∘C∘S∘Am'],
    ['降本增效，服务之间要加密和流量管理', 'I∘C∘S∘Am'],
  ])('%s → %s', (text, expected) => {
    expect(form(text)).toBe(expected);
    expect(readings(text)).toContain('cost-pressure');
  });
});

describe('reading: migrating VM workloads beside containers under one mesh (migration) → V∘C∘S∘M', () => {
  it.each([
    ['we are migrating legacy VMs into the cluster next to our containers, one mesh across both', 'V∘C∘S∘M'],
    [
      'lift-and-shift of the old VMs onto Kubernetes; they keep VM isolation and share the mesh with the pods',
      'V∘C∘S∘M',
    ],
    ['存量虚拟机要迁到 K8s，和容器共存，统一一个服务网格，隔离不降级', 'V∘C∘S∘M'],
  ])('%s → %s', (text, expected) => {
    expect(form(text)).toBe(expected);
    expect(readings(text)).toContain('migration');
  });

  it('a move with no VMs in it is not the hybrid case', () => {
    expect(form('migrating our services from Linkerd to Istio sidecars for better telemetry')).toBe('I∘C∘S∘M');
  });
});

describe('reading: confidential computing described, not named (confidential-described) → Cc∘S∘C', () => {
  it.each([
    ["the hosting provider's admins must never be able to dump our RAM"],
    ['we do not trust the hypervisor with the memory of these workloads'],
    ['云平台的运维人员不能读取我们工作负载的内存'],
    ['宿主机不可信，内存数据不能被看到'],
  ])('%s', (text) => {
    expect(form(text)).toBe('Cc∘S∘C');
    expect(readings(text)).toContain('confidential-described');
  });
});

describe('reading: impossibilities are conflicts', () => {
  it.each([
    ['every customer gets a dedicated VM kernel, but the nodes cannot run VMs at all'],
    ['每个客户都要独立的虚拟机内核，可是节点上跑不了虚拟机'],
  ])('%s → a contradiction, not a VM stack', (text) => {
    const advice = advise(text);
    expect(advice.conflicts.map((c) => c.kind)).toContain('contradiction');
    expect(advice.recommendation.normalForm).not.toMatch(/^(V|Kc|F|Cc)∘/);
  });
});

describe('reading: observability-first microservices → the sidecar stack', () => {
  it.each([
    ['we want latency percentiles per service straight from the mesh, and the nodes have memory to spare', 'I∘C∘S∘M'],
    ['需要每个服务的延迟分位数和完整的服务拓扑，内存充足', 'I∘C∘S∘M'],
  ])('%s → %s', (text, expected) => {
    expect(form(text)).toBe(expected);
    expect(readings(text)).toContain('observability-first');
  });
});

describe('out of scope', () => {
  it.each([
    ['should the inference service use A100 GPUs or TPUs?', 'en'],
    ['Redis 集群应该怎么部署？', 'zh'],
  ])('%s → out-of-scope, in the asker’s language', (text, language) => {
    const result = a.answer(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('out-of-scope');
    expect(result.error.language).toBe(language);
  });

  it('answers the in-scope part and names the rest', () => {
    const advice = advise('We also pick between RabbitMQ and NATS. Separately: edge functions, cold start < 10ms.');
    expect(advice.recommendation.normalForm).toBe('I∘C∘S∘W');
    expect(advice.outOfScope.length).toBeGreaterThan(0);
    expect(advice.ignored.join(' ')).not.toMatch(/rabbitmq|nats/i);
  });

  it('a topic ruled out is not a topic', () => {
    expect(advise('edge functions, no database, cold start < 10ms').outOfScope).toEqual([]);
  });
});
