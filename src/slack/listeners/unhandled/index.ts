import type { App } from '@slack/bolt';
import { FORM_CALLBACK } from '../../../render/form.js';
import { except } from '../except.js';
import { ASK_ABOUT_MESSAGE } from '../shortcuts/ask-about-message.js';
import { OPEN_FORM_SHORTCUT } from '../shortcuts/open-form.js';

/**
 * Interactions the bot opens nothing for (a modal's submission or close it does not know, a shortcut, a select's
 * options) are acknowledged at once, so that Slack never shows the user an error if one arrives (an old install, a
 * future surface). The bot's own callback ids are left to their listeners.
 */
export function register(app: App): void {
  const any = /.*/;
  app.view({ callback_id: except(FORM_CALLBACK), type: 'view_submission' }, async ({ ack, logger }) => {
    await ack();
    logger.debug('Acknowledged a view submission the bot has no handler for');
  });
  app.view({ callback_id: any, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut(except(ASK_ABOUT_MESSAGE, OPEN_FORM_SHORTCUT), async ({ ack, logger }) => {
    await ack();
    logger.debug('Acknowledged a shortcut the bot has no handler for');
  });
  app.options(any, async ({ ack }) => {
    await ack({ options: [] });
  });
}
