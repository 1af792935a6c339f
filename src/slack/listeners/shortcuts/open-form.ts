import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { openForm } from '../../open-form.js';
import type { Services } from '../../services.js';

export const OPEN_FORM_SHORTCUT = 'requirements_form';

/** The global shortcut: the requirements form, in the user's Slack language (a lookup bounded well inside 3 s). */
export const openFormShortcutCallback =
  (services: Services) =>
  async ({ ack, shortcut, client, logger }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>) => {
    await ack();
    const language = (await services.userLanguage(client, shortcut.user.id, logger)) ?? 'en';
    await openForm(client, shortcut.trigger_id, language, logger);
  };
