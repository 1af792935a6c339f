import { readFileSync } from 'node:fs';
import { App, HTTPReceiver, LogLevel, type Middleware, type SlackEventMiddlewareArgs } from '@slack/bolt';

/**
 * The baseline of the HTTP benchmark: a Bolt app that only acknowledges `/stack`. Same Bolt, same receiver (an
 * HTTPReceiver with real signature verification, processBeforeResponse: false), same endpoint and /healthz custom
 * route, a constant authorize like the bot's cached one, started the same way as the bot (a child process under
 * `node --import tsx`). What it leaves out is the bot's own work.
 *
 * Two switches add parts of that work back, to measure what each costs (bench/profile.ts):
 *   BARE_LISTENERS=bot   registers as many listeners as the bot, of the same kinds (9 actions, 3 events, 3 shortcuts,
 *                        3 views, options; with as many middleware), all of them only acknowledging;
 *   BARE_ACK=<json>      acknowledges `/stack` with this body (a real answer, as the bot would send it);
 *   BARE_ANSWERS=<file>  the answering anchor: acknowledges each `/stack` with the very Block Kit message the bot
 *                        sends for that text, looked up in a map (text → body) the benchmark computed before the run
 *                        with the bot's own rendering and wrote to this JSON file. The least any Bolt app that sends
 *                        this answer can spend: Bolt, the signature, the JSON of the answer, the socket.
 */

const secret = process.env.SLACK_SIGNING_SECRET;
const token = process.env.SLACK_BOT_TOKEN;
if (secret === undefined || token === undefined) throw new Error('SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are needed');
const port = Number(process.env.PORT ?? 3000);
const body = process.env.BARE_ACK ? (JSON.parse(process.env.BARE_ACK) as Record<string, unknown>) : undefined;
const answers = process.env.BARE_ANSWERS
  ? new Map(Object.entries(JSON.parse(readFileSync(process.env.BARE_ANSWERS, 'utf8')) as Record<string, object>))
  : undefined;

const app = new App({
  // The identity the bot learns from auth.test once; a constant here, so the baseline makes no API call at all.
  authorize: async () => ({ botToken: token, botId: 'B0BARE', botUserId: 'U0BARE' }),
  logLevel: LogLevel.INFO,
  receiver: new HTTPReceiver({
    signingSecret: secret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.INFO,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ok":true}');
        },
      },
    ],
  }),
});

app.command('/stack', async ({ ack, command }) => {
  const answer = answers?.get(command.text) ?? body;
  await (answer === undefined ? ack() : ack(answer));
});

if (process.env.BARE_LISTENERS === 'bot') {
  // As many listeners as the bot registers (src/slack/listeners), of the same kinds and with the same middleware
  // counts, all of them only acknowledging: Bolt runs every listener's matchers for every request.
  const passThrough = async ({ next }: { next: () => Promise<void> }) => {
    await next();
  };
  const other = (...ids: string[]) => new RegExp(`^(?!(?:${ids.join('|')})$)`);
  const actions = ['share', 'compare', 'explain', 'deploy', 'thread', 'record', 'form', 'feedback'];
  for (const action of actions) {
    app.action(action, passThrough, async ({ ack }) => {
      await ack();
    });
  }
  app.action({ type: 'block_actions', action_id: other(...actions) }, async ({ ack }) => {
    await ack();
  });
  const eventMiddleware = passThrough as Middleware<SlackEventMiddlewareArgs>;
  app.event('app_mention', eventMiddleware, async () => {});
  app.event('message', eventMiddleware, eventMiddleware, async () => {});
  app.event('app_home_opened', eventMiddleware, async () => {});
  app.shortcut('ask_about_message', async ({ ack }) => {
    await ack();
  });
  app.shortcut('open_form', async ({ ack }) => {
    await ack();
  });
  app.view('requirements_form', async ({ ack }) => {
    await ack();
  });
  app.view({ callback_id: other('requirements_form'), type: 'view_submission' }, async ({ ack }) => {
    await ack();
  });
  app.view({ callback_id: /.*/, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut(other('ask_about_message', 'open_form'), async ({ ack }) => {
    await ack();
  });
  app.options(/.*/, async ({ ack }) => {
    await ack({ options: [] });
  });
}

await app.start(port);
app.logger.info(`bare Bolt app listening on ${port}`);

const stop = async () => {
  await app.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
