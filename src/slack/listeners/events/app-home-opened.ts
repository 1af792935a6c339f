import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../../render/messages/index.js';
import type { Services } from '../../services.js';
import { withRetries } from '../../web-api-retry.js';

/**
 * Opening the Home tab publishes the onboarding view in the user's Slack language; opening the Messages tab sets four
 * suggested prompts there, in that language too (the agent messaging experience, `assistant:write`).
 */
export const appHomeOpenedCallback =
  (services: Services) =>
  async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab === 'messages') {
      await suggestPrompts(services, client, logger, event.user, event.channel);
      return;
    }
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

async function suggestPrompts(
  services: Services,
  client: AllMiddlewareArgs['client'],
  logger: AllMiddlewareArgs['logger'],
  user: string,
  channel: string,
): Promise<void> {
  try {
    const language = (await services.userLanguage(client, user, logger)) ?? 'en';
    const { title, items } = messages(language).review.prompts;
    await withRetries(services.retry, logger, 'assistant.threads.setSuggestedPrompts', { idempotent: true }, () =>
      client.assistant.threads.setSuggestedPrompts({
        channel_id: channel,
        title,
        prompts: items.map((p) => ({ title: p.title, message: p.message })),
      }),
    );
  } catch (error) {
    logger.warn(`Could not set the suggested prompts for ${user}:`, error);
  }
}
