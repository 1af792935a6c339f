import type { App } from '@slack/bolt';
import type { Services } from '../services.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as unhandled from './unhandled/index.js';
import * as views from './views/index.js';

/** Every listener, by Slack feature. */
export function registerListeners(app: App, services: Services): void {
  actions.register(app, services);
  commands.register(app, services);
  events.register(app, services);
  shortcuts.register(app, services);
  views.register(app, services);
  unhandled.register(app);
}
