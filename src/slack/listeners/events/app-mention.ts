import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.js';
import { answerInThread } from '../../thread-reply.js';

/** @stack-advisor in a channel or thread: answered in the thread, building on the bot's earlier answer there. */
export const appMentionCallback =
  (services: Services) =>
  async ({ event, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    // Another bot mentioning this one could start a loop; edits would answer the same question twice.
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    await answerInThread(
      services,
      { client, context, logger },
      { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text, user: event.user },
    );
  };
