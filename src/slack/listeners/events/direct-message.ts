import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import type { Services } from '../../services.js';
import { answerInThread } from '../../thread-reply.js';

type MessageEvent = SlackEventMiddlewareArgs<'message'>['event'];

/** A person's new message in a DM with the bot: not an edit, not a bot's message, not another subtype. */
// A message with a file attached, or a thread reply also sent to the conversation, is still a question.
const QUESTION_SUBTYPES = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast']);

/** Slackbot writes to the bot user itself ("You have been removed from #…"): never a question, and not marked a bot. */
export function isFromSlackbot(user: unknown): boolean {
  return user === 'USLACKBOT';
}

export function isDirectQuestion(event: MessageEvent): event is types.GenericMessageEvent & { text: string } {
  // channel_type is missing from some deliveries; a direct message channel's id starts with D.
  const im = event.channel_type === 'im' || (event.channel_type === undefined && event.channel.startsWith('D'));
  const bot = ('bot_id' in event && event.bot_id !== undefined) || ('user' in event && isFromSlackbot(event.user));
  return im && QUESTION_SUBTYPES.has(event.subtype) && !bot && 'text' in event && !!event.text;
}

/**
 * Listener middleware: other message events stop here, before the repeated-delivery check records them (a channel
 * message must not hide the app_mention Slack sends for the same message).
 */
export const onlyDirectQuestions: Middleware<SlackEventMiddlewareArgs<'message'>> = async ({ event, next }) => {
  if (isDirectQuestion(event)) await next();
};

/** A direct message to the bot: answered like a mention. */
export const directMessageCallback =
  (services: Services) =>
  async ({ event, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (!isDirectQuestion(event)) return;
    await answerInThread(
      services,
      { client, context, logger },
      {
        channel: event.channel,
        ts: event.ts,
        threadTs: event.thread_ts,
        text: event.text,
        user: event.user,
        surface: 'dm',
        channelType: event.channel_type ?? 'im',
      },
    );
  };
