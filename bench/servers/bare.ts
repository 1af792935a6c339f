import { readFileSync } from 'node:fs';
import { App, HTTPReceiver, LogLevel, type Middleware, type SlackEventMiddlewareArgs } from '@slack/bolt';

/**
 * The baseline of the HTTP benchmark: a Bolt app that only acknowledges `/stack`. Same Bolt, same receiver (an
 * HTTPReceiver with real signature verification, processBeforeResponse: false), same endpoint and /healthz custom
 * route, a constant authorize like the bot's cached one, started the same way as the bot (a child process under
 * `node --import tsx`). What it leaves out is the bot's own work.
 *
 * Two switches add parts of that work back, to measure what each costs (bench/profile.ts):
 *   BARE_LISTENERS=bot   registers as many listeners as the bot, of the same kinds (4 actions, 1 command, 3 events
 *                        behind a middleware each), all of them only acknowledging;
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
  const passThrough: Middleware<SlackEventMiddlewareArgs> = async ({ next }) => {
    await next();
  };
  for (const action of ['share_in_channel', 'compare_alternatives', 'explain_operators', 'deploy_kit']) {
    app.action(action, async ({ ack }) => {
      await ack();
    });
  }
  for (const event of ['app_mention', 'message', 'app_home_opened'] as const) {
    app.event(event, passThrough, async () => {});
  }
}

await app.start(port);
app.logger.info(`bare Bolt app listening on ${port}`);

const stop = async () => {
  await app.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
