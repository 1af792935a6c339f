import { answerMessage, failureMessage } from '../../../render/blocks.js';
import { ACTION } from '../../../render/buttons.js';
import { privately } from '../../respond.js';
import type { Services } from '../../services.js';
import { onPress } from './press.js';

/** Compare alternatives: the recommendation and its alternatives side by side, privately, in the answer's language. */
export const compareAlternativesCallback = (services: Services) =>
  onPress(ACTION.compare, 'compare', 'Compare alternatives', async ({ args: { body }, pressed, language, respond }) => {
    const result = services.advisor.compare(pressed?.forms ?? [], language);
    const message = result.ok ? answerMessage(result.value) : failureMessage(result.error, language);
    await respond(privately(message, body.message?.thread_ts));
  });
