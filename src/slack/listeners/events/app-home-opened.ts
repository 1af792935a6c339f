import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services.js';
import { withRetries } from '../../web-api-retry.js';

/**
 * Opening the Home tab publishes the onboarding view in the user's Slack language (the Messages tab fires the same
 * event and is left alone).
 */
export const appHomeOpenedCallback =
  (services: Services) =>
  async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      const language = (await services.userLanguage(client, event.user, logger)) ?? 'en';
      await withRetries(services.retry, logger, 'views.publish', { idempotent: true }, () =>
        client.views.publish({ user_id: event.user, view: services.home[language] }),
      );
    } catch (error) {
      logger.error(`Could not publish the Home tab for ${event.user}:`, error);
    }
  };
