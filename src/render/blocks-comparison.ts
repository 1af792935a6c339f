import { type Comparison, DIMENSIONS } from '../advisor/answer.js';
import { blocks, bullets, divider, fields, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricFields } from './blocks-stack.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import { type Messages, messages } from './messages/index.js';
import { badges } from './radar.js';

/** Items shown side by side; more are cut visibly by the block limit anyway, this keeps the message readable. */
const ITEMS_SHOWN = 10;

/** Who wins on each dimension, one line each: the words of `--json`'s `summary` and of the message. */
export function comparisonSummary(m: Messages, c: Comparison): string[] {
  return DIMENSIONS.map((dim) => {
    const w = c.winners[dim];
    const winners = w.map((k) => `${c.items[k].normalForm} (${m.text(c.items[k].stack)})`);
    return m.winner(dim, winners, c.items[w[0]]?.metrics[dim] ?? 0, w.length === c.items.length);
  });
}

/** Several inputs side by side: metrics and figures as fields, the winner of each dimension, the summary. */
export function comparisonMessage(c: Comparison, options: MessageOptions = {}): SlackMessage {
  const m: Messages = messages(c.language);
  const items = c.items.slice(0, ITEMS_SHOWN);
  const itemBlocks: Block[] = items.flatMap((item, i) => {
    const input = item.input === item.normalForm ? '' : `\n${quoted(cutText(item.input, 300, m))}`;
    const marks = item.answer.kind === 'advice' ? item.answer.recommendation.marks : item.answer.marks;
    const radar = marks === undefined || marks.length === 0 ? '' : `\n${badges(m, marks)}`;
    const title = `*${i + 1}. ${escapeText(m.text(item.stack))}* ${codeSpan(item.normalForm)} ${codeSpan(item.metrics.label)}${radar}${input}`;
    return [...fields(metricFields(m, item.metrics, item.figures), title), divider()];
  });
  const name = (i: number): string => {
    const item = c.items[i];
    return item === undefined ? `#${i + 1}` : `${i + 1}. ${escapeText(m.text(item.stack))}`;
  };
  const winners = DIMENSIONS.map((d) => `*${m.label(m.dimensions[d])}* ${c.winners[d].map(name).join(', ')}`);
  return {
    text: `${m.label(m.comparisonFallback)} ${c.items.map((item) => `${escapeText(m.text(item.stack))} ${item.metrics.label}`).join(' vs ')}`,
    blocks: blocks(
      header(m.comparisonTitle(c.items.length)),
      itemBlocks,
      section(bullets(m.bestOnEach, winners, m)),
      section(bullets(m.summary, comparisonSummary(m, c).map(escapeText), m)),
      footer(m, options, { version: c.knowledgeVersion, ...(c.radar === undefined ? {} : { radar: c.radar.version }) }),
    ),
  };
}
