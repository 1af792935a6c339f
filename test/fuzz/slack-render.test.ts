import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/advisor/answer.js';
import { failure } from '../../src/failure.js';
import { answerMessage, failureMessage } from '../../src/render/blocks.js';
import { operatorsMessage } from '../../src/render/blocks-explanation.js';
import { ACTION, fromAction, operatorsOf } from '../../src/render/buttons.js';
import { homeView } from '../../src/render/home.js';
import { fitMessage } from '../../src/render/limits.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';
import { typedText } from '../../src/slack/incoming-text.js';
import { reply } from '../../src/slack/reply.js';
import { homeProblems, messageProblems } from '../render/block-kit-limits.js';
import { advisor, knowledge } from '../support.js';
import { HOSTILE, requestText, stackText, userId, wordText } from './arbitraries.js';
import { escapingProblems } from './escaping.js';
import { RUNS } from './runs.js';

/**
 * Fuzzing the Slack renderer the way the listeners call it: whatever is typed, pressed or configured, every payload
 * is within Block Kit limits (checked by test/render/block-kit-limits.ts, independently of the renderer's own
 * constants) and every piece of user text in it is escaped.
 */

const a = advisor();
const kb = knowledge();

/** Slack escapes `&`, `<`, `>` in what it sends, and writes mentions as `<@U…>`: the text as Slack would send it. */
const asSlackSends = (typed: string) => typed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** What Slack sends is either the escaped text or (a client that does not escape) the raw text. */
const slackText = fc.tuple(stackText, fc.boolean()).map(([t, escaped]) => (escaped ? asSlackSends(t) : t));

function expectValid(message: unknown, allowed: readonly string[] = []): void {
  expect(messageProblems(message)).toEqual([]);
  expect(escapingProblems(message, allowed)).toEqual([]);
}

describe('Slack renderer fuzzing: within Block Kit limits, user text escaped', () => {
  it('/stack <anything>: the acknowledgement the command listener sends', () => {
    fc.assert(
      fc.property(slackText, (sent) => {
        const text = typedText(sent);
        const { message } = reply(a, text, undefined, { shareRequest: text });
        expectValid(message);
        // The Share button carries the request (never shown) and stays within its value limit.
        expect(JSON.stringify(message).length).toBeLessThan(200_000);
      }),
      { numRuns: RUNS.command },
    );
  });

  it('a mention or a DM, with the requirements carried from the thread', () => {
    fc.assert(
      fc.property(requestText, slackText, (earlierText, sent) => {
        const earlier = a.advise(earlierText);
        const previous = earlier.ok ? earlier.value.carried : undefined;
        const answer = reply(a, typedText(`<@UBOT> ${sent}`), previous);
        expectValid(answer.message);
      }),
      { numRuns: RUNS.mention },
    );
  });

  it('Share in channel, pressed by anyone: only the presser is mentioned, and only with a real user id', () => {
    fc.assert(
      fc.property(stackText, userId, (value, presser) => {
        const answer = reply(a, value, undefined, { sharedBy: presser });
        const mention = /^[UW][A-Z0-9]{2,}$/.test(presser) ? [`<@${presser}>`] : [];
        expectValid(answer.message, mention);
      }),
      { numRuns: RUNS.share },
    );
  });

  it('Compare alternatives and Explain operators, whatever value the button carries', () => {
    fc.assert(
      fc.property(fc.oneof(wordText, requestText, fc.constantFrom(...HOSTILE)), (value) => {
        const pressed = fromAction(ACTION.compare, value);
        const compared = a.compare(pressed?.kind === 'compare' ? pressed.forms : []);
        expectValid(compared.ok ? answerMessage(compared.value) : failureMessage(compared.error));
        const explanations: Explanation[] = [];
        for (const op of operatorsOf(value)) {
          const result = a.explain(op);
          if (result.ok) explanations.push(result.value);
        }
        if (explanations.length > 0) {
          expectValid(fitMessage(operatorsMessage(value, explanations, a.version, en)));
          expectValid(fitMessage(operatorsMessage(value, explanations, a.version, zh)));
        }
      }),
      { numRuns: RUNS.buttons },
    );
  });

  it('a failure message says any reason, escaped and within limits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8000 }),
        requestText,
        fc.constantFrom('en', 'zh' as const),
        (text, ignored, language) => {
          expectValid(failureMessage({ ...failure('no-requirements', { text, ignored: [ignored] }), language }));
          expectValid(failureMessage({ ...failure('unknown-operator', { token: text, position: 1 }), language }));
        },
      ),
      { numRuns: RUNS.failure },
    );
  });
});

describe('Home tab fuzzing: ≤ 100 blocks, each within its limits, escaped, for any knowledge base', () => {
  const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 400 }), requestText);
  const stack = fc.record({
    id: fc.string({ maxLength: 20 }),
    name: text,
    normalForm: text,
    label: text,
    title: fc.record({ en: text, zh: text }),
  });
  const operator = fc.constantFrom(...kb.operators).chain((op) =>
    fc
      .record({
        name: fc.record({ en: text, zh: text }),
        when: fc.record({ en: text, zh: text }),
        implementations: fc.array(fc.record({ en: text, zh: text }), { maxLength: 8 }),
      })
      .map((over) => ({ ...op, ...over })),
  );

  it('renders a Home tab Slack accepts from any stacks, operators and version', () => {
    fc.assert(
      fc.property(
        fc.array(stack, { maxLength: 60 }),
        fc.array(operator, { maxLength: 80 }),
        text,
        (stacks, operators, version) => {
          for (const language of ['en', 'zh'] as const) {
            const view = homeView({ stacks, operators, version }, language);
            expect(homeProblems(view)).toEqual([]);
            expect(escapingProblems(view)).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS.home },
    );
  });
});
