import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../src/advisor/phrase-matcher.js';

/**
 * The matcher skips a place whose character starts no phrase with a bit test before its trie lookup. Held here to
 * a plain reference that scans every place and every phrase: same phrases, same spans, same values.
 */
const isSeparator = (c: string) => c === ' ' || c === '-' || c === '_' || c === '\t' || c === '\n' || c === '\r';
const isAlnum = (c: string | undefined) => c !== undefined && /^[a-z0-9]$/.test(c);

function referenceMatchAt(
  phrases: readonly (readonly [string, number])[],
  attached: boolean,
  text: string,
  at: number,
): { start: number; end: number; value: number } | undefined {
  // The first phrase given for a spelling wins; spellings compare without separators.
  const bySpelling = new Map<string, number>();
  for (const [p, v] of phrases) {
    const spelling = [...p].filter((c) => !isSeparator(c)).join('');
    if (spelling !== '' && !bySpelling.has(spelling)) bySpelling.set(spelling, v);
  }
  const startsWord = new Set([...bySpelling.keys()].filter((s) => isAlnum(s[0]) && !attached).map((s) => s[0]));
  if (startsWord.has(text[at]) && at > 0 && isAlnum(text[at - 1])) return undefined;
  let best: { start: number; end: number; value: number } | undefined;
  for (const [spelling, value] of bySpelling) {
    // Walk the text: the phrase's characters in order, any separators between them.
    let i = at;
    let ok = true;
    for (let k = 0; k < spelling.length; k++) {
      if (k > 0) while (i < text.length && isSeparator(text[i])) i++;
      if (text[i] !== spelling[k]) {
        ok = false;
        break;
      }
      i++;
    }
    if (!ok) continue;
    if (isAlnum(spelling[spelling.length - 1]) && isAlnum(text[i])) continue;
    if (best === undefined || i > best.end) best = { start: at, end: i, value };
  }
  return best;
}

function referenceFindAll(
  phrases: readonly (readonly [string, number])[],
  attached: boolean,
  text: string,
  from = 0,
  to = text.length,
  skip: readonly { start: number; end: number }[] = [],
) {
  const out: { start: number; end: number; value: number }[] = [];
  let i = from;
  while (i < to) {
    const inside = skip.find((x) => x.start <= i && i < x.end);
    if (inside !== undefined) {
      i = inside.end;
      continue;
    }
    const next = skip.find((x) => x.start > i);
    const limit = next === undefined ? to : Math.min(to, next.start);
    const m = referenceMatchAt(phrases, attached, text, i);
    if (m !== undefined && m.end <= limit) {
      out.push(m);
      i = m.end;
    } else i++;
  }
  return out;
}

// Few letters, so that phrases overlap and share prefixes; CJK and a character past the first bitmap words too.
const alphabet = fc.constantFrom('a', 'b', 'c', '1', ' ', '-', '隔', '离', '\u{ffee}', '<');
const phrase = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const phrases = fc.array(
  fc.tuple(phrase, fc.integer({ min: 0, max: 99 })).map(([p, v]) => [p, v] as const),
  { minLength: 1, maxLength: 8 },
);
const text = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));

describe('PhraseMatcher', () => {
  it('finds what a scan of every place and every phrase finds', () => {
    fc.assert(
      fc.property(phrases, text, fc.boolean(), (ps, t, attached) => {
        const matcher = new PhraseMatcher(ps, attached);
        expect(matcher.findAll(t)).toEqual(referenceFindAll(ps, attached, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds what the scan finds within bounds and outside spans already understood', () => {
    const bounded = text.chain((t) =>
      fc
        .tuple(
          fc.nat({ max: t.length }),
          fc.nat({ max: t.length }),
          fc.array(fc.tuple(fc.nat({ max: t.length }), fc.nat({ max: 4 })), { maxLength: 4 }),
        )
        .map(([a, b, spans]) => {
          // Sorted, non-overlapping spans, as the callers pass them.
          const skip: { start: number; end: number }[] = [];
          for (const [start, length] of [...spans].sort((x, y) => x[0] - y[0])) {
            const from = Math.max(start, skip.length === 0 ? 0 : skip[skip.length - 1].end);
            if (from < t.length) skip.push({ start: from, end: Math.min(t.length, from + length + 1) });
          }
          return { t, from: Math.min(a, b), to: Math.max(a, b), skip };
        }),
    );
    fc.assert(
      fc.property(phrases, bounded, fc.boolean(), (ps, { t, from, to, skip }, attached) => {
        const matcher = new PhraseMatcher(ps, attached);
        expect(matcher.findAll(t, from, to, skip)).toEqual(referenceFindAll(ps, attached, t, from, to, skip));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing past the end of the text, and nothing at a place no phrase starts', () => {
    const matcher = new PhraseMatcher([['ab', 1] as const]);
    expect(matcher.matchAt('ab', 2)).toBeUndefined();
    expect(matcher.matchAt('xab', 0)).toBeUndefined();
    expect(matcher.findAll('x ab')).toEqual([{ start: 2, end: 4, value: 1 }]);
  });
});
