import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { apologyMessage } from '../../../render/blocks.js';
import { reply } from '../../answer.js';
import { typedText } from '../../incoming-text.js';
import type { Services } from '../../services.js';

/**
 * `/stack …`: the answer is computed in microseconds, so it goes back in the acknowledgement itself, private to the
 * asker (the one place where `ack` is not the first await: it carries the answer). A Share button re-asks in public.
 */
export const stackCommandCallback =
  (services: Services) =>
  async ({ ack, respond, command, logger }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    let acknowledged = false;
    try {
      const text = typedText(command.text ?? '');
      const { message } = reply(services.advisor, text, undefined, { shareRequest: text });
      acknowledged = true;
      await ack({ response_type: 'ephemeral', ...message });
    } catch (error) {
      logger.error(`/stack failed for ${JSON.stringify(command.text ?? '')}:`, error);
      try {
        if (acknowledged) await respond({ response_type: 'ephemeral', ...apologyMessage() });
        else await ack({ response_type: 'ephemeral', ...apologyMessage() });
      } catch (again) {
        logger.error('Could not send the apology either:', again);
      }
    }
  };
