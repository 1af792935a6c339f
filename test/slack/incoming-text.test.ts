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
