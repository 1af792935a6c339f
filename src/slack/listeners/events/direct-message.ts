import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.js';
import { answerInThread } from '../../thread-reply.js';

/** A direct message to the bot: answered like a mention. Edits, bot messages and other subtypes are not questions. */
export const directMessageCallback =
  (services: Services) =>
  async ({ event, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id !== undefined || event.text === undefined) return;
    await answerInThread(
      services,
      { client, context, logger },
      { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text },
    );
  };
