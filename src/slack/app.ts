import type { ListenOptions } from 'node:net';
import {
  App,
  type AppOptions,
  type AuthorizeResult,
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  LogLevel,
  webApi,
} from '@slack/bolt';
import type { Advisor } from '../advisor/advisor.js';
import type { KitTemplates } from '../kit/schema.js';
import { type HomeContent, homeView } from '../render/home.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { Config, LogLevelName } from './config.js';
import { SeenDeliveries } from './deliveries.js';
import { kitService } from './kits.js';
import { registerListeners } from './listeners/index.js';
import { type UserLanguage, userLanguages } from './locale.js';
import type { AdvisorPort, Services } from './services.js';
import { DEFAULT_RETRY, type RetryPolicy } from './web-api-retry.js';

export interface AppFactoryOptions {
  readonly logger?: Logger;
  /** Deploy-kit templates; the built-in knowledge/kit.yaml when not given. */
  readonly kitTemplates?: KitTemplates;
  /** Web API client behaviour: a chat bot should fail fast rather than retry for half an hour (Bolt's default). */
  readonly webClient?: { readonly timeoutMs?: number; readonly retries?: number };
  /** How a user's Slack language is looked up (users.info with a cache and a deadline by default). */
  readonly userLanguage?: UserLanguage;
}

/** The Home tab in each language: it depends only on the knowledge base, so it is rendered once. */
const homes = (content: HomeContent) => ({ en: homeView(content, 'en'), zh: homeView(content, 'zh') });

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export const EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;
export const HEALTH_PATH = '/healthz';

/**
 * The bot's identity for every request: auth.test on first use, kept once it succeeds and asked again if it failed.
 * Bolt's own single-token authorization calls auth.test while the app is being constructed and keeps a failure
 * forever; this one lets an app be created offline and recover once Slack answers.
 */
function botIdentity(token: string, clientOptions: webApi.WebClientOptions): () => Promise<AuthorizeResult> {
  const client = new webApi.WebClient(token, clientOptions);
  let identity: Promise<AuthorizeResult> | undefined;
  return () => {
    identity ??= client.auth.test().then(
      (r) => ({ botToken: token, botId: r.bot_id, botUserId: r.user_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return identity;
  };
}

/** Each app's identity check, so that startApp's token check is also the first request's (one auth.test). */
const identities = new WeakMap<App, () => Promise<AuthorizeResult>>();

/**
 * The Bolt app: HTTP mode (`POST /slack/events`, `GET /healthz`, signatures verified) or Socket Mode when the config
 * has an app token. Creating it never touches the network; `startApp` (or Bolt's own `app.start()`) serves it.
 */
export function createApp(
  config: Config,
  advisor: AdvisorPort & Pick<Advisor, 'canonical' | 'kb'>,
  options: AppFactoryOptions = {},
): App {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: options.webClient?.retries ?? DEFAULT_RETRY.retries };
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl === undefined ? {} : { slackApiUrl: config.slackApiUrl }),
    timeout: options.webClient?.timeoutMs ?? 10_000,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    // The listeners' calls are retried by withRetries, which knows a timed-out chat.postMessage must not be repeated.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  // auth.test and apps.connections.open are safe to repeat: the client's own retries do.
  const repeatable: webApi.WebClientOptions = {
    ...clientOptions,
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.backoffMs, maxTimeout: 30_000 },
    rejectRateLimitedCalls: false,
  };
  const identity = botIdentity(config.botToken, repeatable);
  const common: AppOptions = {
    authorize: identity,
    logLevel: LEVELS[config.logLevel],
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    clientOptions,
    // Thread memory lives in message metadata; Bolt's default in-memory conversation store only costs ~30 µs a request.
    convoStore: false,
  };
  const health: CustomRoute = {
    path: HEALTH_PATH,
    method: ['GET', 'HEAD'],
    handler: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(_req.method === 'HEAD' ? undefined : JSON.stringify({ ok: true, knowledge: advisor.version }));
    },
  };
  const app =
    config.mode === 'socket'
      ? new App({
          ...common,
          appToken: config.appToken,
          socketMode: true,
          installerOptions: { clientOptions: repeatable },
        })
      : new App({
          ...common,
          receiver: new HTTPReceiver({
            signingSecret: config.signingSecret,
            endpoints: EVENTS_PATH,
            customRoutes: [health],
            // false: ack() writes the HTTP response at once. The slash-command answer is still in it (the listener
            // computes the answer, then acks with it), and an event's ack never waits for chat.postMessage, so a
            // slow Slack API cannot push the ack past Slack's 3 seconds and cause a retry.
            processBeforeResponse: false,
            // Bolt reads up to 4 MB before checking the signature. A button press on the largest message the bot
            // can send (50 blocks, form-encoded) stays well under 1 MB; more is refused with 413 unread.
            bodyLimit: BODY_LIMIT,
            logLevel: LEVELS[config.logLevel],
            ...(options.logger === undefined ? {} : { logger: options.logger }),
          }),
        });
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener:', error);
  });
  const services: Services = {
    advisor,
    kits: kitService(advisor.kb, options.kitTemplates),
    home: homes({ stacks: advisor.canonical(), operators: advisor.kb.operators, version: advisor.version }),
    userLanguage: options.userLanguage ?? userLanguages(),
    seen: new SeenDeliveries(),
    retry,
  };
  registerListeners(app, services);
  identities.set(app, identity);
  return app;
}

export interface Started {
  /** The HTTP port actually listened on (HTTP mode). */
  readonly port?: number;
}

export type StartFailure = Failure<'slack-rejected-token' | 'slack-unreachable' | 'port-in-use' | 'start-failed'>;

function describe(error: unknown, token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', config: Config): StartFailure {
  const api = config.slackApiUrl ?? 'https://slack.com/api/';
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error };
  if (e.code === webApi.ErrorCode.PlatformError) {
    return failure('slack-rejected-token', { token, error: e.data?.error ?? 'unknown error' });
  }
  if (e.code === webApi.ErrorCode.RequestError || e.code === webApi.ErrorCode.HTTPError) {
    const why = e.original?.message ?? (e.statusCode === undefined ? 'no answer' : `HTTP ${e.statusCode}`);
    return failure('slack-unreachable', { api, why });
  }
  if (e.code === 'EADDRINUSE' && config.mode === 'http') return failure('port-in-use', { port: config.port });
  return failure('start-failed', { detail: error instanceof Error ? error.message : String(error) });
}

/**
 * Verifies the bot token with Slack (auth.test), so that a wrong one stops the start with a clear message, then
 * serves: HTTP on the port, or the Socket Mode connection.
 */
export async function startApp(
  app: App,
  config: Config,
  listen?: ListenOptions,
): Promise<Result<Started, StartFailure>> {
  try {
    const identity = identities.get(app);
    await (identity === undefined ? app.client.auth.test({ token: config.botToken }) : identity());
  } catch (error) {
    return fail(describe(error, 'SLACK_BOT_TOKEN', config));
  }
  if (config.mode === 'socket') {
    try {
      await app.start();
      return ok({});
    } catch (error) {
      return fail(describe(error, 'SLACK_APP_TOKEN', config));
    }
  }
  try {
    const server = await app.start(listen ?? config.port);
    const address = server.address();
    return ok(typeof address === 'object' && address !== null ? { port: address.port } : {});
  } catch (error) {
    return fail(describe(error, 'SLACK_BOT_TOKEN', config));
  }
}
