import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Language } from '../../../language.js';
import { section } from '../../../render/blocks-elements.js';
import { escapeText } from '../../../render/escape.js';
import { messages } from '../../../render/messages/index.js';
import { channelTypeOf, recordAnswer } from '../../answer-log.js';
import { typedText } from '../../incoming-text.js';
import { reply } from '../../reply.js';
import { apologize, privately } from '../../respond.js';
import type { Services } from '../../services.js';

export const ASK_ABOUT_MESSAGE = 'ask_stack_advisor';

/**
 * "Ask stack-advisor" on any message: that message's text is answered privately to whoever clicked, through the
 * payload's response URL, with Share in thread, which posts the answer into the message's thread with thread memory.
 * A message with no text (a file alone, blocks only) gets a short explanation.
 */
export const askAboutMessageCallback =
  (services: Services) =>
  async ({
    ack,
    shortcut,
    respond,
    client,
    context,
    logger,
  }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    const startedAt = performance.now();
    await ack();
    let language: Language | undefined;
    try {
      const text = typedText(shortcut.message.text ?? '');
      language = services.advisor.ownLanguage(text) ?? (await services.userLanguage(client, shortcut.user.id, logger));
      if (text === '') {
        const m = messages(language);
        await respond(
          privately({ text: m.review.noText, blocks: section(`ℹ️ ${escapeText(m.review.noText)}`) }, undefined),
        );
        return;
      }
      const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
      const { message, result } = reply(
        services.advisor,
        text,
        undefined,
        { shareInThread: { request: text, threadTs } },
        {
          fallback: language,
        },
      );
      await respond(privately(message, undefined));
      recordAnswer(
        services,
        {
          context,
          surface: 'shortcut',
          channelType: channelTypeOf(shortcut.channel.id),
          knowledgeVersion: services.advisor.version,
          startedAt,
          text,
        },
        result,
        language,
      );
    } catch (error) {
      await apologize(respond, logger, 'Ask stack-advisor (message shortcut)', error, language);
    }
  };
