import type { App, GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { ASK_ABOUT_MESSAGE, askAboutMessageCallback } from './ask-about-message.js';
import { OPEN_FORM_SHORTCUT, openFormShortcutCallback } from './open-form.js';

/** Shortcuts, one listener each; the catch-all in `unhandled` leaves these callback ids alone. */
export function register(app: App, services: Services): void {
  const first = onlyFirstInteraction(services.replays);
  app.shortcut<MessageShortcut>(
    { callback_id: ASK_ABOUT_MESSAGE, type: 'message_action' },
    first,
    askAboutMessageCallback(services),
  );
  app.shortcut<GlobalShortcut>(
    { callback_id: OPEN_FORM_SHORTCUT, type: 'shortcut' },
    first,
    openFormShortcutCallback(services),
  );
}
