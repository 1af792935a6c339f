import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION, fromAction } from '../../../render/buttons.js';
import { reply } from '../../reply.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/**
 * Share in channel: the private answer's request is asked again (same input, same language, same answer) and posted
 * visibly through the response URL, with the metadata a follow-up in its thread will build on.
 */
export const shareInChannelCallback =
  (services: Services) =>
  async ({
    ack,
    action,
    body,
    client,
    respond: given,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => {
    await ack();
    const respond = responder(given, body, client);
    const pressed = fromAction(ACTION.share, action.value);
    const language = pressed?.language;
    try {
      const request = pressed?.kind === 'share' ? pressed.request : '';
      const answer = reply(
        services.advisor,
        request,
        undefined,
        { sharedBy: body.user.id, recordDecision: true },
        { fallback: language },
      );
      if (!answer.answered) {
        await respond(privately(answer.message, undefined));
        return;
      }
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        ...answer.message,
        ...(answer.metadata === undefined ? {} : { metadata: answer.metadata }),
      });
    } catch (error) {
      await apologize(respond, logger, 'Share in channel', error, language);
    }
  };
