import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../src/advisor/lexicon.js';
import { parseRequest } from '../../src/advisor/requirements.js';
import { route } from '../../src/advisor/route.js';
import { en } from '../../src/render/messages/en.js';
import { knowledge } from '../support.js';

const lexicon = compileLexicon(knowledge());
const needsOf = (text: string) =>
  parseRequest(text, lexicon).requirements.map((r) => (r.negated ? `!${r.need}` : r.need));
const constraintsOf = (text: string) =>
  parseRequest(text, lexicon).constraints.map((c) => `${c.quantity} ${c.comparator} ${c.value} ${c.unit}`);

describe('needs and their synonyms, English and Chinese', () => {
  it.each([
    ['fast', ['fast']],
    ['quick deploy', ['fast']],
    ['快', ['fast']],
    ['快速部署', ['fast']],
    ['light', ['light']],
    ['轻', ['light']],
    ['lightweight', ['lightweight']],
    ['Light-Weight', ['lightweight']],
    ['轻量级', ['lightweight']],
    ['low resource usage', ['lightweight']],
    ['低资源占用', ['lightweight']],
    ['strong isolation', ['strong-isolation']],
    ['强隔离', ['strong-isolation']],
    ['compliance', ['compliance']],
    ['SOC 2', ['compliance']],
    ['soc2', ['compliance']],
    ['PCI', ['compliance']],
    ['HIPAA and GDPR', ['compliance']],
    ['等保', ['compliance']],
    ['合规', ['compliance']],
    ['multi-tenant', ['multi-tenant']],
    ['multi tenant', ['multi-tenant']],
    ['multitenant', ['multi-tenant']],
    ['多租户', ['multi-tenant']],
    ['zero trust', ['zero-trust']],
    ['零信任', ['zero-trust']],
    ['edge', ['edge']],
    ['IoT', ['edge']],
    ['边缘', ['edge']],
    ['cold start', ['cold-start']],
    ['冷启动', ['cold-start']],
    ['unified governance', ['governance']],
    ['traffic management', ['governance']],
    ['统一治理', ['governance']],
    ['observability', ['observability']],
    ['tracing', ['observability']],
    ['metrics', ['observability']],
    ['可观测性', ['observability']],
    ['hybrid', ['hybrid']],
    ['VMs and containers', ['hybrid']],
    ['混合架构', ['hybrid']],
    ['Wasm', ['wasm']],
    ['WebAssembly', ['wasm']],
  ])('%s → %j', (text, needs) => {
    expect(needsOf(text)).toEqual(needs);
  });

  it('matches whole English words only', () => {
    expect(needsOf('fasting lightbulb')).toEqual([]);
    expect(needsOf('breakfast')).toEqual([]);
  });

  it('reads mixed languages and full-width punctuation', () => {
    expect(needsOf('edge ＋ 冷启动，multi-tenant、合规')).toEqual(['edge', 'cold-start', 'multi-tenant', 'compliance']);
  });
});

describe('numbers, units and comparators', () => {
  it.each([
    ['cold start < 10ms', ['cold_start < 10 ms']],
    ['cold-start under 10 ms', ['cold_start < 10 ms']],
    ['冷启动小于10毫秒', ['cold_start < 10 ms']],
    ['冷启动＜10ms', ['cold_start < 10 ms']],
    ['冷启动时间要在10毫秒以内', ['cold_start <= 10 ms']],
    ['memory under 50 MB', ['memory < 50 MB']],
    ['内存不超过50MB', ['memory <= 50 MB']],
    ['内存不超过５０ＭＢ', ['memory <= 50 MB']],
    ['memory: 128mb', ['memory <= 128 MB']],
    ['latency <= 25 ms', ['latency <= 25 ms']],
    ['latency ≤ 25ms', ['latency <= 25 ms']],
    ['p99 < 1ms', ['p99 < 1 ms']],
    ['p50 at most 0.5ms', ['p50 <= 0.5 ms']],
    ['0.5 s', ['latency <= 500 ms']],
    ['startup < 0.5 s', ['cold_start < 500 ms']],
    ['1 GiB', ['memory <= 1073.741824 MB']],
    ['RAM at least 2 GB', ['memory >= 2000 MB']],
    ['under 10 ms cold start', ['cold_start < 10 ms']],
    ['sub-5ms cold start', ['cold_start < 5 ms']],
    ['cold start 10ms or less', ['cold_start <= 10 ms']],
    ['2 GB RAM at most', ['memory <= 2000 MB']],
    ['latency 200µs', ['latency <= 0.2 ms']],
    ['edge, cold start < 10ms, memory < 50MB', ['cold_start < 10 ms', 'memory < 50 MB']],
    ['cold start < 1,000ms', ['cold_start < 1000 ms']],
    ['cold start < .5s', ['cold_start < 500 ms']],
    ['cold start 5-10 ms', ['cold_start <= 10 ms']],
    ['cold start 5~10ms', ['cold_start <= 10 ms']],
    ['latency 10 to 20 ms', ['latency <= 20 ms']],
    ['between 5 and 10 ms cold start', ['cold_start <= 10 ms']],
    ['冷启动5到10毫秒', ['cold_start <= 10 ms']],
    ['need sub-10ms cold starts', ['cold_start < 10 ms']],
    ['内存小于五十兆', ['memory < 50 MB']],
    ['冷启动小于十毫秒', ['cold_start < 10 ms']],
    ['cold start less than ten milliseconds', ['cold_start < 10 ms']],
    ['under 5s', ['latency < 5000 ms']],
    ['support 5k tenants', []],
    ['1m users, 5s timeout is fine', []],
    ["cold start can't be more than 100 ms", ['cold_start <= 100 ms']],
    ['冷启动不能超过 100 毫秒', ['cold_start <= 100 ms']],
    ['memory never above 64MB', ['memory <= 64 MB']],
    ['内存不能大于64MB', ['memory <= 64 MB']],
    ['p95 < 5ms', ['p95 < 5 ms']],
  ])('%s → %j', (text, constraints) => {
    expect(constraintsOf(text)).toEqual(constraints);
  });

  it('a unit of the wrong kind is not read as that quantity', () => {
    expect(constraintsOf('low latency and 50MB memory')).toEqual(['memory <= 50 MB']);
    expect(needsOf('low latency and 50MB memory')).toEqual(['low-latency']);
  });

  it('says what it assumed', () => {
    const [c] = parseRequest('0.5 s', lexicon).constraints;
    expect(c.assumptions).toEqual([{ kind: 'quantity-from-unit', quantity: 'latency' }, { kind: 'no-comparator' }]);
    expect(c.assumptions.map(en.assumption).join('; ')).toMatch(/no quantity named: read as latency/);
    expect(c.assumptions.map(en.assumption).join('; ')).toMatch(/no comparator: read as "at most"/);
  });
});

