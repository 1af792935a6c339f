import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The outcome a case expects. */
export type ExpectedKind =
  | 'advice'
  | 'conflict'
  | 'reject'
  | 'out-of-scope'
  | 'explain'
  | 'compare'
  | 'help'
  | 'simplify';

/** One labelled message of the evaluation corpus (`test/fixtures/eval/corpus.yaml`). */
export interface EvalCase {
  readonly id: string;
  readonly lang: 'en' | 'zh' | 'mixed';
  readonly style: string;
  readonly text: string;
  /** The earlier message of the same thread: answered first, its carried requirements passed on. */
  readonly previous?: string;
  readonly kind: ExpectedKind;
  readonly form?: string;
  readonly target?: string;
  readonly forms?: readonly [string, string];
  readonly why: string;
}

export type Split = 'dev' | 'held-out';

export const CORPUS_URL = new URL('../../test/fixtures/eval/corpus.yaml', import.meta.url);
export const BASELINE_URL = new URL('../../test/fixtures/eval/baseline.json', import.meta.url);

/** The corpus, in file order. */
export function loadCorpus(url: URL = CORPUS_URL): EvalCase[] {
  const data = parse(readFileSync(url, 'utf8')) as { cases: EvalCase[] };
  return data.cases;
}

/** FNV-1a, 32 bits: a stable hash, the same on every machine and Node version. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Which half a case belongs to: 70 % dev (readings are tuned on these), 30 % held-out (never looked at while tuning),
 * decided by the hash of the id alone so that adding cases never moves an old one.
 */
export function splitOf(id: string): Split {
  return fnv1a(id) % 10 < 7 ? 'dev' : 'held-out';
}
