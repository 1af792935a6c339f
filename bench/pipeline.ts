import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Advisor } from '../src/advisor/advisor.js';
import { loadKnowledge } from '../src/knowledge/load.js';

interface Seed {
  cases: { requirement_zh: string; requirement_en: string }[];
  decision_matrix: { need_zh: string; need_en: string }[];
}

/** The seed's requests in both languages: the cases and the decision matrix. */
export function seedRequests(): string[] {
  const seed = parse(readFileSync(new URL('../test/fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as Seed;
  return [
    ...seed.cases.flatMap((c) => [c.requirement_zh, c.requirement_en]),
    ...seed.decision_matrix.flatMap((d) => [d.need_zh, d.need_en]),
  ];
}

export function makeAdvisor(): Advisor {
  const kb = loadKnowledge();
  if (!kb.ok) throw new Error(kb.error.message);
  return new Advisor(kb.value);
}

/** Answers per second of a step over the seed requests, measured for about `ms` milliseconds after a warm-up. */
export function throughput(
  step: (text: string) => unknown,
  requests: readonly string[],
  ms = 1500,
): { perSecond: number; micros: number; count: number } {
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

export function benchPipeline(
  print: (line: string) => void,
  steps: Record<string, (text: string) => unknown> = {},
): void {
  const advisor = makeAdvisor();
  const requests = seedRequests();
  print(`advice pipeline over the ${requests.length} seed requests (5 cases + 5 matrix rows, zh and en)`);
  const all: Record<string, (text: string) => unknown> = {
    'text → answer': (t) => advisor.advise(t),
    'text → answer → JSON': (t) => JSON.stringify(advisor.advise(t)),
    ...steps,
  };
  for (const [name, step] of Object.entries(all)) {
    const r = throughput(step, requests);
    print(
      `  ${name.padEnd(34)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(9)} answers/s   ${r.micros.toFixed(1).padStart(7)} µs/answer`,
    );
  }
}
