import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import type { Services } from '../../services.js';
import { answerInThread } from '../../thread-reply.js';

type MessageEvent = SlackEventMiddlewareArgs<'message'>['event'];

/** A person's new message in a DM with the bot: not an edit, not a bot's message, not another subtype. */
export function isDirectQuestion(event: MessageEvent): event is types.GenericMessageEvent & { text: string } {
  return event.channel_type === 'im' && event.subtype === undefined && event.bot_id === undefined && !!event.text;
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
      { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text },
    );
  };
