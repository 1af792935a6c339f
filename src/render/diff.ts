import type { AnswerDiff, DiffSide } from '../advisor/diff.js';
import { blocks, section } from './blocks-elements.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { escapeText } from './escape.js';
import { fitMessage } from './limits.js';
import { type Messages, messages } from './messages/index.js';

/** What changed between two answers, as lines of plain text (the terminal) or mrkdwn (Slack), in the diff's language. */

type Format = { readonly code: (t: string) => string; readonly escape: (t: string) => string };

const side = (m: Messages, s: DiffSide, f: Format): string =>
  `${f.escape(m.text(s.name))} ${f.code(s.form)} ${f.code(s.label)}`;

/** The lines of a diff: the headline, then the cause, the metric deltas and the flipped checks when anything moved. */
export function diffLines(d: AnswerDiff, format: Format): string[] {
  const m = messages(d.language);
  const r = m.review;
  const esc = format.escape;
  if (!d.changed) return [r.unchanged(side(m, d.after, format), d.added.length, d.removed.length)];
  const lines = [r.changed(side(m, d.before, format), side(m, d.after, format))];
  const cause = [
    ...d.added.map((c) => `${r.added} ${esc(r.requirementChange(c))}`),
    ...d.removed.map((c) => `${r.removed} ${esc(r.requirementChange(c))}`),
  ];
  if (cause.length > 0) lines.push(`${m.label(r.cause)} ${cause.join('; ')}`);
  if (d.metrics.length > 0) lines.push(`${m.label(r.metricDeltas)} ${d.metrics.map(r.metricDelta).join(' · ')}`);
  if (d.flipped.length > 0)
    lines.push(`${m.label(r.flippedChecks)} ${d.flipped.map((f) => esc(r.flipped(f))).join('; ')}`);
  return lines;
}

const mrkdwn = { code: (t: string) => `\`${escapeText(t)}\``, escape: escapeText };

/** The diff as the block a thread reply leads with. */
export function diffBlocks(d: AnswerDiff): Block[] {
  const m = messages(d.language);
  const [headline, ...rest] = diffLines(d, mrkdwn);
  return section([`🔀 *${m.review.whatChanged}* ${headline}`, ...rest.map((l) => `• ${l}`)].join('\n'));
}

/** A thread answer led by what changed: the diff first, then the answer itself. */
export function withDiff(message: SlackMessage, d: AnswerDiff): SlackMessage {
  const m = messages(d.language);
  const headline = diffLines(d, { code: (t) => t, escape: escapeText })[0];
  return fitMessage({ text: `${headline} ${message.text}`, blocks: blocks(diffBlocks(d), message.blocks) }, m);
}

/** The diff as plain text, for the terminal. */
export function diffText(d: AnswerDiff): string {
  const m = messages(d.language);
  return [`${m.review.whatChanged}`, ...diffLines(d, { code: (t) => t, escape: (t) => t }).map((l) => `  ${l}`)].join(
    '\n',
  );
}

/** The diff as `--json` prints it: the facts, with the sentences in the diff's language beside them. */
export function diffJson(d: AnswerDiff): Record<string, unknown> {
  const m = messages(d.language);
  const r = m.review;
  const sideJson = (s: DiffSide) => ({ stackId: s.stackId, stack: m.text(s.name), normalForm: s.form, label: s.label });
  return {
    kind: 'diff',
    language: d.language,
    changed: d.changed,
    before: sideJson(d.before),
    after: sideJson(d.after),
    added: d.added.map((c) => ({ ...changeJson(c), message: r.requirementChange(c) })),
    removed: d.removed.map((c) => ({ ...changeJson(c), message: r.requirementChange(c) })),
    metrics: d.metrics,
    flipped: d.flipped.map((f) => ({
      quantity: f.constraint.quantity,
      comparator: f.constraint.comparator,
      value: f.constraint.value,
      unit: f.constraint.unit,
      before: f.before ?? null,
      after: f.after,
    })),
    summary: diffLines(d, { code: (t) => t, escape: (t) => t })[0],
    knowledgeVersion: d.knowledgeVersion,
  };
}

function changeJson(c: AnswerDiff['added'][number]): Record<string, unknown> {
  return c.kind === 'need'
    ? { kind: 'need', need: c.requirement.need, negated: c.requirement.negated, text: c.requirement.text }
    : {
        kind: 'number',
        quantity: c.constraint.quantity,
        comparator: c.constraint.comparator,
        value: c.constraint.value,
        unit: c.constraint.unit,
        text: c.constraint.text,
      };
}
