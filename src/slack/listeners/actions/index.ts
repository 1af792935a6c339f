import type { App, BlockAction, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../../render/buttons.js';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { except } from '../except.js';

const UNKNOWN = except(...Object.values(ACTION));

/**
 * A listener whose module is loaded on its first use: the buttons' code (the ADR, the kit, the operators…) is not
 * needed by the first `/stack`, so it is not loaded at start-up (~8 ms of it). The first press waits for the import.
 */
function later<F extends (...args: never[]) => Promise<void>>(load: () => Promise<F>): F {
  let loaded: Promise<F> | undefined;
  return (async (...args: Parameters<F>) => {
    loaded ??= load();
    return (await loaded)(...args);
  }) as F;
}

/**
 * The buttons, one listener each (Bolt's idiom), behind the replay guard; and one for any other block action (an
 * old message's renamed button, a select), which is acknowledged so that Slack shows the presser no error.
 */
export function register(app: App, services: Services): void {
  const first = onlyFirstInteraction(services.replays);
  app.action<BlockButtonAction>(
    ACTION.share,
    first,
    later(async () => (await import('./share-in-channel.js')).shareInChannelCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.compare,
    first,
    later(async () => (await import('./compare-alternatives.js')).compareAlternativesCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.explain,
    first,
    later(async () => (await import('./explain-operators.js')).explainOperatorsCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.deployKit,
    first,
    later(async () => (await import('./deploy-kit.js')).deployKitCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.shareInThread,
    first,
    later(async () => (await import('./share-in-thread.js')).shareInThreadCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.recordDecision,
    first,
    later(async () => (await import('./record-decision.js')).recordDecisionCallback(services)),
  );
  app.action<BlockButtonAction>(
    ACTION.openForm,
    first,
    later(async () => (await import('./open-form.js')).openFormCallback),
  );
  app.action<BlockAction>(
    { type: 'block_actions', action_id: ACTION.feedback },
    first,
    later(async () => (await import('./feedback.js')).feedbackCallback(services)),
  );
  app.action<BlockAction>({ type: 'block_actions', action_id: UNKNOWN }, async ({ ack, action, logger }) => {
    await ack();
    logger.debug(`Acknowledged a block action the bot has no handler for: ${action.action_id.slice(0, 80)}`);
  });
}
