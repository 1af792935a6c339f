import type {
  ActionsBlock,
  Block,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  Mrkdwn,
  SectionBlock,
} from './blocks-types.js';
import { escapeText } from './escape.js';
import { type CutWords, cutText, LIMITS } from './limits.js';

/** Block constructors. Text given to them is already escaped mrkdwn, except where a parameter says `plain`. */

export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

export function header(plain: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: cutText(plain, LIMITS.headerText), emoji: true } };
}

/** A section, or nothing when there is nothing to say (Slack rejects an empty section). */
export function section(text: string): SectionBlock[] {
  return text.trim() === '' ? [] : [{ type: 'section', text: mrkdwn(cutText(text, LIMITS.sectionText)) }];
}

/** A section of two-column fields (at most 10); `title` goes above them. */
export function fields(items: readonly string[], title?: string): SectionBlock[] {
  const shown = items.filter((i) => i.trim() !== '');
  if (shown.length === 0) return section(title ?? '');
  return [
    {
      type: 'section',
      ...(title === undefined ? {} : { text: mrkdwn(cutText(title, LIMITS.sectionText)) }),
      fields: shown.map((f) => mrkdwn(cutText(f, LIMITS.fieldText))),
    },
  ];
}

export function context(items: readonly string[]): ContextBlock[] {
  const shown = items.filter((i) => i.trim() !== '');
  return shown.length === 0 ? [] : [{ type: 'context', elements: shown.map(mrkdwn) }];
}

export const divider = (): DividerBlock => ({ type: 'divider' });

export function actions(buttons: readonly Button[]): ActionsBlock[] {
  return buttons.length === 0 ? [] : [{ type: 'actions', elements: [...buttons] }];
}

export function button(plain: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: cutText(plain, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style === undefined ? {} : { style }),
  };
}

/** `*title*` then one bullet per line; lines past the budget are cut and counted, so the fence never breaks. */
export function bullets(
  title: string,
  lines: readonly string[],
  words: CutWords,
  budget: number = LIMITS.sectionText,
): string {
  if (lines.length === 0) return '';
  return fitLines(
    `*${title}*`,
    lines.map((l) => `• ${l}`),
    '',
    budget,
    words,
  );
}

/** Lines in a code block (already unescaped text: it is escaped here), cut by whole lines to fit `budget`. */
export function codeBlock(
  title: string,
  lines: readonly string[],
  words: CutWords,
  budget: number = LIMITS.sectionText,
): string {
  if (lines.length === 0) return '';
  return fitLines(`*${title}*\n\`\`\``, lines.map(escapeText), '```', budget, words);
}

function fitLines(head: string, lines: readonly string[], foot: string, budget: number, words: CutWords): string {
  const out: string[] = [];
  let used = head.length + foot.length + 40;
  for (const line of lines) {
    const piece = cutText(line, Math.max(80, budget - used - 1), words);
    if (used + piece.length + 1 > budget) break;
    out.push(piece);
    used += piece.length + 1;
  }
  const more = lines.length - out.length;
  const tail = more > 0 ? [words.cut(more, 'lines')] : [];
  const body = [head, ...out, ...(foot === '' ? tail : [foot, ...tail])];
  return body.join('\n');
}

/** Blocks in order, dropping the empty ones. */
export function blocks(...parts: readonly (Block | readonly Block[])[]): Block[] {
  const out: Block[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) for (const b of part as readonly Block[]) out.push(b);
    else out.push(part as Block);
  }
  return out;
}
