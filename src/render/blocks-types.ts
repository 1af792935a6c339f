import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
  HomeView as SlackHomeView,
} from '@slack/types';

/**
 * Block Kit as @slack/types defines it (type-only imports: nothing of Slack's is loaded by the renderer at run time).
 * The bot builds header, section, context, actions and divider blocks; the limits accept any known block.
 */
export type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, SectionBlock };
export type PlainText = PlainTextElement;
export type Mrkdwn = MrkdwnElement;
export type TextObject = PlainText | Mrkdwn;
export type Block = KnownBlock;

/** A message: blocks for people, `text` for notifications, screen readers and old clients. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export type HomeView = SlackHomeView & { blocks: Block[] };
