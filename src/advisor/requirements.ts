import type { Constraint, Requirement } from './answer.js';
import { readConstraints } from './constraints.js';
import { fold, type Lexicon } from './lexicon.js';
import { spellNumbers } from './numbers.js';

/** What a request says, before any decision: needs (with negation), numeric constraints, and what was not understood. */
export interface ParsedRequest {
  readonly requirements: Requirement[];
  readonly constraints: Constraint[];
  readonly ignored: string[];
}

// Clause boundaries: a negation ("no VMs") reaches to the end of its clause, never past one of these.
const CLAUSE_END = /[,;.!?\n，；。！？]|\bbut\b|\bhowever\b|但是|但|不过|而是/g;
// Words that start a positive phrase again inside a clause: "no VMs, with compliance" / "不要虚拟机，要合规".
const POSITIVE = /\b(?:with|need|needs|want|wants|require|requires|plus)\b|需要|要求|想要|希望/g;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Blanks out understood spans, keeping every offset where it was. */
function mask(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

function lastIndex(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) at = m.index + m[0].length;
  return at;
}

/** Reads needs, numeric constraints and negations out of a request in English, Chinese or both. */
export function parseRequest(request: string, lexicon: Lexicon): ParsedRequest {
  const text = spellNumbers(fold(request), lexicon);
  const read = /\d/.test(text) ? readConstraints(text, lexicon) : [];
  const constraints = read.map((r) => r.constraint);
  const rest = mask(text, read);
  const used: Span[] = [...read];
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  for (const m of lexicon.needs.findAll(rest)) {
    const need = m.value;
    const { start, end } = m;
    used.push({ start, end });
    // The clause this need stands in: from the last boundary before it.
    const before = rest.slice(0, start);
    const clauseStart = Math.max(0, lastIndex(CLAUSE_END, before));
    const negations = lexicon.negationBefore.findAll(rest, clauseStart, start);
    const negatedAt = negations.at(-1)?.end ?? -1;
    const positiveAt = lastIndex(POSITIVE, before.slice(clauseStart)) + clauseStart;
    let next = end;
    while (next < rest.length && rest[next] === ' ') next++;
    const afterMatch = lexicon.negationAfter.matchAt(rest, next);
    const negated = (negatedAt >= 0 && negatedAt >= positiveAt) || afterMatch !== undefined;
    // The negation words are understood too.
    used.push(...negations);
    if (afterMatch) used.push(afterMatch);
    const key = `${need.id}:${negated}`;
    if (seen.has(key)) continue;
    seen.add(key);
    requirements.push({
      need: need.id,
      label: need.label.en,
      text: rest.slice(start, end).trim(),
      negated,
      from: 'request',
    });
  }
  return { requirements, constraints, ignored: leftovers(mask(rest, used), lexicon) };
}

/** The words nobody understood, as they stand in the request, without filler. */
function leftovers(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  const add = (word: string) => {
    if (word !== '' && !out.includes(word)) out.push(word);
  };
  for (const token of text.split(/[^\p{L}\p{N}+#./'’-]+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '') continue;
    if (/\p{Script=Han}/u.test(word)) {
      for (const piece of mask(word, lexicon.fillerZh.findAll(word)).split(/\s+/)) {
        if (piece.length > 1 || (piece.length === 1 && !/\p{Script=Han}/u.test(piece))) add(piece);
      }
      continue;
    }
    // A number left over is reported too: "cold start < 10" without a unit was not understood.
    if (!lexicon.filler.has(word)) add(word);
  }
  return out;
}
