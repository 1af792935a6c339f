import type { Explanation } from '../../../advisor/answer.js';
import { failure } from '../../../failure.js';
import { failureMessage } from '../../../render/blocks.js';
import { operatorsMessage } from '../../../render/blocks-explanation.js';
import { ACTION, operatorsOf } from '../../../render/buttons.js';
import { fitMessage } from '../../../render/limits.js';
import { messages } from '../../../render/messages/index.js';
import { privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { onPress } from './press.js';

/** Explain operators: each operator of the answer's normal form in a few lines, privately, in the answer's language. */
export const explainOperatorsCallback = (services: Services) =>
  onPress(ACTION.explain, 'explain', 'Explain operators', async ({ args: { body }, pressed, language, respond }) => {
    const form = pressed?.form ?? '';
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
  });
