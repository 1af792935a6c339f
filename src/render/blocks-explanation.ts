import type { Explanation } from '../advisor/answer.js';
import { blocks, bullets, context, fields, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { simplificationBody } from './blocks-simplification.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { type Messages, messages } from './messages/index.js';
import { markLine } from './radar.js';

type Operator = NonNullable<Explanation['operator']>;

function stacksText(m: Messages, e: Explanation): string {
  return bullets(
    m.inStacks,
    e.stacks.map((s) => `*${escapeText(s.name)}* ${codeSpan(s.normalForm)} ${codeSpan(s.label)}`),
    m,
  );
}

/** The name of an operator, in the answer's language first. */
const nameOf = (m: Messages, op: Operator): string => m.operatorName(op.name);

function operatorBlocks(m: Messages, op: Operator, e: Explanation): Block[] {
  return blocks(
    header(`${op.symbol} — ${nameOf(m, op)}`),
    section(
      [
        `*${m.label(m.classLabel)}* ${m.operatorClass[op.class]}`,
        `*${m.label(m.maps)}* ${escapeText(m.text(op.maps.from))} → ${escapeText(m.text(op.maps.to))}`,
        `*${m.label(m.implementations)}* ${op.implementations.map((i) => escapeText(m.text(i))).join(', ')}`,
        `*${m.label(m.inAStack)}* ${escapeText(m.text(op.stack_part))}`,
      ].join('\n'),
    ),
    fields(op.figureViews.map((f) => `*${escapeText(m.quantities[f.quantity])}*\n${escapeText(f.text)}`)),
    context(
      op.figureViews.map(
        (f) => `${m.label(escapeText(m.quantities[f.quantity]))} ${escapeText(m.figureSource(f.source))}`,
      ),
    ),
    section(`*${m.label(m.whenToUse)}* ${escapeText(m.text(op.when))}`),
    section(
      e.marks === undefined || e.marks.length === 0
        ? ''
        : [`*${m.label(m.radar)}*`, ...e.marks.map((mark) => markLine(m, mark))].join('\n'),
    ),
  );
}

/** Onboarding for one operator (what it is, implementations, figures, when) or one form (its simplification). */
export function explanationMessage(e: Explanation, options: MessageOptions = {}): SlackMessage {
  const m = messages(e.language);
  const op = e.operator;
  const s = e.simplification;
  const note = e.glossary === undefined ? undefined : m.glossary(e.glossary);
  const body =
    op !== undefined
      ? operatorBlocks(m, op, e)
      : blocks(
          header(m.explainTitle(s?.normalForm ?? e.target)),
          note === undefined ? [] : section(escapeText(note)),
          s === undefined ? [] : simplificationBody(m, s),
        );
  const text =
    op !== undefined
      ? `${op.symbol} (${escapeText(m.text(op.name))}): ${escapeText(m.text(op.when))}`
      : `${m.explainTitle(escapeText(e.target))}${note === undefined ? '' : `: ${escapeText(note)}`}${s === undefined ? '' : `: ${s.normalForm} ${s.metrics.label}, ${escapeText(m.text(s.stack.name))}`}`;
  return {
    text,
    blocks: blocks(
      body,
      e.stacks.length === 0 ? [] : section(stacksText(m, e)),
      footer(m, options, {
        version: e.knowledgeVersion,
        normalForm: op === undefined ? s?.normalForm : undefined,
        kitStack: op === undefined ? s?.stack.commandsFrom : undefined,
        ...(e.radar === undefined ? {} : { radar: e.radar.version }),
      }),
    ),
  };
}

/** The operators of one form, each in a few lines: what the Explain operators button answers. */
export function operatorsMessage(
  normalForm: string,
  explanations: readonly Explanation[],
  version: string,
  m: Messages,
): SlackMessage {
  const explained = explanations.flatMap((e) => (e.operator === undefined ? [] : [{ op: e.operator, e }]));
  const ops = explained.map((x) => x.op);
  const lines = explained.map(({ op, e }) =>
    [
      `*${op.symbol}* — ${escapeText(nameOf(m, op))} _(${m.operatorClass[op.class]})_`,
      `${escapeText(m.text(op.maps.from))} → ${escapeText(m.text(op.maps.to))}`,
      `*${m.label(m.implementations)}* ${op.implementations.map((i) => escapeText(m.text(i))).join(', ')}`,
      `*${m.label(m.whenToUse)}* ${escapeText(m.text(op.when))}`,
      ...(e.marks ?? []).map((mark) => `*${m.label(m.radar)}* ${markLine(m, mark)}`),
    ].join('\n'),
  );
  return {
    text: `${m.operatorsOf(escapeText(normalForm))}: ${ops.map((op) => `${op.symbol} (${escapeText(m.text(op.name))})`).join(', ')}`,
    blocks: blocks(
      header(m.operatorsOf(ops.map((op) => op.symbol).join('∘'))),
      lines.flatMap((l) => section(l)),
      footer(m, {}, { version }),
    ),
  };
}
