import { actions, context } from './blocks-elements.js';
import type { Block, Button } from './blocks-types.js';
import {
  compareButton,
  deployKitButton,
  explainButton,
  feedbackBlock,
  recordDecisionButton,
  SHARE_LIMIT,
  shareButton,
  shareCutsRequest,
  shareInThreadButton,
} from './buttons.js';
import { codeSpan } from './escape.js';
import type { Messages } from './messages/index.js';

/** Where a message goes, which decides its buttons. */
export interface MessageOptions {
  /** The `/stack` text the answer came from: set for the private answer, which gets a Share button carrying it. */
  readonly shareRequest?: string;
  /** The Slack user id of whoever shared the answer into the channel. */
  readonly sharedBy?: string;
  /** A message shortcut's private answer: Share in thread re-asks `request` and posts it in the thread `threadTs`. */
  readonly shareInThread?: { readonly request: string; readonly threadTs: string };
  /** The answer sits in a thread or DM: a Record decision button turns the thread's latest answer into an ADR. */
  readonly recordDecision?: boolean;
}

export interface FooterContent {
  readonly version: string;
  /** The recommendation first, then the alternatives: a Compare button when there are two or more. */
  readonly compareForms?: readonly string[];
  /** The form the Explain operators button acts on. */
  readonly normalForm?: string;
  /** The stack whose commands the message shows: the Deploy kit button builds its kit. */
  readonly kitStack?: string;
  /** The version of the radar the answer followed, when one is configured. */
  readonly radar?: string;
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** The buttons, then one context line: who shared it, the knowledge-base version, and any cut of the request. */
export function footer(m: Messages, options: MessageOptions, content: FooterContent): Block[] {
  const buttons: Button[] = [];
  if (options.shareRequest !== undefined) buttons.push(shareButton(m, options.shareRequest));
  if (options.shareInThread !== undefined) {
    buttons.push(shareInThreadButton(m, options.shareInThread.request, options.shareInThread.threadTs));
  }
  const compare = content.compareForms === undefined ? undefined : compareButton(m, content.compareForms);
  if (compare !== undefined) buttons.push(compare);
  if (content.normalForm !== undefined && content.normalForm !== '∅') {
    buttons.push(explainButton(m, content.normalForm));
  }
  if (content.kitStack !== undefined) buttons.push(deployKitButton(m, content.kitStack));
  // Only an advice (it has a kit stack or alternatives) is a decision to record.
  if (options.recordDecision === true && content.compareForms !== undefined) buttons.push(recordDecisionButton(m));
  const notes: string[] = [];
  if (options.sharedBy !== undefined && USER_ID.test(options.sharedBy))
    notes.push(`${m.sharedBy} <@${options.sharedBy}>`);
  if (options.shareRequest !== undefined && shareCutsRequest(options.shareRequest)) notes.push(m.shareCut(SHARE_LIMIT));
  notes.push(`${m.knowledge} ${codeSpan(content.version)}`);
  if (content.radar !== undefined) notes.push(`${m.radar} ${codeSpan(content.radar)}`);
  const feedback =
    content.normalForm === undefined || content.normalForm === '∅' ? [] : [feedbackBlock(m, content.normalForm)];
  return [...actions(buttons), ...context(notes), ...feedback];
}
