import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareButton } from '../../src/render/buttons.js';
import { LIMITS } from '../../src/render/limits.js';
import { messages } from '../../src/render/messages/index.js';

/** The Compare button keeps as many forms as fit in a button value: the same forms as encoding each prefix did. */
function byEncoding(language: 'en' | 'zh', forms: readonly string[]): string[] | undefined {
  const unique = [...new Set(forms)];
  if (unique.length < 2) return undefined;
  const kept: string[] = [];
  for (const form of unique) {
    if (JSON.stringify({ l: language, f: [...kept, form] }).length > LIMITS.buttonValue) break;
    kept.push(form);
  }
  return kept.length < 2 ? undefined : kept;
}

describe('the Compare button', () => {
  it('keeps the same forms as encoding every prefix would, quotes, ∘ and long forms included', () => {
    const form = fc.oneof(
      fc.constantFrom('V∘C∘S∘M', 'I∘C∘S∘W', 'I∘C∘S∘Am', 'V∘S∘C∘M', '"q"', 'a\\b', '∘'.repeat(300)),
      fc.string({ maxLength: 900 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('en' as const, 'zh' as const),
        fc.array(form, { maxLength: 12 }),
        (language, forms) => {
          const button = compareButton(messages(language), forms);
          const expected = byEncoding(language, forms);
          if (expected === undefined) expect(button).toBeUndefined();
          else expect(JSON.parse(button?.value ?? '')).toEqual({ l: language, f: expected });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
