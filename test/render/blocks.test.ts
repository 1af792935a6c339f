import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advice, Answer } from '../../src/advisor/answer.js';
import { failure } from '../../src/failure.js';
import { answerMessage, apologyMessage, failureMessage } from '../../src/render/blocks.js';
import { EXAMPLES } from '../../src/render/blocks-help.js';
import { advisor, say, seed } from '../support.js';
import { messageProblems, PINGS, visibleTexts } from './block-kit-limits.js';

const theAdvisor = advisor();

function answer(text: string): Answer {
  const result = theAdvisor.answer(text);
  if (!result.ok) throw new Error(`${text}: ${say(result.error)}`);
  return result.value;
}

const shown = (message: unknown): string => visibleTexts(message).join('\n');
const actionIds = (message: { blocks: unknown[] }): string[] =>
  [...JSON.stringify(message.blocks).matchAll(/"action_id":"([a-z_]+)"/g)].map((m) => m[1]);

describe('the seed cases as Slack messages', () => {
  for (const c of seed.cases) {
    for (const request of [c.requirement_en, c.requirement_zh]) {
      it(`${c.id}: ${request}`, () => {
        const message = answerMessage(answer(request), { shareRequest: request });
        expect(messageProblems(message)).toEqual([]);
        const text = shown(message);
        expect(text).toContain(c.normal_form);
        expect(text).toContain(c.metrics);
        expect(text).toContain(c.stack);
        for (const command of c.commands.valid)
          expect(text).toContain(command.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
        for (const wrong of c.commands.forbidden) expect(text).not.toContain(wrong);
        expect(message.text).toContain(c.stack);
        expect(actionIds(message)).toEqual([
          'share_in_channel',
          'compare_alternatives',
          'explain_operators',
          'deploy_kit',
          'answer_feedback',
        ]);
      });
    }
  }

  for (const s of seed.simplify.filter((x) => x.normal_form !== undefined)) {
    it(`simplifies ${s.input}`, () => {
      const message = answerMessage(answer(s.input));
      expect(messageProblems(message)).toEqual([]);
      expect(shown(message)).toContain(`*Normal form:* \`${s.normal_form}\``);
      if (s.warning) expect(shown(message)).toContain('⚠️');
    });
  }
});

describe('every example shown to users works', () => {
  it.each([...EXAMPLES.en, ...EXAMPLES.zh])('%s', (example) => {
    const result = theAdvisor.answer(example.replace(/^\/stack\s*/, ''));
    expect(result.ok).toBe(true);
  });
});

describe('buttons', () => {
  it('a private answer can be shared; a shared one says who shared it and has no Share button', () => {
    const request = 'edge computing, cold start < 10ms';
    const shared = answerMessage(answer(request), { sharedBy: 'U0PRESSER' });
    expect(actionIds(shared)).not.toContain('share_in_channel');
    expect(shown(shared)).toContain('<@U0PRESSER>');
    expect(shown(answerMessage(answer(request), { sharedBy: '<!channel>' }))).not.toMatch(PINGS);
  });

  it('carries the request and forms in button values within 2000 characters', () => {
    const request = `edge, cold start < 10ms ${'x'.repeat(3000)}`;
    const message = answerMessage(answer(request.slice(0, 3900)), { shareRequest: request });
    const values = [...JSON.stringify(message.blocks).matchAll(/"value":"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    );
    for (const value of values) expect(value.length).toBeLessThanOrEqual(2000);
    expect(shown(message)).toContain('Share re-asks the first 1,900 characters');
  });

  it('help has nothing to share', () => {
    expect(actionIds(answerMessage(answer('help'), { shareRequest: 'help' }))).toEqual([]);
  });
});

describe('whatever the user types', () => {
  const tricky = fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<@U0BOSS>',
    '<#C0GEN>',
    '&',
    '`',
    '*',
    '\n',
    '<http://x|y>',
    '>',
  );
  const userText = fc
    .array(
      fc.oneof(
        tricky,
        fc.constantFrom('edge', 'cold start < 10ms', '强隔离', 'V∘C∘M', 'compare', '|', 'explain'),
        fc.string(),
      ),
      {
        maxLength: 20,
      },
    )
    .map((parts) => parts.join(' '));

  it('the answer stays within Block Kit limits and never pings anyone', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const result = theAdvisor.answer(text);
        const message = result.ok ? answerMessage(result.value, { shareRequest: text }) : failureMessage(result.error);
        expect(messageProblems(message)).toEqual([]);
        for (const t of visibleTexts(message)) expect(t).not.toMatch(PINGS);
      }),
      { numRuns: 200 },
    );
  });
});

