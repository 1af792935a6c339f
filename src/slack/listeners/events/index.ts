import type { App } from '@slack/bolt';
import { onlyFirstDelivery } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { directMessageCallback, onlyDirectQuestions } from './direct-message.js';

export function register(app: App, services: Services): void {
  const firstDelivery = onlyFirstDelivery(services.seen);
  app.event('app_mention', firstDelivery, appMentionCallback(services));
  app.event('message', onlyDirectQuestions, firstDelivery, directMessageCallback(services));
  app.event('app_home_opened', firstDelivery, appHomeOpenedCallback(services));
}
