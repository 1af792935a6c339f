import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { apologyMessage } from '../../../render/blocks.js';
import { channelTypeOf, recordAnswer } from '../../answer-log.js';
import { typedText } from '../../incoming-text.js';
import { openForm } from '../../open-form.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';

/** `/stack form` (English) or `/stack 表单` (Chinese): the requirements form in that language. */
const FORM_WORDS = /^(?:(form)|表单)$/i;

/**
 * `/stack …`: the answer is computed in microseconds, so it goes back in the acknowledgement itself, private to the
 * asker (the one place where `ack` is not the first await: it carries the answer). A Share button re-asks in public.
 * A request with no language of its own (an operator word, an empty `/stack`) is answered in the asker's Slack
 * language, looked up within a bounded time.
 */
export const stackCommandCallback =
  (services: Services) =>
  async ({ ack, respond, command, client, context, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    const startedAt = performance.now();
    let acknowledged = false;
    let fallback: Awaited<ReturnType<Services['userLanguage']>>;
    try {
      const text = typedText(command.text ?? '');
      const form = FORM_WORDS.exec(text);
      if (form !== null) {
        // `/stack form`: the trigger id lives 3 seconds, so the form opens before anything else.
        acknowledged = true;
        await ack();
        await openForm(client, command.trigger_id, form[1] === undefined ? 'zh' : 'en', logger);
        return;
      }
      fallback =
        services.advisor.ownLanguage(text) === undefined
          ? await services.userLanguage(client, command.user_id, logger)
          : undefined;
      const { message, result } = reply(services.advisor, text, undefined, { shareRequest: text }, { fallback });
      acknowledged = true;
      await ack({ response_type: 'ephemeral', ...message });
      recordAnswer(
        services,
        {
          context,
          surface: 'command',
          channelType: channelTypeOf(command.channel_id, command.channel_name),
          knowledgeVersion: services.advisor.version,
          startedAt,
          text,
        },
        result,
        fallback,
      );
    } catch (error) {
      logger.error(`/stack failed for ${JSON.stringify(command.text ?? '')}:`, error);
      try {
        if (acknowledged) await respond({ response_type: 'ephemeral', ...apologyMessage(fallback) });
        else await ack({ response_type: 'ephemeral', ...apologyMessage(fallback) });
      } catch (again) {
        logger.error('Could not send the apology either:', again);
      }
    }
  };
