import { describe, expect, it } from 'vitest';
import { Advisor } from '../../src/advisor/advisor.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { answerMessage } from '../../src/render/blocks.js';
import { reply } from '../../src/slack/reply.js';

/** Help and an operator's explanation are the same for everyone of a language: built once per advisor, then reused. */

const kb = loadKnowledge();
if (!kb.ok) throw new Error(kb.error.code);
const fresh = (advisor: Advisor, text: string, options: { shareRequest?: string } = {}) => {
  const answer = advisor.answer(text);
  if (!answer.ok) throw new Error(answer.error.code);
  return answerMessage(answer.value, options);
};

describe('views the same for every user', () => {
  it('help and the explanation of an operator are rendered once, and are what rendering gives', () => {
    const advisor = new Advisor(kb.value);
    for (const text of ['help', '帮助', 'explain M', '解释 S', 'explain W']) {
      const options = { shareRequest: text };
      const first = reply(advisor, text, undefined, options);
      const again = reply(advisor, text, undefined, options);
      expect(again.message).toBe(first.message);
      expect(first.message).toEqual(fresh(advisor, text, options));
      expect(Object.isFrozen(first.message.blocks)).toBe(true);
    }
  });

  it('keeps them per advisor (a knowledge base of its own) and per buttons', () => {
    const one = new Advisor(kb.value);
    const other = new Advisor(kb.value);
    const a = reply(one, 'explain M', undefined, { shareRequest: 'explain M' }).message;
    expect(reply(other, 'explain M', undefined, { shareRequest: 'explain M' }).message).not.toBe(a);
    expect(reply(one, 'explain M', undefined, {}).message).not.toBe(a);
  });

  it('does not keep advice, which differs with every request', () => {
    const advisor = new Advisor(kb.value);
    const text = 'edge computing, cold start < 10ms';
    expect(reply(advisor, text).message).not.toBe(reply(advisor, text).message);
  });
});
