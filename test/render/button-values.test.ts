import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, fromAction } from '../../src/render/buttons.js';

/** A button's value is written without building an object: held to the `JSON.stringify` it replaces. */
describe('button values', () => {
  // Any string: quotes, backslashes, control characters, lone surrogates, CJK.
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const body = fc.record({ r: text, f: fc.array(text, { maxLength: 4 }), t: text }, { requiredKeys: [] });

  it('is JSON.stringify({ l, ...body }) for every body the buttons write', () => {
    fc.assert(
      fc.property(fc.constantFrom('en' as const, 'zh' as const), body, (language, b) => {
        expect(encode(language, b)).toBe(JSON.stringify({ l: language, ...b }));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.constantFrom('en' as const, 'zh' as const), fc.string({ maxLength: 40 }), (language, r) => {
        expect(fromAction('share_in_channel', encode(language, { r }))).toEqual({
          kind: 'share',
          request: r,
          language,
        });
      }),
      { numRuns: 300 },
    );
  });
});
