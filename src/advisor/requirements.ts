import type { Comparator, Constraint, Requirement } from './answer.js';
import { fold, type Lexicon, wordKey } from './lexicon.js';

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

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
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

function constraintsOf(text: string, lexicon: Lexicon): { constraints: Constraint[]; spans: Span[] } {
  const constraints: Constraint[] = [];
  const spans: Span[] = [];
  let rest = text;
  for (const pattern of lexicon.constraintPatterns) {
    pattern.lastIndex = 0;
    for (const m of rest.matchAll(pattern)) {
      const g = m.groups ?? {};
      const unit = lexicon.unitByWord.get(wordKey(g.unit ?? ''));
      if (unit === undefined || g.num === undefined) continue;
      const named = g.q === undefined ? undefined : lexicon.quantityByWord.get(wordKey(g.q));
      if (named !== undefined && named.kind !== unit.kind) continue;
      const quantity = named ?? lexicon.quantityById.get(unit.kind === 'time' ? 'latency' : 'memory');
      if (quantity === undefined) continue;
      const assumptions: string[] = [];
      if (named === undefined) assumptions.push(`no quantity named: read as ${quantity.label.en} from the unit`);
      let comparator: Comparator | undefined =
        (g.before && lexicon.comparatorBefore.get(wordKey(g.before))) ||
        (g.after && lexicon.comparatorAfter.get(wordKey(g.after))) ||
        (g.after2 && lexicon.comparatorAfter.get(wordKey(g.after2))) ||
        undefined;
      if (comparator === undefined) {
        comparator = '<=';
        assumptions.push('no comparator: read as "at most"');
      }
      if (/^(?:≈|~|about|around|约)$/.test(g.before ?? '')) assumptions.push(`"${g.before}" read as "at most"`);
      constraints.push({
        quantity: quantity.id,
        label: quantity.label.en,
        comparator,
        value: round(Number(g.num) * unit.factor),
        unit: unit.kind === 'time' ? 'ms' : 'MB',
        text: m[0].trim(),
        ...(assumptions.length > 0 ? { assumption: assumptions.join('; ') } : {}),
        from: 'request',
      });
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
    rest = mask(rest, spans);
  }
  return { constraints, spans };
}

/** Reads needs, numeric constraints and negations out of a request in English, Chinese or both. */
export function parseRequest(request: string, lexicon: Lexicon): ParsedRequest {
  const text = fold(request);
  const { constraints, spans } = constraintsOf(text, lexicon);
  const rest = mask(text, spans);
  const used: Span[] = [...spans];
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  lexicon.needs.lastIndex = 0;
  for (const m of rest.matchAll(lexicon.needs)) {
    const need = lexicon.needByWord.get(wordKey(m[0]));
    if (need === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    used.push({ start, end });
    // The clause this need stands in: from the last boundary before it.
    const before = rest.slice(0, start);
    const clauseStart = Math.max(0, lastIndex(CLAUSE_END, before));
    const clause = before.slice(clauseStart);
    const negatedAt = lastIndex(lexicon.negationBefore, clause);
    const positiveAt = lastIndex(POSITIVE, clause);
    const afterMatch = lexicon.negationAfter.exec(rest.slice(end));
    const negated = (negatedAt >= 0 && negatedAt >= positiveAt) || afterMatch !== null;
    if (negatedAt >= 0) {
      // Mark the negation words as understood.
      lexicon.negationBefore.lastIndex = 0;
      for (const n of clause.matchAll(lexicon.negationBefore)) {
        used.push({ start: clauseStart + n.index, end: clauseStart + n.index + n[0].length });
      }
    }
    if (afterMatch) used.push({ start: end, end: end + afterMatch[0].length });
    const key = `${need.id}:${negated}`;
    if (seen.has(key)) continue;
    seen.add(key);
    requirements.push({ need: need.id, label: need.label.en, text: m[0].trim(), negated, from: 'request' });
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
      lexicon.fillerZh.lastIndex = 0;
      for (const piece of word.replace(lexicon.fillerZh, ' ').split(/\s+/)) {
        if (piece.length > 1 || (piece.length === 1 && !/\p{Script=Han}/u.test(piece))) add(piece);
      }
      continue;
    }
    if (!lexicon.filler.has(word) && !/^\d+(\.\d+)?$/.test(word)) add(word);
  }
  return out;
}
