import type { Assumption, Comparator, Constraint } from './answer.js';
import type { Lexicon } from './lexicon.js';
import type { Found } from './phrase-matcher.js';

/** A numeric requirement and the span of text it was read from. */
export interface ReadConstraint {
  readonly constraint: Constraint;
  readonly start: number;
  readonly end: number;
}

// A number that is not part of a word (`p99`, `iso27001` are words): `10`, `0.5`, `.5`, `1,000`.
const NUMBER = /(?<![a-z0-9.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![a-z0-9.])\.\d+/g;
// Between the two numbers of a range: `5-10 ms`, `5~10ms`, `5 to 10 ms`, `5到10毫秒`, `between 5 and 10 ms`.
const RANGE = /^\s*(?:-|~|～|–|—|to|到|至|and)\s*$/;
// Where a numeric requirement's words stop: clause punctuation (a decimal point is not one).
const CLAUSE = /[,;!?\n、。，；]|\.(?!\d)/;
// Words that turn the comparator after them around: "not more than", "can't be over", "不能大于".
const NEGATED =
  /(?:\bnot|\bno|\bnever|can't|cannot|mustn't|must not|shouldn't|should not|don't|doesn't|won't|不能|不得|不要|不可|别|不)\s*(?:be\s+|go\s+|get\s+)?$/;
// At most this much filler between a quantity and its number: "memory footprint should stay below 50 MB".
const MAX_GAP = 24;

const skipSpaces = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

function clauseStart(text: string, from: number, limit: number): number {
  let i = from;
  while (i > limit && !CLAUSE.test(text[i - 1])) i--;
  return i;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The lower number of a range that ends at `numStart` (`5-10 ms`, `5ms to 10ms`, `between 5 and 10 ms`), if any. */
function rangeStart(
  text: string,
  previous: RegExpMatchArray | undefined,
  numStart: number,
  floor: number,
  lexicon: Lexicon,
): RegExpMatchArray | undefined {
  if (previous?.index === undefined || previous.index < floor) return undefined;
  const previousEnd = previous.index + previous[0].length;
  const gap = text.slice(lexicon.units.matchAt(text, skipSpaces(text, previousEnd))?.end ?? previousEnd, numStart);
  if (!RANGE.test(gap)) return undefined;
  return gap.trim() !== 'and' || /between\s*$/.test(text.slice(Math.max(0, previous.index - 12), previous.index))
    ? previous
    : undefined;
}

/**
 * Reads numeric requirements, anchored on the numbers of the text: a unit after the number, a comparator before it
 * (`under`, `小于`, `<`) or after the unit (`or less`, `以内`), and the quantity before (`cold start < 10ms`) or after
 * (`under 10 ms cold start`). With no quantity named, the unit decides (time: latency, size: memory).
 */
export function readConstraints(text: string, lexicon: Lexicon): ReadConstraint[] {
  const out: ReadConstraint[] = [];
  let floor = 0;
  const numbers = [...text.matchAll(NUMBER)];
  for (let k = 0; k < numbers.length; k++) {
    const m = numbers[k];
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    if (numStart < floor) continue;
    // The lower end of a range is read with its upper end.
    const next = numbers[k + 1];
    const lowerUnit = lexicon.units.matchAt(text, skipSpaces(text, numEnd));
    const gap = next === undefined ? '' : text.slice(lowerUnit?.end ?? numEnd, next.index);
    if (
      next !== undefined &&
      RANGE.test(gap) &&
      (gap.trim() !== 'and' || /between\s*$/.test(text.slice(0, numStart)))
    ) {
      continue;
    }
    const lower = rangeStart(text, numbers[k - 1], numStart, floor, lexicon);
    const unit = lexicon.units.matchAt(text, skipSpaces(text, numEnd));
    if (unit === undefined) continue;
    let end = unit.end;
    const after = lexicon.comparatorsAfter.matchAt(text, skipSpaces(text, end));
    if (after) end = after.end;

    // Before the number (or its range): the comparator right before it, and a quantity a little before that.
    const first = lower?.index ?? numStart;
    const start = clauseStart(text, first, floor);
    let left = first;
    if (lower !== undefined && /between\s*$/.test(text.slice(start, left)))
      left = text.slice(0, left).search(/between\s*$/);
    while (left > start && /[\s:：-]/.test(text[left - 1])) left--;
    const found = lexicon.comparatorsBefore.findAll(text, start, left).find((c) => c.end === left);
    // "can't be more than 100 ms", "不能大于100毫秒": a negated lower bound is an upper bound.
    const negatedBy =
      found && /^>/.test(found.value) ? NEGATED.exec(text.slice(Math.max(start, found.start - 14), found.start)) : null;
    const before: Found<Comparator> | undefined =
      found && negatedBy
        ? { start: found.start - negatedBy[0].length, end: found.end, value: found.value === '>' ? '<=' : '<' }
        : found;
    const edge = before ? before.start : left;
    const quantityBefore = lexicon.quantities
      .findAll(text, start, edge)
      .filter((q) => edge - q.end <= MAX_GAP && !/\d/.test(text.slice(q.end, edge)))
      .at(-1);

    // After the unit: "10 ms cold start", "2 GB RAM at most".
    let at = skipSpaces(text, end);
    if (text.startsWith('of ', at)) at += 3;
    else if (text[at] === '的') at += 1;
    const quantityAfter = lexicon.quantities.matchAt(text, at);
    const after2 = quantityAfter
      ? lexicon.comparatorsAfter.matchAt(text, skipSpaces(text, quantityAfter.end))
      : undefined;

    const fits = (q: Found<{ kind: string }> | undefined) => q !== undefined && q.value.kind === unit.value.kind;
    const named = fits(quantityBefore) ? quantityBefore : fits(quantityAfter) ? quantityAfter : undefined;
    // A one-letter unit (`5k tenants`, `1m users`, `5s timeout`) counts only beside the quantity it measures, after a
    // comparator (`under 5s`), or standing alone in its clause (`edge, 0.5 s`).
    if (named === undefined && unit.end - unit.start === 1 && before === undefined && after === undefined) {
      let clauseEnd = end;
      while (clauseEnd < text.length && !CLAUSE.test(text[clauseEnd])) clauseEnd++;
      if (text.slice(start, first).trim() !== '' || text.slice(end, clauseEnd).trim() !== '') continue;
    }
    const quantity = named?.value ?? lexicon.quantityById.get(unit.value.kind === 'time' ? 'latency' : 'memory');
    if (quantity === undefined) continue;
    const assumptions: Assumption[] = [];
    if (named === undefined) assumptions.push({ kind: 'quantity-from-unit', quantity: quantity.id });
    let comparator: Comparator | undefined = before?.value ?? after?.value;
    if (named === quantityAfter && after2) {
      comparator ??= after2.value;
      end = after2.end;
    } else if (named === quantityAfter && quantityAfter) end = quantityAfter.end;
    if (lower !== undefined && comparator === undefined) {
      comparator = '<=';
      assumptions.push({ kind: 'range-upper' });
    }
    if (comparator === undefined) {
      comparator = '<=';
      assumptions.push({ kind: 'no-comparator' });
    }
    const spanStart = named === quantityBefore && quantityBefore ? quantityBefore.start : edge;
    const spelled = before ? text.slice(before.start, before.end) : '';
    if (/^(?:≈|~|=|==|about|around|approx|approximately|roughly|约|大约|等于)$/.test(spelled)) {
      assumptions.push({ kind: 'approx-as-at-most', word: spelled });
    }
    out.push({
      constraint: {
        quantity: quantity.id,
        label: quantity.label,
        comparator,
        value: round(Number(m[0].replaceAll(',', '')) * unit.value.factor),
        unit: unit.value.kind === 'time' ? 'ms' : 'MB',
        text: text.slice(spanStart, end).trim(),
        assumptions,
        source: 'request',
      },
      start: spanStart,
      end,
    });
    floor = end;
  }
  return out;
}
