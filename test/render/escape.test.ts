import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeText, quoted } from '../../src/render/escape.js';

describe('escaping user text for Slack', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123|boss>', '&lt;@U123|boss&gt;'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['&lt;', '&amp;lt;'],
    ['强隔离', '强隔离'],
  ])('%j → %j', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('leaves no markup a person could have typed, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')).toBe(text);
      }),
    );
  });

  it('keeps a code span closed whatever is inside', () => {
    expect(codeSpan('a`b<c')).toBe('`aˋb&lt;c`');
    expect(quoted('<!here>')).toBe('“&lt;!here&gt;”');
  });
});
