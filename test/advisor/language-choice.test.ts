import { describe, expect, it } from 'vitest';
import { isOperatorWord } from '../../src/advisor/route.js';
import { explicitLanguage, ownLanguageOf } from '../../src/language.js';
import { advisor } from '../support.js';

/**
 * The advisor keeps the language choice of the last text it read (`/stack` asks `ownLanguage`, then `answer`, for
 * the same text): whatever came before, the choice is the one read afresh.
 */
describe('the language a request chooses', () => {
  const texts = [
    '中文: strong isolation',
    'english: 强隔离',
    'V∘S∘C∘M',
    '',
    '我们需要 Kata 和 gVisor',
    'strong isolation for tenants',
    'zh: V -> C',
  ];
  const fresh = (t: string) => {
    const e = explicitLanguage(t);
    return { language: e.language ?? ownLanguageOf(e.text, isOperatorWord), text: e.text };
  };

  it('is the same read once, twice, or after another text', () => {
    const a = advisor();
    for (const first of texts) {
      for (const t of texts) {
        a.ownLanguage(first);
        expect(a.ownLanguage(t)).toBe(fresh(t).language);
        expect(a.ownLanguage(t)).toBe(fresh(t).language);
        const chosen = a.languageFor(t, { fallback: 'zh' });
        expect(chosen.text).toBe(fresh(t).text);
        expect(chosen.language).toBe(fresh(t).language ?? 'zh');
        expect(a.languageFor(t, { language: 'en' }).language).toBe('en');
      }
    }
  });
});
