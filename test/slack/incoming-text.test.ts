import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedText } from '../../src/slack/incoming-text.js';

describe('typedText', () => {
  it.each([
    ['<@UBOT> edge, cold start &lt; 10ms', 'edge, cold start < 10ms'],
    ['<@UBOT|stack-advisor> V∘C∘M', 'V∘C∘M'],
    ['ask <@U0BOSS> about <#C0GEN|general>', 'ask about #general'],
    ['<!channel> strong isolation', '@channel strong isolation'],
    ['see <https://istio.io|istio.io> &amp; <https://kata.dev>', 'see istio.io & https://kata.dev'],
    ['  spaced\n\nout  ', 'spaced out'],
    ['强隔离+合规，多租户', '强隔离+合规，多租户'],
  ])('%j → %j', (slack, typed) => {
    expect(typedText(slack)).toBe(typed);
  });
});

describe('typedText without markup', () => {
  /** The full sequence of replacements, as it ran for every text before the shortcut for texts without `<` or `&`. */
  const everyStep = (slackText: string) =>
    slackText
      .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
      .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) => `#${name ?? 'channel'}`)
      .replace(/<!([a-z]+)[^>]*>/g, (_, name: string) => `@${name}`)
      .replace(/<([^<>|]+)\|([^<>]+)>/g, (_, _url: string, label: string) => label)
      .replace(/<([^<>|]+)>/g, (_, url: string) => url)
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&')
      .replace(/\s+/g, ' ')
      .trim();

  it('gives what every step gave, with and without markup', () => {
    const piece = fc.constantFrom(
      '<@U123>',
      '<#C1|design>',
      '<!here>',
      '<https://x.y|x>',
      '&lt;',
      '&amp;',
      ' ',
      '\n',
      '\t',
      '  ',
      '\u3000',
      '\u00a0',
      '\r\n',
      'a',
      '冷启动',
      '<',
      '>',
      '&',
      '|',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(typedText(text)).toBe(everyStep(text));
      }),
      { numRuns: 3000 },
    );
  });
});
