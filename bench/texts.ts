/**
 * Requirement texts for the load, all different: combinations of needs, numbers and languages, generated from a
 * fixed seed (the same list every run). A run that never repeats a text cannot be flattered by any cache.
 */

const NEEDS = {
  en: [
    'standard microservices',
    'strong isolation',
    'compliance',
    'multi-tenant',
    'zero-trust security',
    'fast deployment',
    'unified governance',
    'observability',
    'low resource usage',
    'edge computing',
    'lightweight',
    'service mesh governance',
    'VM isolation',
    'container flexibility',
    'api gateway',
    'simple',
    'hybrid architecture',
    'serverless functions',
  ],
  zh: [
    '标准微服务',
    '强隔离',
    '合规',
    '多租户',
    '零信任安全',
    '快速部署',
    '统一治理',
    '可观测性',
    '低资源占用',
    '边缘计算',
    '轻量级',
    '服务网格治理',
    'VM 隔离',
    '容器灵活性',
    'API 网关',
    '简单',
    '混合架构',
    '无服务器函数',
  ],
} as const;

const NUMBERS = {
  en: [(n: number) => `cold start < ${n}ms`, (n: number) => `memory < ${n}MB`, (n: number) => `p99 < ${n}ms`],
  zh: [(n: number) => `冷启动 < ${n}ms`, (n: number) => `内存 < ${n}MB`, (n: number) => `P99 < ${n}ms`],
} as const;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct requirement texts, English and Chinese alternating: two or three needs, and a number or two. */
export function distinctTexts(count: number, seed = 14): string[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const language = out.length % 2 === 0 ? 'en' : 'zh';
    const needs = new Set<string>();
    const howMany = 2 + Math.floor(next() * 2);
    while (needs.size < howMany) needs.add(pick(NEEDS[language]));
    const parts = [...needs];
    const numbers = Math.floor(next() * 3);
    for (let i = 0; i < numbers; i++) parts.push(pick(NUMBERS[language])(5 + Math.floor(next() * 500)));
    const text = parts.join(language === 'en' ? ', ' : '，');
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}
