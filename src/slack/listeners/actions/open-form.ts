import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION, fromAction } from '../../../render/buttons.js';
import { openForm } from '../../open-form.js';

/** The Home tab's button: the requirements form, in the language of the Home tab it sits on. */
export const openFormCallback = async ({
  ack,
  action,
  body,
  client,
  logger,
}: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>) => {
  await ack();
  await openForm(client, body.trigger_id, fromAction(ACTION.openForm, action.value)?.language ?? 'en', logger);
};
