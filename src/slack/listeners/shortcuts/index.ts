import type { App, MessageShortcut } from '@slack/bolt';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { ASK_ABOUT_MESSAGE, askAboutMessageCallback } from './ask-about-message.js';

/** Shortcuts, one listener each; registered before the catch-all that acknowledges unknown ones. */
export function register(app: App, services: Services): void {
  const first = onlyFirstInteraction(services.replays);
  app.shortcut<MessageShortcut>(
    { callback_id: ASK_ABOUT_MESSAGE, type: 'message_action' },
    first,
    askAboutMessageCallback(services),
  );
}
