import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { section } from '../../../render/blocks-elements.js';
import { codeSpan } from '../../../render/escape.js';
import { apologize, privately } from '../../respond.js';

/**
 * Deploy kit: a placeholder until the deploy-kit feature (issue 5) registers its own handler for `deploy_kit`, so that
 * pressing the button is acknowledged and answered rather than timing out.
 */
export const deployKitCallback = async ({
  ack,
  action,
  body,
  respond,
  logger,
}: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => {
  await ack();
  try {
    const text = `The deploy kit for ${codeSpan(action.value ?? '')} is coming soon. Meanwhile, the deploy commands are in the answer above.`;
    await respond(privately({ text, blocks: section(text) }, body.message?.thread_ts));
  } catch (error) {
    await apologize(respond, logger, 'Deploy kit', error);
  }
};
