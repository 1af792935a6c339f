import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerMessage, failureMessage } from '../../../render/blocks.js';
import { ACTION, fromAction } from '../../../render/buttons.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/** Compare alternatives: the recommendation and its alternatives side by side, privately, in the answer's language. */
export const compareAlternativesCallback =
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
    const pressed = fromAction(ACTION.compare, action.value);
    const language = pressed?.language;
    try {
      const forms = pressed?.kind === 'compare' ? pressed.forms : [];
      const result = services.advisor.compare(forms, language);
      const message = result.ok ? answerMessage(result.value) : failureMessage(result.error, language);
      await respond(privately(message, body.message?.thread_ts));
    } catch (error) {
      await apologize(respond, logger, 'Compare alternatives', error, language);
    }
  };
