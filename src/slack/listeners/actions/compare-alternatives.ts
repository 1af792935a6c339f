import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerMessage, failureMessage } from '../../../render/blocks.js';
import { comparedForms } from '../../../render/buttons.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/** Compare alternatives: the recommendation and its alternatives side by side, privately to whoever pressed it. */
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
    try {
      const result = services.advisor.compare(comparedForms(action.value ?? ''));
      const message = result.ok ? answerMessage(result.value) : failureMessage(result.error);
      await respond(privately(message, body.message?.thread_ts));
    } catch (error) {
      await apologize(respond, logger, 'Compare alternatives', error);
    }
  };
