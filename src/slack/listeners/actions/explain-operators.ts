import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Explanation } from '../../../advisor/answer.js';
import { failure } from '../../../failure.js';
import { failureMessage } from '../../../render/blocks.js';
import { operatorsMessage } from '../../../render/blocks-explanation.js';
import { ACTION, fromAction, operatorsOf } from '../../../render/buttons.js';
import { fitMessage } from '../../../render/limits.js';
import { messages } from '../../../render/messages/index.js';
import { apologize, privately, responder } from '../../respond.js';
import type { Services } from '../../services.js';

/** Explain operators: each operator of the answer's normal form in a few lines, privately, in the answer's language. */
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
    const pressed = fromAction(ACTION.explain, action.value);
    const language = pressed?.language ?? 'en';
    try {
      const form = pressed?.kind === 'explain' ? pressed.form : '';
      const explanations: Explanation[] = [];
      for (const op of operatorsOf(form)) {
        const result = services.advisor.explain(op, language);
        if (result.ok) explanations.push(result.value);
      }
      const message =
        explanations.length > 0
          ? fitMessage(
              operatorsMessage(form, explanations, services.advisor.version, messages(language)),
              messages(language),
            )
          : failureMessage(failure('no-operators', { form }), language);
      await respond(privately(message, body.message?.thread_ts));
    } catch (error) {
      await apologize(respond, logger, 'Explain operators', error, language);
    }
  };