describe('negation', () => {
  it.each([
    ['no VMs', ['!vm-isolation']],
    ['without a mesh', ['!service-mesh']],
    ['不要虚拟机', ['!vm-isolation']],
    ['不需要服务网格', ['!service-mesh']],
    ['VMs are not allowed', ['!vm-isolation']],
    ['no VMs or sidecars', ['!vm-isolation', '!sidecar']],
    ['no VMs, but compliance', ['!vm-isolation', 'compliance']],
    ['no VMs, need compliance', ['!vm-isolation', 'compliance']],
    ['strong isolation without a mesh', ['strong-isolation', '!service-mesh']],
    ['avoid sidecars', ['!sidecar']],
    ['不要虚拟机，要合规', ['!vm-isolation', 'compliance']],
    ['we need mTLS but hate sidecars', ['zero-trust', '!sidecar']],
    ['anything but VMs', ['!vm-isolation']],
    ['要强隔离但不想用 KVM', ['strong-isolation', '!vm-isolation']],
    ['nested virtualization not available', ['gvisor']],
    ['virtualization is not supported', ['!vm-isolation']],
  ])('%s → %j', (text, needs) => {
    expect(needsOf(text)).toEqual(needs);
  });
});

describe('what was not understood', () => {
  it.each([
    ['edge, foo, bar', ['foo', 'bar']],
    ['we need a quantum flux capacitor', ['quantum', 'flux', 'capacitor']],
    ['标准微服务架构，需要快速部署', []],
    ['边缘计算场景，区块链', ['区块链']],
    ['cold start < 10', ['10']],
  ])('%s → %j', (text, ignored) => {
    expect(parseRequest(text, lexicon).ignored).toEqual(ignored);
  });
});

describe('routing a /stack text', () => {
  it.each([
    ['', 'help'],
    ['help', 'help'],
    ['帮助', 'help'],
    ['explain Am', 'explain'],
    ['解释 V∘S∘C∘M', 'explain'],
    ['compare I∘C∘S∘M | V∘S∘C∘M', 'compare'],
    ['比较 快+轻 | 强隔离+合规', 'compare'],
    ['edge vs compliance', 'compare'],
    ['V∘C∘M∘C', 'word'],
    ['V -> C -> M', 'word'],
    ['I C S M', 'word'],
    ['kata -> mesh', 'word'],
    ['mesh', 'advice'],
    ['wasm', 'advice'],
    ['edge, cold start < 10ms', 'advice'],
    ["what's the difference between ambient and sidecar?", 'compare'],
    ['ambient 和 sidecar 有什么区别', 'compare'],
  ])('%j → %s', (text, kind) => {
    expect(route(text).kind).toBe(kind);
  });

  it('splits compare items on | and on vs', () => {
    expect(route('compare a | b |c').kind === 'compare' && route('compare a | b |c')).toMatchObject({
      items: ['a', 'b', 'c'],
    });
    expect(route('edge vs compliance')).toMatchObject({ items: ['edge', 'compliance'] });
  });
});
