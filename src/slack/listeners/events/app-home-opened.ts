import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.js';
import { withRetries } from '../../web-api-retry.js';

/** Opening the Home tab publishes the onboarding view (the Messages tab fires the same event and is left alone). */
export const appHomeOpenedCallback =
  (services: Services) =>
  async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      await withRetries(services.retry, logger, 'views.publish', { idempotent: true }, () =>
        client.views.publish({ user_id: event.user, view: services.home }),
      );
    } catch (error) {
      logger.error(`Could not publish the Home tab for ${event.user}:`, error);
    }
  };
