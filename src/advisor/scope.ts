import type { Topic } from '../knowledge/schema.js';
import { fold, type Lexicon } from './lexicon.js';

/** A request with the sentences about topics outside the advisor's scope (GPUs, databases…) taken out. */
export interface Scoped {
  /** The request without those sentences (and without the topics' own words): what the advisor reads. */
  readonly inScope: string;
  /** The topics named, once each, in order. */
  readonly topics: readonly Topic[];
}

// Sentences end at these marks; a full stop only before a space or the end, so `0.5 s` and `.NET` stay whole.
const SENTENCE = /[^!?。！？\n;；]+?(?:[!?。！？\n;；]+|\.(?=\s|$)|$)/g;
// "no database", "不用数据库": a topic ruled out is not a topic asked about.
const NEGATED_BEFORE = /(?:\b(?:no|not|without|w\/o|nor)\s+(?:a\s+|an\s+|any\s+)?|不要|不用|没有|无需|不需要)$/;

/**
 * Splits off what the advisor does not decide. A sentence that names a topic is about that topic, unless it also asks
 * for two needs or more of its own ("Postgres-backed microservices with mTLS and tracing"): then it stays, without the
 * topic's words. A topic ruled out ("no database") is not a topic.
 */
export function scopeOf(text: string, lexicon: Lexicon): Scoped {
  const topics: Topic[] = [];
  const kept: string[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const sentence = m[0];
    const folded = fold(sentence);
    const found = lexicon.topics
      .findAll(folded)
      .filter((t) => !NEGATED_BEFORE.test(folded.slice(Math.max(0, t.start - 16), t.start)));
    if (found.length === 0) {
      kept.push(sentence);
      continue;
    }
    for (const t of found) if (!topics.includes(t.value)) topics.push(t.value);
    let rest = sentence;
    for (const t of [...found].reverse())
      rest = rest.slice(0, t.start) + ' '.repeat(t.end - t.start) + rest.slice(t.end);
    const needs = new Set(
      lexicon.needsAndNegations.findAll(fold(rest)).flatMap((p) => (p.value.kind === 'need' ? [p.value.need.id] : [])),
    );
    if (needs.size >= 2) kept.push(rest);
  }
  return { inScope: topics.length === 0 ? text : kept.join(' ').trim(), topics };
}
