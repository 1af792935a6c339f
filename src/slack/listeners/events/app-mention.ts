import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.js';
import { answerInThread } from '../../thread-reply.js';
import { isFromSlackbot } from './direct-message.js';

// A thread reply also sent to the channel, or a mention with a file attached, is still a person's question. Edits come
// as a plain app_mention marked `edited` (the channel:ts check keeps them from being answered twice).
const QUESTION_SUBTYPES = new Set<string | undefined>([undefined, 'thread_broadcast', 'file_share']);

/** @stack-advisor in a channel or thread: answered in the thread, building on the bot's earlier answer there. */
export const appMentionCallback =
  (services: Services) =>
  async ({ event, client, context, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    // Another bot mentioning this one could start a loop.
    if (event.bot_id !== undefined || isFromSlackbot(event.user) || !QUESTION_SUBTYPES.has(event.subtype)) return;
    await answerInThread(
      services,
      { client, context, logger },
      {
        channel: event.channel,
        ts: event.ts,
        threadTs: event.thread_ts,
        text: event.text,
        user: event.user,
        surface: 'mention',
      },
    );
  };
