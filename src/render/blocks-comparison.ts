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

/** Slack's table block: at most 100 rows and 20 columns, and one table per message. */
const TABLE_ROWS = 100;
const CELL_SHOWN = 200;

/**
 * The stacks as rows of a table (stack, L, S, O, cold start, memory), then the requests each row answers; undefined
 * when the comparison does not fit a table.
 */
export function comparisonTable(m: Messages, c: Comparison): Block[] | undefined {
  if (c.items.length + 1 > TABLE_ROWS || c.items.length > ITEMS_SHOWN) return undefined;
  const cell = (text: string) => ({ type: 'raw_text' as const, text: text.slice(0, CELL_SHOWN) || '—' });
  const figure = (item: Comparison['items'][number], quantity: 'cold_start' | 'memory') =>
    item.figures.find((f) => f.quantity === quantity)?.text ?? '—';
  const header = [
    m.stack,
    m.dimensions.latency,
    m.dimensions.security,
    m.dimensions.observability,
    m.quantities.cold_start,
    m.quantities.memory,
  ];
  const rows = c.items.map((item, i) => [
    cell(`${i + 1}. ${m.text(item.stack)} ${item.normalForm}`),
    cell(String(item.metrics.latency)),
    cell(String(item.metrics.security)),
    cell(String(item.metrics.observability)),
    cell(figure(item, 'cold_start')),
    cell(figure(item, 'memory')),
  ]);
  const asked = c.items.flatMap((item, i) =>
    item.input === item.normalForm ? [] : [`${i + 1}. ${quoted(cutText(item.input, 300, m))}`],
  );
  return [
    {
      type: 'table',
      column_settings: [
        { is_wrapped: true },
        { align: 'center' },
        { align: 'center' },
        { align: 'center' },
        { align: 'right' },
        { align: 'right' },
      ],
      rows: [header.map(cell), ...rows],
    },
    ...section(bullets(m.request, asked, m)),
  ];
}

/**
 * Several inputs side by side: a table of the stacks (metrics, cold start, memory) where it fits, metrics and figures
 * as fields otherwise; the winner of each dimension, the summary.
 */
export function comparisonMessage(c: Comparison, options: MessageOptions = {}): SlackMessage {
  const m: Messages = messages(c.language);
  const items = c.items.slice(0, ITEMS_SHOWN);
  const table = comparisonTable(m, c);
  const itemBlocks: Block[] =
    table ??
    items.flatMap((item, i) => {
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
