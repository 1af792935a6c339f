import { type Letter, letterOf, SYMBOLS } from './operators.js';
import { type Failure, fail, ok, type Result } from './result.js';
import { suggestFor } from './suggest.js';

export interface ParseFailure extends Failure {
  readonly code: 'empty-word' | 'unknown-operator';
  /** The offending token and its 1-based column in the input. */
  readonly token?: string;
  readonly position?: number;
  readonly suggestion?: string;
}

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

/**
 * Reads a word in any syntax of ALGEBRA.md §1 (`V∘C∘M`, `V o C o M`, `V -> C`, `V → C`, `V,C`, `V C`), any case.
 * A lone lowercase `o` between two operators is the composition sign; OverlayFS is `O` or `overlayfs` there.
 */
export function parseWord(input: string): Result<Letter[], ParseFailure> {
  const tokens = tokenize(input);
  const letters: Letter[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.text === 'o' && token.spaced && k > 0 && k < tokens.length - 1) continue;
    const letter = letterOf(token.text);
    if (letter === undefined) {
      const suggestion = suggestFor(token.text);
      const hint = suggestion ? `did you mean ${suggestion}?` : `valid operators are ${SYMBOLS.join(', ')}, ∅ and V⁻¹`;
      return fail({
        code: 'unknown-operator',
        message: `unknown operator "${token.text}" at position ${token.position}: ${hint}`,
        token: token.text,
        position: token.position,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    letters.push(letter);
  }
  if (letters.length === 0) {
    return fail({ code: 'empty-word', message: 'the word is empty: write operators such as V∘C∘M or I -> C -> S' });
  }
  return ok(letters);
}
