import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/render/blocks-types.js';
import { cutText, fitBlocks, fitHome, fitMessage } from '../../src/render/limits.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';
import { blockProblems, homeProblems, messageProblems } from './block-kit-limits.js';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6000 });
const mrkdwn = text.map((t) => ({ type: 'mrkdwn' as const, text: t }));
const plain = text.map((t) => ({ type: 'plain_text' as const, text: t }));

const block: fc.Arbitrary<Block> = fc.oneof(
  plain.map((t): Block => ({ type: 'header', text: t })),
  mrkdwn.map((t): Block => ({ type: 'section', text: t })),
  fc.array(mrkdwn, { minLength: 1, maxLength: 30 }).map((fields): Block => ({ type: 'section', fields })),
  fc.array(mrkdwn, { minLength: 1, maxLength: 30 }).map((elements): Block => ({ type: 'context', elements })),
  fc.constant<Block>({ type: 'divider' }),
  fc.array(fc.tuple(plain, fc.string({ maxLength: 3000 })), { minLength: 1, maxLength: 30 }).map(
    (buttons): Block => ({
      type: 'actions',
      elements: buttons.map(([t, value], i) => ({ type: 'button', text: t, action_id: `a${i}`, value })),
    }),
  ),
);

/** The generator numbers buttons per block; the renderer never repeats an action id, so neither do these inputs. */
function uniqueActionIds(blocks: Block[]): Block[] {
  let n = 0;
  return blocks.map((b) =>
    b.type === 'actions' ? { ...b, elements: b.elements.map((e) => ({ ...e, action_id: `a${n++}` })) } : b,
  );
}

describe('cutText', () => {
  it('never exceeds the limit, and says what it cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 5000 }), fc.integer({ min: 1, max: 4000 }), (t, max) => {
        const cut = cutText(t, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (t.length <= max) expect(cut).toBe(t);
        else if (max >= 40) expect(cut).toMatch(/… \(cut: \d+ more characters\)$/);
      }),
    );
  });

  it('does not leave half an escape or half a surrogate pair', () => {
    expect(cutText(`${'x'.repeat(60)}&amp;${'y'.repeat(100)}`, 92)).not.toMatch(/&a?m?p? …/);
    expect(cutText(`${'x'.repeat(60)}😀${'y'.repeat(100)}`, 92)).not.toMatch(/[\uD800-\uDBFF] /);
  });

  it('counts what it cut', () => {
    const cut = cutText('a'.repeat(1000), 100, en);
    const [, more] = cut.match(/cut: (\d+) more/) ?? [];
    expect(Number(more) + cut.indexOf(' …')).toBe(1000);
    const zhCut = cutText('字'.repeat(1000), 100, zh);
    const [, zhMore] = zhCut.match(/已截去 (\d+) 个字符/) ?? [];
    expect(Number(zhMore) + zhCut.indexOf(' …')).toBe(1000);
    // Without a language (a constructor's last resort) the note is a count only.
    expect(cutText('a'.repeat(1000), 100)).toMatch(/… \(\+\d+\)$/);
  });
});

describe('fitting payloads into Block Kit limits', () => {
  it('gives a message without blocks and with a blank fallback a text Slack accepts', () => {
    expect(messageProblems(fitMessage({ text: ' ', blocks: [] }, en))).toEqual([]);
  });

  it('turns any message into one Slack accepts, cut visibly', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 120 }), text, (blocks, fallback) => {
        const fitted = fitMessage({ text: fallback, blocks: uniqueActionIds(blocks) }, en);
        expect(messageProblems(fitted)).toEqual([]);
        if (blocks.length > 50) expect(JSON.stringify(fitted.blocks)).toMatch(/cut: \d+ more blocks/);
        const zhFitted = fitMessage({ text: fallback, blocks: uniqueActionIds(blocks) }, zh);
        expect(messageProblems(zhFitted)).toEqual([]);
        if (blocks.length > 50) expect(JSON.stringify(zhFitted.blocks)).toMatch(/已截去 \d+ 个区块/);
      }),
      { numRuns: 60 },
    );
  });

  it('turns any Home view into one Slack accepts', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 160 }), (blocks) => {
        expect(homeProblems(fitHome({ type: 'home', blocks: uniqueActionIds(blocks) }))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the trailing buttons and version line when blocks are cut', () => {
    const body: Block[] = Array.from({ length: 80 }, (_, i) => ({
      type: 'section',
      text: { type: 'mrkdwn', text: `s${i}` },
    }));
    const tail: Block[] = [
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Share' }, action_id: 'share' }],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Knowledge base v1' }] },
    ];
    const fitted = fitBlocks([...body, ...tail], 50, en);
    expect(fitted).toHaveLength(50);
    expect(fitted.slice(-2)).toEqual(tail);
    expect(fitted[47]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '… (cut: 33 more blocks)' }] });
    expect(blockProblems(fitted, 50)).toEqual([]);
  });
});
