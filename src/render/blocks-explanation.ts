import type { Explanation } from '../advisor/answer.js';
import { blocks, bullets, context, fields, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { simplificationBody } from './blocks-simplification.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { type Phrases, phrases } from './phrases.js';

type Operator = NonNullable<Explanation['operator']>;

const CLASS: Record<Operator['class'], string> = {
  head: 'head: the isolation boundary, always first',
  base: 'base: image, container, sandbox',
  'add-on': 'add-on: mesh, runtime or policy on top',
};

function stacksText(e: Explanation): string {
  return bullets(
    'Canonical stacks with it',
    e.stacks.map((s) => `*${escapeText(s.name)}* ${codeSpan(s.normalForm)} ${codeSpan(s.label)}`),
  );
}

function operatorBlocks(p: Phrases, op: Operator): Block[] {
  return blocks(
    header(`${op.symbol} — ${op.name.en} / ${op.name.zh}`),
    section(
      [
        `*Class:* ${CLASS[op.class]}`,
        `*Maps:* ${escapeText(op.maps.from)} → ${escapeText(op.maps.to)}`,
        `*Implementations:* ${op.implementations.map(escapeText).join(', ')}`,
        `*In a stack:* ${escapeText(op.stack_part)}`,
      ].join('\n'),
    ),
    fields(op.figureViews.map((f) => `*${escapeText(p.quantities[f.quantity])}*\n${escapeText(f.text)}`)),
    context(op.figureViews.map((f) => `${escapeText(p.quantities[f.quantity])}: ${escapeText(f.source)}`)),
    section(`*When to use it:* ${escapeText(op.when)}`),
  );
}

/** Onboarding for one operator (what it is, implementations, figures, when) or one form (its simplification). */
export function explanationMessage(e: Explanation, options: MessageOptions = {}): SlackMessage {
  const p = phrases('en');
  const op = e.operator;
  const s = e.simplification;
  const body =
    op !== undefined
      ? operatorBlocks(p, op)
      : blocks(
          header(`Explain ${s?.normalForm ?? e.target}`),
          e.note === undefined ? [] : section(escapeText(e.note)),
          s === undefined ? [] : simplificationBody(p, s),
        );
  const text =
    op !== undefined
      ? `${op.symbol} (${escapeText(op.name.en)}): ${escapeText(op.when)}`
      : `Explain ${escapeText(e.target)}${e.note === undefined ? '' : `: ${escapeText(e.note)}`}${s === undefined ? '' : `: ${s.normalForm} ${s.metrics.label}, ${escapeText(s.stack.name)}`}`;
  return {
    text,
    blocks: blocks(
      body,
      e.stacks.length === 0 ? [] : section(stacksText(e)),
      footer(p, options, {
        version: e.knowledgeVersion,
        normalForm: op === undefined ? s?.normalForm : undefined,
        kitStack: op === undefined ? s?.stack.commandsFrom : undefined,
      }),
    ),
  };
}

/** The operators of one form, each in a few lines: what the Explain operators button answers. */
export function operatorsMessage(
  normalForm: string,
  explanations: readonly Explanation[],
  version: string,
): SlackMessage {
  const p = phrases('en');
  const ops = explanations.flatMap((e) => (e.operator === undefined ? [] : [e.operator]));
  const lines = ops.map((op) =>
    [
      `*${op.symbol}* — ${escapeText(op.name.en)} / ${escapeText(op.name.zh)} _(${op.class})_`,
      `${escapeText(op.maps.from)} → ${escapeText(op.maps.to)}`,
      `*Implementations:* ${op.implementations.map(escapeText).join(', ')}`,
      `*When:* ${escapeText(op.when)}`,
    ].join('\n'),
  );
  return {
    text: `The operators of ${escapeText(normalForm)}: ${ops.map((op) => `${op.symbol} (${escapeText(op.name.en)})`).join(', ')}`,
    blocks: blocks(
      header(`The operators of ${ops.map((op) => op.symbol).join('∘')}`),
      lines.flatMap((l) => section(l)),
      footer(p, {}, { version }),
    ),
  };
}
