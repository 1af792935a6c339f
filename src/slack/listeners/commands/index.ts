import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { stackCommandCallback } from './stack.js';

export const COMMAND = '/stack';

export function register(app: App, services: Services): void {
  app.command(COMMAND, stackCommandCallback(services));
}
