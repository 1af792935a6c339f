import type { App } from '@slack/bolt';

/**
 * Interactions the bot opens nothing for today (a modal's submission or close, a shortcut, a select's options) are
 * acknowledged at once, so that Slack never shows the user an error if one arrives (an old install, a future surface).
 */
export function register(app: App): void {
  const any = /.*/;
  app.view({ callback_id: any, type: 'view_submission' }, async ({ ack, logger }) => {
    await ack();
    logger.debug('Acknowledged a view submission the bot has no handler for');
  });
  app.view({ callback_id: any, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut(any, async ({ ack, logger }) => {
    await ack();
    logger.debug('Acknowledged a shortcut the bot has no handler for');
  });
  app.options(any, async ({ ack }) => {
    await ack({ options: [] });
  });
}
