import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { onlyFirstInteraction } from '../../deliveries.js';
import type { Services } from '../../services.js';
import { stackCommandCallback } from './stack.js';

export const COMMAND = '/stack';

/**
 * Slack sends an app only its own commands, so every one of them is `/stack` - also when a workspace had to install
 * it under another name (`/stackx`, `/stack-advisor`) because `/stack` was taken.
 */
const ANY_COMMAND = /^\/.+/;

/**
 * `/stack`, the bot's busiest request, is answered from a global middleware that ends the chain there: Bolt runs
 * every listener's matchers for every request, and the bot's 19 listeners cost ~100 µs of CPU per request (measured:
 * docs/PERFORMANCE.md), more than the answer's rendering. No other listener matches a command (actions, events,
 * shortcuts, views and options all filter on their own payloads), so what runs for a command is what
 * `app.command(ANY_COMMAND, replay guard, callback)` ran: the same arguments, the same errors to `app.error`.
 * Every other request goes on to the listeners. Global middleware added after this one does not see commands.
 */
export function register(app: App, services: Services): void {
  const first = onlyFirstInteraction(services.replays);
  const answer = stackCommandCallback(services);
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const command = 'command' in args ? args.command : undefined;
    if (command === undefined || !ANY_COMMAND.test(command.command)) {
      await args.next();
      return;
    }
    const commandArgs = args as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
    await first({ ...commandArgs, next: () => answer({ ...commandArgs, next: async () => {} }) });
  });
}
