import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../../render/buttons.js';
import type { Services } from '../../services.js';
import { compareAlternativesCallback } from './compare-alternatives.js';
import { deployKitCallback } from './deploy-kit.js';
import { explainOperatorsCallback } from './explain-operators.js';
import { shareInChannelCallback } from './share-in-channel.js';

/** The four buttons, one listener each (Bolt's idiom); each decodes its value with the buttons' codec. */
export function register(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.share, shareInChannelCallback(services));
  app.action<BlockButtonAction>(ACTION.compare, compareAlternativesCallback(services));
  app.action<BlockButtonAction>(ACTION.explain, explainOperatorsCallback(services));
  app.action<BlockButtonAction>(ACTION.deployKit, deployKitCallback(services));
}
