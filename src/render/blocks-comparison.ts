import type { Comparison } from '../advisor/answer.js';
import { blocks, bullets, divider, fields, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricFields } from './blocks-stack.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import { phrases } from './phrases.js';

/** Items shown side by side; more are cut visibly by the block limit anyway, this keeps the message readable. */
const ITEMS_SHOWN = 10;

/** Several inputs side by side: metrics and figures as fields, the winner of each dimension, the summary. */
export function comparisonMessage(c: Comparison, options: MessageOptions = {}): SlackMessage {
  const p = phrases('en');
  const items = c.items.slice(0, ITEMS_SHOWN);
  const itemBlocks: Block[] = items.flatMap((item, i) => {
    const input = item.input === item.normalForm ? '' : `\n${quoted(cutText(item.input, 300))}`;
    const title = `*${i + 1}. ${escapeText(item.stack)}* ${codeSpan(item.normalForm)} ${codeSpan(item.metrics.label)}${input}`;
    return [...fields(metricFields(p, item.metrics, item.figures), title), divider()];
  });
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
