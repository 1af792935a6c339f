import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Explanation } from '../../../advisor/answer.js';
import { failureMessage } from '../../../render/blocks.js';
import { operatorsMessage } from '../../../render/blocks-explanation.js';
import { operatorsOf } from '../../../render/buttons.js';
import { fitMessage } from '../../../render/limits.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/** Explain operators: each operator of the answer's normal form in a few lines, privately. */
export const explainOperatorsCallback =
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
      const form = action.value ?? '';
      const explanations: Explanation[] = [];
      for (const op of operatorsOf(form)) {
        const result = services.advisor.explain(op);
        if (result.ok) explanations.push(result.value);
      }
      const message =
        explanations.length > 0
          ? fitMessage(operatorsMessage(form, explanations, services.advisor.version))
          : failureMessage({ code: 'no-operators', message: `There are no operators to explain in "${form}".` });
      await respond(privately(message, body.message?.thread_ts));
    } catch (error) {
      await apologize(respond, logger, 'Explain operators', error);
    }
  };
