import type { Comparison } from '../advisor/answer.js';
import { blocks, bullets, divider, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText, LIMITS } from './limits.js';
import { phrases } from './phrases.js';

/** Items shown side by side; more are cut visibly by the block limit anyway, this keeps the message readable. */
const ITEMS_SHOWN = 10;

/** Several inputs side by side: metrics and figures as fields, the winner of each dimension, the summary. */
export function comparisonMessage(c: Comparison, options: MessageOptions = {}): SlackMessage {
  const p = phrases('en');
  const items = c.items.slice(0, ITEMS_SHOWN);
  const itemBlocks: Block[] = items.flatMap((item, i) => [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: cutText(
          `*${i + 1}. ${escapeText(item.stack)}* ${codeSpan(item.normalForm)} ${codeSpan(item.metrics.label)}${item.input === item.normalForm ? '' : `\n${quoted(cutText(item.input, 300))}`}`,
          LIMITS.sectionText,
        ),
      },
      fields: [
        `*${p.latency}*\n${item.metrics.latency} / 5`,
        `*${p.security}*\n${item.metrics.security} / 5`,
        `*${p.observability}*\n${item.metrics.observability} / 5`,
        ...item.figures.map((f) => `*${escapeText(p.quantities[f.quantity])}*\n${escapeText(f.text)}`),
      ]
        .slice(0, LIMITS.fields)
        .map((text) => ({ type: 'mrkdwn' as const, text: cutText(text, LIMITS.fieldText) })),
    },
    divider(),
  ]);
  const name = (i: number): string => {
    const item = c.items[i];
    return item === undefined ? `#${i + 1}` : `${i + 1}. ${escapeText(item.stack)}`;
  };
  const winners = [
    `*${p.latency}:* ${c.winners.latency.map(name).join(', ')}`,
    `*${p.security}:* ${c.winners.security.map(name).join(', ')}`,
    `*${p.observability}:* ${c.winners.observability.map(name).join(', ')}`,
  ];
  return {
    text: `Comparison: ${c.items.map((item) => `${escapeText(item.stack)} ${item.metrics.label}`).join(' vs ')}`,
    blocks: blocks(
      header(`Comparison of ${c.items.length}`),
      itemBlocks,
      section(bullets('Best on each dimension', winners)),
      section(bullets('Summary', c.summary.map(escapeText))),
      footer(p, options, { version: c.knowledgeVersion }),
    ),
  };
}
