import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION } from '../../../render/buttons.js';
import type { Services } from '../../services.js';
import { compareAlternativesCallback } from './compare-alternatives.js';
import { deployKitCallback } from './deploy-kit.js';
import { explainOperatorsCallback } from './explain-operators.js';
import { shareInChannelCallback } from './share-in-channel.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * The four buttons under one listener that dispatches on action_id: Bolt runs every listener's matcher for every
 * request, so one listener instead of four is three matchers fewer on each slash command and event.
 */
export function register(app: App, services: Services): void {
  const byAction = new Map<string, (args: ButtonArgs) => Promise<void>>([
    [ACTION.share, shareInChannelCallback(services)],
    [ACTION.compare, compareAlternativesCallback(services)],
    [ACTION.explain, explainOperatorsCallback(services)],
    [ACTION.deployKit, deployKitCallback(services)],
  ]);
  const ids = [...byAction.keys()].map((id) => id.replace(/[^a-z_]/g, '')).join('|');
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^(?:${ids})$`) }, async (args) => {
    const callback = byAction.get(args.action.action_id);
    if (callback !== undefined) await callback(args);
    else await args.ack();
  });
}
