import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, printWord } from '../../src/algebra/normalize.js';
import { type Letter, letterOf } from '../../src/algebra/operators.js';
import { parseWord } from '../../src/algebra/parse.js';
import { en } from '../../src/render/messages/en.js';
import { say } from '../support.js';
import { LETTERS, wordText } from './arbitraries.js';
import { RUNS } from './runs.js';

/** Fuzzing the parser and the normalizer: any input gives a value or an explained failure, never an exception. */

describe('parser fuzzing', () => {
  it('any text parses to letters that print and parse back, or fails naming the bad token and where it is', () => {
    fc.assert(
      fc.property(
        fc.oneof(wordText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 60 })),
        (text) => {
          const parsed = parseWord(text);
          if (parsed.ok) {
            expect(parsed.value.length).toBeGreaterThan(0);
            for (const letter of parsed.value) expect(LETTERS).toContain(letter);
            const again = parseWord(printWord(parsed.value));
            expect(again).toEqual({ ok: true, value: parsed.value });
            return;
          }
          const error = parsed.error;
          expect(['empty-word', 'unknown-operator']).toContain(error.code);
          expect(say(error).length).toBeGreaterThan(0);
          if (error.code === 'unknown-operator') {
            // The bad token is named, with its 1-based column, and really is not an operator.
            const { token, position } = error.params;
            expect(typeof token === 'string' && typeof position === 'number').toBe(true);
            const [t, at] = [String(token), Number(position)];
            expect(text.slice(at - 1, at - 1 + t.length)).toBe(t);
            expect(letterOf(t)).toBeUndefined();
          }
        },
      ),
      { numRuns: RUNS.parse },
    );
  });
});

describe('normalizer fuzzing', () => {
  const word = fc.array(fc.constantFrom(...LETTERS), { maxLength: 40 });

  it('any word normalizes with a trace that chains from the word to its normal form, or fails with a reason', () => {
    fc.assert(
      fc.property(word, (letters: Letter[]) => {
        const result = normalize(letters);
        if (!result.ok) {
          expect(['two-heads', 'container-before-head', 'unmatched-inverse']).toContain(result.error.code);
          expect(say(result.error).length).toBeGreaterThan(0);
          return;
        }
        const { normalForm, steps, input } = result.value;
        expect(input).toBe(printWord(letters));
        let at = input;
        for (const step of steps) {
          expect(step.before).toBe(at);
          expect(['A2', 'A3', 'A4', 'A6', 'A7']).toContain(step.axiom);
          expect(en.rule(step.rule).length).toBeGreaterThan(0);
          at = step.after;
        }
        expect(at).toBe(normalForm.text);
        // A normal form is a fixed point: normalizing it again changes nothing and takes no step.
        const again = normalize(normalForm.operators);
        expect(again.ok && again.value.normalForm.text === normalForm.text && again.value.steps.length === 0).toBe(
          true,
        );
        // The result is plain data: it serializes and reads back the same.
        expect(JSON.parse(JSON.stringify(result.value)).normalForm.text).toBe(normalForm.text);
      }),
      { numRuns: RUNS.normalize },
    );
  });
});
