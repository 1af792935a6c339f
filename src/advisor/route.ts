import { ALIASES, letterOf } from '../algebra/operators.js';
import type { Question } from './questions.js';

/** What a `/stack` text (or a CLI argument) asks for. */
export type Route =
  | { readonly kind: 'help' }
  | { readonly kind: 'explain'; readonly target: string; readonly explicit: boolean }
  | { readonly kind: 'compare'; readonly items: readonly string[]; readonly explicit: boolean }
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'advice'; readonly text: string };

const HELP = new Set(['', 'help', '-h', '--help', '?', '？', 'usage', '帮助', '用法', '怎么用']);
// The command words; in English a whole word (`explainable AI …` is a request, not `explain`).
const EXPLAIN = /^(?:(?:explain|define)(?![a-z0-9])|解释|说明)\s*[:：]?\s*/i;
// Natural questions that may be about an operator ("what is Am?") or may be requirements ("what is best for edge?").
const QUESTION = /^(?:what\s+is|what's|what\s+does|什么是)(?![a-z0-9])\s*/i;
const COMPARE = /^(?:compare(?![a-z0-9])|比较|对比)\s*[:：]?\s*/i;
// "what's the difference between ambient and sidecar?", "ambient 和 sidecar 有什么区别": a comparison, as a question.
const DIFFERENCE = /^(?:what(?:'s| is) the )?differences? between (.+?) and (.+?)[?？]*$/i;
const DIFFERENCE_ZH = /^(.+?)\s*(?:和|与|跟)\s*(.+?)\s*(?:有什么|的)?(?:区别|差别|不同)[?？吗]*$/;
// An explicit composition sign makes a text a word even when it spells operators by name (`kata -> mesh`).
const COMPOSITION = /[∘○◦→⟶➝➔]|->|=>/;
// Long aliases are also ordinary words ("mesh", "wasm"): without a composition sign they read as requirements.
const NAMES = new Set(
  Object.values(ALIASES)
    .flat()
    .filter((a) => /^[a-z]{2,}$/.test(a) && a !== 'ot'),
);

/** True when the text is an operator word (`V∘C∘M`, `V -> C`, `I C S M`) rather than requirements in words. */
export function isOperatorWord(text: string): boolean {
  const trimmed = text.trim();
  // No operator is spelled with Han characters, digits other than V^-1's, or a comparison: most requests stop here.
  if (trimmed === '' || /[\u3400-\u9fff<%]|\d(?!\}?$)/.test(trimmed)) return false;
  // The first token decides most requests ("edge, …" is not an operator) before the whole text is split.
  const first = /^[^\s∘○◦·•∙→⟶➝➔,，、;；+＋>-]+/.exec(trimmed)?.[0];
  if (first !== undefined && first !== 'o' && letterOf(first) === undefined && !/[\^⁻{]/.test(first)) return false;
  const tokens = trimmed.split(/[\s∘○◦·•∙→⟶➝➔,，、;；+＋>]+|->|=>/).filter((t) => t !== '' && t !== 'o');
  if (tokens.length === 0 || !tokens.every((t) => letterOf(t) !== undefined)) return false;
  return COMPOSITION.test(trimmed) || tokens.every((t) => !NAMES.has(t.toLowerCase()));
}

/** Splits the items of a comparison: `a | b | c`, or `a vs b`. */
function items(text: string): string[] {
  const parts = text.includes('|') || text.includes('｜') ? text.split(/[|｜]/) : text.split(/\s+vs\.?\s+/i);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Routes a request: help, a natural question (when `question` reads one), explain X, compare a | b, an operator word,
 * or requirements to advise on. A route that is
 * not `explicit` (a question, a bare `a vs b`) is a guess: the advisor falls back to advice when it does not answer.
 */
export function route(text: string, readQuestion?: (text: string) => Question | undefined): Route {
  const trimmed = text.trim();
  if (HELP.has(trimmed.toLowerCase())) return { kind: 'help' };
  // A question in natural form ("what is gVisor?", "simplify V->C pls", "ambient 和 sidecar 哪个更省内存？").
  const q = readQuestion?.(trimmed);
  if (q !== undefined) {
    switch (q.kind) {
      case 'help':
        return q;
      case 'simplify':
        return { kind: 'word', word: q.word };
      case 'explain':
        return { kind: 'explain', target: q.target, explicit: true };
      case 'compare':
        return { kind: 'compare', items: q.items, explicit: true };
    }
  }
  const explain = EXPLAIN.exec(trimmed);
  // `explain the best stack for edge` is a request too: an explain route always falls back to advice.
  if (explain) return { kind: 'explain', target: trimmed.slice(explain[0].length).trim(), explicit: false };
  const difference = DIFFERENCE.exec(trimmed) ?? DIFFERENCE_ZH.exec(trimmed);
  if (difference) return { kind: 'compare', items: [difference[1].trim(), difference[2].trim()], explicit: false };
  const question = QUESTION.exec(trimmed);
  if (question) {
    return {
      kind: 'explain',
      target: trimmed
        .slice(question[0].length)
        .replace(/[?？]+$/, '')
        .trim(),
      explicit: false,
    };
  }
  const compare = COMPARE.exec(trimmed);
  if (compare) return { kind: 'compare', items: items(trimmed.slice(compare[0].length)), explicit: true };
  if (/\s\|\s|｜/.test(trimmed)) return { kind: 'compare', items: items(trimmed), explicit: true };
  if (/\s+vs\.?\s+/i.test(trimmed)) return { kind: 'compare', items: items(trimmed), explicit: false };
  if (isOperatorWord(trimmed)) return { kind: 'word', word: trimmed };
  return { kind: 'advice', text: trimmed };
}
