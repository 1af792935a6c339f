import type { App } from '@slack/bolt';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { stackCommandCallback } from './stack.js';

export const COMMAND = '/stack';

/**
 * Slack sends an app only its own commands, so every one of them is `/stack` - also when a workspace had to install
 * it under another name (`/stackx`, `/stack-advisor`) because `/stack` was taken.
 */
const ANY_COMMAND = /^\/.+/;

export function register(app: App, services: Services): void {
  app.command(ANY_COMMAND, onlyFirstInteraction(services.replays), stackCommandCallback(services));
}
