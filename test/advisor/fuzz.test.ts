import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advisor, knowledge, say } from '../support.js';

const a = advisor();
const kb = knowledge();
const vocabulary = [
  ...kb.needs.flatMap((n) => [...n.synonyms.en, ...n.synonyms.zh]),
  ...kb.quantities.flatMap((q) => [...q.words.en, ...q.words.zh]),
  ...kb.negation.before.en,
  ...kb.negation.before.zh,
  '<',
  '≤',
  '＜',
  '10ms',
  '50 MB',
  '0.5 s',
  '1 GiB',
  ',',
  '，',
  '+',
  '|',
  '∘',
  '->',
  'V',
  'C',
  '<!channel>',
  '&',
];
const requestish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(' '));

describe('any text gets an answer or a clear error, never an exception', () => {
  it('advise', () => {
    fc.assert(
      fc.property(
        fc.oneof(requestish, fc.string({ maxLength: 4000 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (text) => {
          const result = a.advise(text);
          if (result.ok) {
            expect(result.value.recommendation.normalForm).toMatch(/^[A-Za-z∘]+$/);
            expect(result.value.recommendation.stack.commands.length).toBeGreaterThan(0);
          } else {
            expect(result.error.code).toMatch(/^[a-z-]+$/);
            expect(say(result.error).length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answer (every /stack route)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          requestish,
          fc.constantFrom('explain ', 'compare ', '比较 ').chain((p) => requestish.map((t) => p + t)),
        ),
        (text) => {
          const result = a.answer(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same text gives the same answer', () => {
    fc.assert(
      fc.property(requestish, (text) => {
        expect(JSON.stringify(a.advise(text))).toBe(JSON.stringify(a.advise(text)));
      }),
      { numRuns: 500 },
    );
  });
});
