import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Advisor } from '../src/advisor/advisor.js';
import { loadKnowledge } from '../src/knowledge/load.js';

interface Seed {
  cases: { requirement_zh: string; requirement_en: string }[];
  decision_matrix: { need_zh: string; need_en: string }[];
}

export type Language = 'en' | 'zh';

/** The seed's requests (the five cases and the decision matrix), by language. */
export function seedRequestsByLanguage(): Record<Language, string[]> {
  const seed = parse(readFileSync(new URL('../test/fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as Seed;
  return {
    en: [...seed.cases.map((c) => c.requirement_en), ...seed.decision_matrix.map((d) => d.need_en)],
    zh: [...seed.cases.map((c) => c.requirement_zh), ...seed.decision_matrix.map((d) => d.need_zh)],
  };
}

/** The seed's requests in both languages: the cases and the decision matrix. */
export function seedRequests(): string[] {
  const { en, zh } = seedRequestsByLanguage();
  return [...en, ...zh];
}

export function makeAdvisor(): Advisor {
  const kb = loadKnowledge();
  if (!kb.ok) throw new Error(kb.error.code);
  return new Advisor(kb.value);
}

export interface Throughput {
  readonly perSecond: number;
  readonly micros: number;
  readonly count: number;
}

/** Answers per second of a step over the requests, measured for about `ms` milliseconds after a warm-up. */
export function throughput(step: (text: string) => unknown, requests: readonly string[], ms = 1000): Throughput {
  for (let i = 0; i < 2000; i++) step(requests[i % requests.length]);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const r of requests) step(r);
    count += requests.length;
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { perSecond: count / seconds, micros: (seconds * 1e6) / count, count };
}

export type PipelineFigures = Record<string, Record<Language | 'all', Throughput>>;

const rate = (t: Throughput) => Math.round(t.perSecond).toLocaleString('en-US').padStart(8);
const micros = (t: Throughput) => t.micros.toFixed(1).padStart(6);

/**
 * The advice pipeline over the seed requests, per step and per language. `steps` adds steps after the built-in ones
 * (run.ts adds the whole Slack path, text → answer → Block Kit JSON). Returns the figures for the targets summary.
 */
export function benchPipeline(
  print: (line: string) => void,
  steps: Record<string, (text: string) => unknown> = {},
): PipelineFigures {
  const advisor = makeAdvisor();
  const requests = seedRequestsByLanguage();
  const all = [...requests.en, ...requests.zh];
  print(`advice pipeline over the ${all.length} seed requests (5 cases + 5 matrix rows, in en and in zh)`);
  print(
    `  ${'step'.padEnd(36)} ${'en: answers/s   µs'.padStart(22)} ${'zh: answers/s   µs'.padStart(22)} ${'all: answers/s   µs'.padStart(23)}`,
  );
  const named: Record<string, (text: string) => unknown> = {
    'text → answer': (t) => advisor.advise(t),
    'text → answer → JSON': (t) => JSON.stringify(advisor.advise(t)),
    ...steps,
  };
  const figures: PipelineFigures = {};
  for (const [name, step] of Object.entries(named)) {
    const en = throughput(step, requests.en);
    const zh = throughput(step, requests.zh);
    const both = throughput(step, all);
    figures[name] = { en, zh, all: both };
    print(
      `  ${name.padEnd(36)} ${rate(en)} ${micros(en)} µs   ${rate(zh)} ${micros(zh)} µs   ${rate(both)} ${micros(both)} µs`,
    );
  }
  return figures;
}
