import type { AllMiddlewareArgs, App, BlockAction, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../../../render/buttons.js';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { compareAlternativesCallback } from './compare-alternatives.js';
import { deployKitCallback } from './deploy-kit.js';
import { explainOperatorsCallback } from './explain-operators.js';
import { shareInChannelCallback } from './share-in-channel.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * The four buttons under one listener that dispatches on action_id: Bolt runs every listener's matcher for every
 * request, so one listener instead of four is three matchers fewer on each slash command and event. It takes every
 * block action, so that one the bot does not know (an old message's renamed button, a select) is still acknowledged
 * and Slack shows the presser no error.
 */
export function register(app: App, services: Services): void {
  const byAction = new Map<string, (args: ButtonArgs) => Promise<void>>([
    [ACTION.share, shareInChannelCallback(services)],
    [ACTION.compare, compareAlternativesCallback(services)],
    [ACTION.explain, explainOperatorsCallback(services)],
    [ACTION.deployKit, deployKitCallback(services)],
  ]);
  app.action<BlockAction>({ type: 'block_actions' }, onlyFirstInteraction(services.replays), async (args) => {
    const callback = byAction.get(args.action.action_id);
    if (callback !== undefined) await callback(args as unknown as ButtonArgs);
    else {
      await args.ack();
      args.logger.debug(
        `Acknowledged a block action the bot has no handler for: ${args.action.action_id.slice(0, 80)}`,
      );
    }
  });
}
