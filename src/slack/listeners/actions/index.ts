import type { App, BlockAction, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../../render/buttons.js';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { except } from '../except.js';
import { compareAlternativesCallback } from './compare-alternatives.js';
import { deployKitCallback } from './deploy-kit.js';
import { explainOperatorsCallback } from './explain-operators.js';
import { feedbackCallback } from './feedback.js';
import { openFormCallback } from './open-form.js';
import { recordDecisionCallback } from './record-decision.js';
import { shareInChannelCallback } from './share-in-channel.js';
import { shareInThreadCallback } from './share-in-thread.js';

const UNKNOWN = except(...Object.values(ACTION));

/**
 * The buttons, one listener each (Bolt's idiom), behind the replay guard; and one for any other block action (an
 * old message's renamed button, a select), which is acknowledged so that Slack shows the presser no error.
 */
export function register(app: App, services: Services): void {
  const first = onlyFirstInteraction(services.replays);
  app.action<BlockButtonAction>(ACTION.share, first, shareInChannelCallback(services));
  app.action<BlockButtonAction>(ACTION.compare, first, compareAlternativesCallback(services));
  app.action<BlockButtonAction>(ACTION.explain, first, explainOperatorsCallback(services));
  app.action<BlockButtonAction>(ACTION.deployKit, first, deployKitCallback(services));
  app.action<BlockButtonAction>(ACTION.shareInThread, first, shareInThreadCallback(services));
  app.action<BlockButtonAction>(ACTION.recordDecision, first, recordDecisionCallback(services));
  app.action<BlockButtonAction>(ACTION.openForm, first, openFormCallback);
  app.action<BlockAction>({ type: 'block_actions', action_id: ACTION.feedback }, first, feedbackCallback(services));
  app.action<BlockAction>({ type: 'block_actions', action_id: UNKNOWN }, async ({ ack, action, logger }) => {
    await ack();
    logger.debug(`Acknowledged a block action the bot has no handler for: ${action.action_id.slice(0, 80)}`);
  });
}
