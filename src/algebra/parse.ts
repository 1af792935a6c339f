import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { ALIASES, type Letter, letterOf } from './operators.js';
import { suggestFor } from './suggest.js';

// Exact spellings (symbols as written, `∅`, `V⁻¹`) resolve without lower-casing: the common case of a long word.
const EXACT = new Map<string, Letter>(Object.keys(ALIASES).map((l) => [l, l as Letter]));

/** A word that cannot be read: empty, or a token (named as typed, with its 1-based column) that is no operator. */
export type ParseFailure = Failure<'empty-word' | 'unknown-operator'>;

// Single characters that compose two operators: ∘ and its look-alikes, arrows, commas, plus signs, white space.
const SEPARATORS = new Set([...'∘○◦·•∙→⟶➝➔,，、;；+＋>']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000' || ch === '\u00a0';
}

interface Token {
  readonly text: string;
  readonly position: number;
  readonly spaced: boolean;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const before = start === 0 || isSpace(input[start - 1]);
    const after = end >= input.length || isSpace(input[end]);
    tokens.push({ text: input.slice(start, end), position: start + 1, spaced: before && after });
    start = -1;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (isSpace(ch) || SEPARATORS.has(ch)) {
      close(i);
      continue;
    }
    if (ch === '-' || ch === '=') {
      // `->`, `=>`, `-->` are arrows; a `-` elsewhere belongs to the token (`V^-1`).
      let j = i;
      while (j < input.length && (input[j] === '-' || input[j] === '=')) j++;
      if (input[j] === '>') {
        close(i);
        i = j;
        continue;
      }
    }
    if (start < 0) start = i;
  }
  close(input.length);
  return tokens;
}

// The same separators as char codes, for the fast path: one pass, no intermediate tokens.
const SEPARATOR_CODES = new Set([...SEPARATORS].map((c) => c.charCodeAt(0)));
const SPACE_CODES = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3000, 0xa0]);
const DASH = 0x2d;
const EQUALS = 0x3d;
const GREATER = 0x3e;

/** The first bad token, with its position and a suggestion (the slow path, only when a word has one). */
function unknownToken(input: string, typed: string): ParseFailure {
  const tokens = tokenize(input);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.text === 'o' && token.spaced && k > 0 && k < tokens.length - 1) continue;
    if (letterOf(token.text) !== undefined) continue;
    const suggestion = suggestFor(token.text);
    // Named as typed: the full-width form the user wrote, at the same position.
    const shown = typed.slice(token.position - 1, token.position - 1 + token.text.length);
    return failure('unknown-operator', {
      token: shown,
      position: token.position,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return failure('unknown-operator', { token: typed.trim(), position: 1 });
}

/**
 * Reads a word in any syntax of ALGEBRA.md §1 (`V∘C∘M`, `V o C o M`, `V -> C`, `V → C`, `V,C`, `V C`), any case.
 * A lone lowercase `o` between two operators is the composition sign; OverlayFS is `O` or `overlayfs` there.
 * One pass over the characters: a word of a million operators parses in well under a second.
 */
export function parseWord(typed: string): Result<Letter[], ParseFailure> {
  // Full-width ASCII (`Ｖ∘Ｃ`, `V－＞C`) reads as its twin, character for character, so positions stay true.
  const input = /[\uff01-\uff5e]/.test(typed)
    ? typed.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : typed;
  const letters: Letter[] = [];
  // Indexes in `letters` of lone lowercase `o` tokens between spaces: the composition sign if inside the word.
  const spacedO: number[] = [];
  let start = -1;
  const n = input.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? input.charCodeAt(i) : 0x20;
    let boundary = SPACE_CODES.has(code) || SEPARATOR_CODES.has(code);
    let skipTo = i;
    if (!boundary && (code === DASH || code === EQUALS)) {
      let j = i;
      while (j < n && (input.charCodeAt(j) === DASH || input.charCodeAt(j) === EQUALS)) j++;
      if (j < n && input.charCodeAt(j) === GREATER) {
        boundary = true;
        skipTo = j;
      }
    }
    if (!boundary) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const text = input.slice(start, i);
      const letter = EXACT.get(text) ?? letterOf(text);
      if (letter === undefined) return fail(unknownToken(input, typed));
      if (text === 'o' && (start === 0 || SPACE_CODES.has(input.charCodeAt(start - 1))) && SPACE_CODES.has(code)) {
        spacedO.push(letters.length);
      }
      letters.push(letter);
      start = -1;
    }
    i = skipTo;
  }
  let word = letters;
  if (spacedO.length > 0) {
    const drop = new Set(spacedO.filter((k) => k > 0 && k < letters.length - 1));
    word = letters.filter((_, k) => !drop.has(k));
  }
  if (word.length === 0) {
    return fail(failure('empty-word', {}));
  }
  return ok(word);
}
