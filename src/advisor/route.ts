import { ALIASES, letterOf } from '../algebra/operators.js';

/** What a `/stack` text (or a CLI argument) asks for. */
export type Route =
  | { readonly kind: 'help' }
  | { readonly kind: 'explain'; readonly target: string }
  | { readonly kind: 'compare'; readonly items: readonly string[] }
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'advice'; readonly text: string };

const HELP = new Set(['', 'help', '-h', '--help', '?', '？', 'usage', '帮助', '用法', '怎么用']);
const EXPLAIN = /^(?:explain|what\s+is|what's|define|解释|说明|什么是)\s*[:：]?\s*/i;
const COMPARE = /^(?:compare|vs|比较|对比)\s*[:：]?\s*/i;
// An explicit composition sign makes a text a word even when it spells operators by name (`kata -> mesh`).
const COMPOSITION = /[∘○◦→⟶➝➔]|->|=>/;
// Long aliases are also ordinary words ("mesh", "wasm"): without a composition sign they read as requirements.
const NAMES = new Set(
  Object.values(ALIASES)
    .flat()
    .filter((a) => /^[a-z]{4,}$/.test(a)),
);

/** True when the text is an operator word (`V∘C∘M`, `V -> C`, `I C S M`) rather than requirements in words. */
export function isOperatorWord(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  const tokens = trimmed.split(/[\s∘○◦·•∙→⟶➝➔,，、;；+＋>]+|->|=>/).filter((t) => t !== '' && t !== 'o');
  if (tokens.length === 0 || !tokens.every((t) => letterOf(t) !== undefined)) return false;
  return COMPOSITION.test(trimmed) || tokens.every((t) => !NAMES.has(t.toLowerCase()));
}

/** Splits the items of a comparison: `a | b | c`, or `a vs b`. */
function items(text: string): string[] {
  const parts = text.includes('|') || text.includes('｜') ? text.split(/[|｜]/) : text.split(/\s+vs\.?\s+/i);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Routes a request: help, explain X, compare a | b, an operator word, or requirements to advise on. */
export function route(text: string): Route {
  const trimmed = text.trim();
  if (HELP.has(trimmed.toLowerCase())) return { kind: 'help' };
  const explain = EXPLAIN.exec(trimmed);
  if (explain) return { kind: 'explain', target: trimmed.slice(explain[0].length).trim() };
  const compare = COMPARE.exec(trimmed);
  if (compare) return { kind: 'compare', items: items(trimmed.slice(compare[0].length)) };
  if (/\s\|\s|｜/.test(trimmed) || /\s+vs\.?\s+/i.test(trimmed)) return { kind: 'compare', items: items(trimmed) };
  if (isOperatorWord(trimmed)) return { kind: 'word', word: trimmed };
  return { kind: 'advice', text: trimmed };
}
