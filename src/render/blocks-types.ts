/**
 * The slice of Block Kit the bot sends, typed here so the renderer stays pure (no Slack package below src/slack).
 * The shapes are structurally the same as @slack/types, so Bolt accepts them as they are.
 */

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type TextObject = PlainText | Mrkdwn;

export interface Button {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: Mrkdwn;
  fields?: Mrkdwn[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: TextObject[];
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}

export type Block = HeaderBlock | SectionBlock | DividerBlock | ContextBlock | ActionsBlock;

/** A message: blocks for people, `text` for notifications, screen readers and old clients. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface HomeView {
  type: 'home';
  blocks: Block[];
}