describe('oversized answers are cut visibly, never rejected', () => {
  const base = answer('edge computing, cold start < 10ms, memory < 50MB') as Advice;

  it('with huge lists and long texts everywhere', () => {
    const long = (n: number) => `<b>${'word '.repeat(n)}</b>`;
    const huge: Advice = {
      ...base,
      request: long(2000),
      ignored: Array.from({ length: 300 }, (_, i) => `junk${i}<!here>`),
      warnings: Array.from({ length: 50 }, () => ({ code: 'nested-virtualization' as const })),
      steps: Array.from({ length: 200 }, () => ({
        axiom: 'A2' as const,
        rule: { code: 'keep-last' as const, operators: ['V' as const] },
        before: long(50),
        after: 'V',
      })),
      alternatives: Array.from({ length: 100 }, () => ({
        ...base.alternatives[0],
        excludedBy: [{ kind: 'negation' as const, need: 'x', text: long(300), operators: ['V' as const] }],
      })),
      conflicts: Array.from({ length: 80 }, () => ({
        kind: 'unknown-for-all' as const,
        constraint: { ...base.constraints[0], text: long(80) },
        closest: { id: 'edge', name: long(20), form: 'I∘C∘S∘W' },
        check: base.recommendation.checks[0],
      })),
      recommendation: {
        ...base.recommendation,
        reasons: Array.from({ length: 100 }, () => ({ kind: 'stack' as const, why: { en: long(60), zh: long(60) } })),
        stack: {
          ...base.recommendation.stack,
          name: { en: long(100), zh: long(100) },
          commands: Array.from({ length: 300 }, () => `docker run ${long(40)}`),
          figures: Array.from({ length: 40 }, () => ({
            ...base.recommendation.stack.figures[0],
            text: long(500),
            source: { kind: 'stated' as const, text: { en: long(500), zh: long(500) } },
          })),
        },
      },
    };
    const message = answerMessage(huge, { shareRequest: huge.request });
    expect(messageProblems(message)).toEqual([]);
    expect(shown(message)).toMatch(/cut: \d+ more/);
    expect(shown(message)).not.toMatch(PINGS);
    // Knowledge-base text in the plain_text header is shown literally; everywhere else (mrkdwn) it is escaped.
    const mrkdwn = { text: message.text, blocks: message.blocks.filter((b) => b.type !== 'header') };
    expect(shown(mrkdwn)).not.toContain('<b>');
    // The buttons survive the cut.
    expect(actionIds(message)).toContain('share_in_channel');
  });
});

describe('failures and apologies', () => {
  it('shows the reason escaped, with a hint', () => {
    const message = failureMessage(failure('no-requirements', { text: '<!channel>', ignored: ['<@U123>'] }));
    expect(messageProblems(message)).toEqual([]);
    expect(shown(message)).not.toMatch(PINGS);
    expect(shown(message)).toContain('/stack help');
  });

  it('apologises briefly', () => {
    expect(messageProblems(apologyMessage())).toEqual([]);
    expect(apologyMessage().text).toMatch(/^Sorry/);
  });
});

describe('compare as a table', () => {
  it('puts the stacks in rows and L, S, O, cold start and memory in columns, in the answer’s language', () => {
    for (const [language, head] of [
      ['en', ['Stack', 'Latency', 'Security', 'Observability', 'Cold start', 'Memory']],
      ['zh', ['技术栈', '延迟', '安全', '可观测性', '冷启动', '内存']],
    ] as const) {
      const compared = advisor().compare(['edge, cold start < 10ms', 'V∘S∘C∘M', 'I∘C∘S∘Am'], language);
      if (!compared.ok) throw new Error(compared.error.code);
      const message = answerMessage(compared.value);
      expect(messageProblems(message)).toEqual([]);
      const tables = message.blocks.filter((b) => b.type === 'table') as unknown as {
        rows: { text: string }[][];
      }[];
      expect(tables).toHaveLength(1);
      const rows = tables[0].rows.map((r) => r.map((cell) => cell.text));
      expect(rows[0]).toEqual(head);
      expect(rows.slice(1).map((r) => r[0])).toEqual([
        '1. Docker + WasmEdge I∘C∘S∘W',
        '2. Kata + Istio Ambient V∘S∘C∘M',
        '3. Docker + Istio Ambient I∘C∘S∘Am',
      ]);
      expect(rows[1].slice(1)).toEqual(['5', '4', '4', '< 10 ms', '< 50 MB']);
    }
  });
});
