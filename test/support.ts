import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Advisor } from '../src/advisor/advisor.js';
import type { Advice, Conflict } from '../src/advisor/answer.js';
import type { Failure } from '../src/failure.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { en } from '../src/render/messages/en.js';
import { messages } from '../src/render/messages/index.js';

/** The built-in knowledge base, loaded once per test file; a failure to load is a test failure. */
export function knowledge(): Knowledge {
  const kb = loadKnowledge();
  if (!kb.ok) throw new Error(say(kb.error));
  return kb.value;
}

export function advisor(): Advisor {
  return new Advisor(knowledge());
}

export interface SeedCase {
  id: string;
  requirement_zh: string;
  requirement_en: string;
  normal_form: string;
  metrics: string;
  stack: string;
  commands: { valid: string[]; forbidden: string[] };
}

export interface SeedCases {
  cases: SeedCase[];
  decision_matrix: { need_zh: string; need_en: string; normal_form: string; stack: string }[];
  simplify: { input: string; normal_form?: string; warning?: boolean; error?: boolean }[];
}

/** The seed document's cases as data (copied from shared/conformance into the project's fixtures). */
export const seed = parse(readFileSync(new URL('./fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as SeedCases;

/** A failure in English words, as the catalogs say it. */
export function say(failure: Failure): string {
  return en.failure(failure);
}

/** The Why lines of an advice, in its own language. */
export function why(advice: Advice): string[] {
  return advice.recommendation.reasons.map(messages(advice.language).reason);
}

/** A conflict in English words. */
export function conflictText(conflict: Conflict): string {
  return en.conflict(conflict);
}
