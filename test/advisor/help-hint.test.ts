import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELP_HINT, HELP_PATTERNS } from '../../src/advisor/questions.js';

/** The one-scan hint before the help patterns must let through every text any of them matches. */
describe('help questions', () => {
  // Pieces of the patterns and of requests, in any order, in any case.
  const piece = fc.constantFrom(
    'how do i use',
    'how can we ask',
    'what should i type',
    'what kinds of questions can you',
    'what can you do',
    'usage',
    'examples',
    'show me some examples',
    'give me an example',
    '这个bot怎么用',
    '你如何使用',
    '帮助',
    '/stack 后面',
    '/STACK之后',
    '你能回答哪些',
    '机器人可以处理什么',
    '能问什么',
    '你会做什么',
    'BOT 会干啥',
    '可以问啥',
    'sample query',
    '示例吗',
    '例子',
    '样例？',
    'strong isolation',
    '强隔离',
    ' ',
    '?',
    '。',
  );
  const text = fc
    .array(fc.tuple(piece, fc.boolean()), { maxLength: 4 })
    .map((ps) => ps.map(([p, upper]) => (upper ? p.toUpperCase() : p)).join(' '));

  it('lets through every text a help pattern matches', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (HELP_PATTERNS.some((re) => re.test(t))) expect(HELP_HINT.test(t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('has each pattern match at least one of the texts tried', () => {
    const samples = [
      'how do i use it',
      'what should i type',
      'what kinds of questions can you answer',
      'what can you do',
      'usage',
      '这个bot怎么用',
      '/stack 后面写什么',
      '你能回答哪些问题',
      '能问什么',
      '你会做什么',
      'BOT 会干啥',
      '可以问啥',
      'usage',
      '示例吗',
    ];
    for (const re of HELP_PATTERNS) expect(samples.some((s) => re.test(s))).toBe(true);
  });
});
