import type { Server } from 'node:http';
import type { ListenOptions } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  App,
  type AppOptions,
  type AuthorizeResult,
  type CustomRoute,
  type Logger,
  LogLevel,
  webApi,
} from '@slack/bolt';
import type { Advisor } from '../advisor/advisor.js';
import type { KitTemplates } from '../kit/schema.js';
import type { Language } from '../language.js';
import type { HomeView } from '../render/blocks-types.js';
import { type HomeContent, homeView } from '../render/home.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { PostgresInstallationStore } from '../store/installations.js';
import type { Config, LogLevelName } from './config.js';
import { REPLAY_WINDOW_MS, SeenDeliveries } from './deliveries.js';
import { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from './distribution.js';
import { guardProcessEvent, InFlight } from './in-flight.js';
import { kitService } from './kits.js';
import { registerListeners } from './listeners/index.js';
import * as installationListeners from './listeners/installations/index.js';
import { type UserLanguage, userLanguages } from './locale.js';
import { guardedReceiver, laterLogger } from './receiver.js';
import type { AdvisorPort, Services } from './services.js';
import { registerForStop, registerServer } from './shutdown.js';
import { DEFAULT_RETRY, type RetryPolicy } from './web-api-retry.js';

export interface AppFactoryOptions {
  readonly logger?: Logger;
  /** Deploy-kit templates; the built-in knowledge/kit.yaml when not given. */
  readonly kitTemplates?: KitTemplates;
  /** Web API client behaviour: a chat bot should fail fast rather than retry for half an hour (Bolt's default). */
  readonly webClient?: { readonly timeoutMs?: number; readonly retries?: number };
  /** How a user's Slack language is looked up (users.info with a cache and a deadline by default). */
  readonly userLanguage?: UserLanguage;
  /** How long reading a thread's earlier answers may take in all, retries included (default 10 s). */
  readonly threadReadMs?: number;
  /** Distributed mode: where installations are kept (required when the config has `distribution`). */
  readonly installations?: PostgresInstallationStore;
}

/**
 * The Home tab in each language: it depends only on the knowledge base, so it is rendered once, when it is first
 * opened in that language (not at start-up: the first request is rarely the Home tab).
 */
function homes(content: () => HomeContent): Readonly<Record<Language, HomeView>> {
  const built: Partial<Record<Language, HomeView>> = {};
  const view = (language: Language) => {
    built[language] ??= homeView(content(), language);
    return built[language];
  };
  return {
    get en() {
      return view('en');
    },
    get zh() {
      return view('zh');
    },
  };
}

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export const EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;
export const HEALTH_PATH = '/healthz';

// A rate limit on auth.test longer than this stops the start instead of holding it (the port closed, /healthz down).
const MAX_IDENTITY_RATE_LIMIT_WAIT_S = 10;

/** auth.test, waiting out a short rate limit; a long one is thrown, for the caller to report. */
async function authTest(client: webApi.WebClient): Promise<webApi.AuthTestResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.auth.test();
    } catch (error) {
      const waitable =
        error instanceof webApi.WebAPIRateLimitedError && error.retryAfter <= MAX_IDENTITY_RATE_LIMIT_WAIT_S;
      if (!waitable || attempt >= 2) throw error;
      await sleep(error.retryAfter * 1000);
    }
  }
}

/**
 * The bot's identity for every request: auth.test on first use, kept once it succeeds and asked again if it failed.
 * Bolt's own single-token authorization calls auth.test while the app is being constructed and keeps a failure
 * forever; this one lets an app be created offline and recover once Slack answers.
 */
function botIdentity(token: string, clientOptions: webApi.WebClientOptions): () => Promise<AuthorizeResult> {
  const client = new webApi.WebClient(token, { ...clientOptions, rejectRateLimitedCalls: true });
  let identity: Promise<AuthorizeResult> | undefined;
  return () => {
    identity ??= authTest(client).then(
      (r) => ({ botToken: token, botId: r.bot_id, botUserId: r.user_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    // A copy each time: Bolt fills in the request's team, enterprise and user on the object it is given.
    return identity.then((r) => ({ ...r }));
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
  advisor: AdvisorPort & Pick<Advisor, 'canonical' | 'kb' | 'radar'>,
  options: AppFactoryOptions = {},
): App {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: options.webClient?.retries ?? DEFAULT_RETRY.retries };
  const timeoutMs = options.webClient?.timeoutMs ?? 10_000;
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl === undefined ? {} : { slackApiUrl: config.slackApiUrl }),
    timeout: timeoutMs,
    // Bolt's respond() (response URLs) uses this fetch with no deadline of its own; the Web API client sets its own.
    fetch: (input, init) => fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) }),
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
  const identity = config.botToken === undefined ? undefined : botIdentity(config.botToken, repeatable);
  const installations = options.installations;
  if (config.distribution !== undefined && installations === undefined) {
    throw new Error('createApp: distributed mode needs options.installations');
  }
  // Distributed: Bolt's own OAuth installer (install page, callback with the state verified, authorize per request
  // from the store). Bolt refuses a custom authorize beside it, so the single-token identity is used only without it.
  const oauth =
    config.distribution === undefined || installations === undefined
      ? undefined
      : {
          clientId: config.distribution.clientId,
          clientSecret: config.distribution.clientSecret,
          stateSecret: config.distribution.stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore: installations,
          installerOptions: {
            directInstall: true,
            installPath: INSTALL_PATH,
            redirectUriPath: REDIRECT_PATH,
            stateVerification: true,
            clientOptions: repeatable,
          },
        };
  const common: AppOptions = {
    ...(identity === undefined ? {} : { authorize: identity }),
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
      const body = {
        ok: true,
        knowledge: advisor.version,
        ...(advisor.radar === undefined ? {} : { radar: advisor.radar.stamp.version }),
      };
      res.end(_req.method === 'HEAD' ? undefined : JSON.stringify(body));
    },
  };
  // The receiver is built before the app whose logger it should share, so it logs through this until then.
  let appLogger: Logger | undefined;
  const logger = options.logger ?? laterLogger(() => appLogger);
  const app =
    config.mode === 'socket'
      ? new App({
          ...common,
          appToken: config.appToken,
          socketMode: true,
          ...(oauth === undefined
            ? { installerOptions: { clientOptions: repeatable } }
            : { ...oauth, installerOptions: { ...oauth.installerOptions, port: config.port } }),
        })
      : new App({
          ...common,
          receiver: guardedReceiver({
            signingSecret: config.signingSecret,
            endpoints: EVENTS_PATH,
            eventsPath: EVENTS_PATH,
            customRoutes: [health],
            ...oauth,
            // false: ack() writes the HTTP response at once. The slash-command answer is still in it (the listener
            // computes the answer, then acks with it), and an event's ack never waits for chat.postMessage, so a
            // slow Slack API cannot push the ack past Slack's 3 seconds and cause a retry.
            processBeforeResponse: false,
            // Bolt reads up to 4 MB before checking the signature. A button press on the largest message the bot
            // can send (50 blocks, form-encoded) stays well under 1 MB; more is refused with 413 unread.
            bodyLimit: BODY_LIMIT,
            logLevel: LEVELS[config.logLevel],
            logger,
          }),
        });
  appLogger = app.logger;
  const inFlight = new InFlight();
  guardProcessEvent(app, inFlight, app.logger);
  registerForStop(app, inFlight);
  app.error(async (error) => {
    app.logger.error('Unhandled error in a listener:', error);
  });
  const services: Services = {
    advisor,
    kits: kitService(advisor.kb, options.kitTemplates),
    home: homes(() => ({
      stacks: advisor.canonical(),
      operators: advisor.kb.operators,
      version: advisor.version,
      ...(advisor.radar === undefined ? {} : { radar: { stamp: advisor.radar.stamp, marks: advisor.radar.marks } }),
    })),
    userLanguage: options.userLanguage ?? userLanguages(),
    seen: new SeenDeliveries(),
    threadReadMs: options.threadReadMs ?? 10_000,
    replays: new SeenDeliveries(5000, REPLAY_WINDOW_MS),
    retry,
  };
  registerListeners(app, services);
  if (installations !== undefined) installationListeners.register(app, installations);
  if (identity !== undefined) identities.set(app, identity);
  return app;
}

export interface Started {
  /** The HTTP port actually listened on (HTTP mode). */
  readonly port?: number;
}

export type StartFailure = Failure<
  | 'slack-rejected-token'
  | 'slack-unreachable'
  | 'slack-not-slack'
  | 'slack-rate-limited'
  | 'port-in-use'
  | 'host-not-here'
  | 'start-failed'
>;

/** A URL as it may be printed: without a user name or password. */
export function printableUrl(url: string): string {
  if (!URL.canParse(url)) return '(SLACK_API_URL)';
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString();
}

// What Slack's `error` field looks like (invalid_auth, not_authed, account_inactive…); anything else came from
// something that is not Slack: the Web API client puts a whole non-JSON body (a proxy's login page) there.
const SLACK_ERROR_CODE = /^[a-z0-9_]{1,64}$/;

function describe(error: unknown, token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', config: Config): StartFailure {
  const api = printableUrl(config.slackApiUrl ?? 'https://slack.com/api/');
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error };
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return failure('slack-rate-limited', { retryAfter: error.retryAfter });
  }
  if (e.code === webApi.ErrorCode.PlatformError && !SLACK_ERROR_CODE.test(e.data?.error ?? 'unknown_error')) {
    return failure('slack-not-slack', { api });
  }
  if (e.code === webApi.ErrorCode.PlatformError) {
    return failure('slack-rejected-token', { token, error: e.data?.error ?? 'unknown error' });
  }
  if (e.code === webApi.ErrorCode.RequestError || e.code === webApi.ErrorCode.HTTPError) {
    const why = e.original?.message ?? (e.statusCode === undefined ? 'no answer' : `HTTP ${e.statusCode}`);
    return failure('slack-unreachable', { api, why: why.slice(0, 200).replaceAll(config.slackApiUrl ?? api, api) });
  }
  if (e.code === 'EADDRINUSE' && config.mode === 'http') return failure('port-in-use', { port: config.port });
  if (e.code === 'EADDRNOTAVAIL' && config.mode === 'http')
    return failure('host-not-here', { host: config.host ?? '' });
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
  // Distributed, there is no token of its own to check: each installation brings one.
  if (config.botToken !== undefined) {
    try {
      const identity = identities.get(app);
      await (identity === undefined ? app.client.auth.test({ token: config.botToken }) : identity());
    } catch (error) {
      return fail(describe(error, 'SLACK_BOT_TOKEN', config));
    }
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
    const server: Server = await app.start(
      listen ?? { port: config.port, ...(config.host === undefined ? {} : { host: config.host }) },
    );
    registerServer(app, server);
    // A client that trickles its request is cut after 30 s rather than Node's 300 s (Slack sends a request at once).
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
    const address = server.address();
    return ok(typeof address === 'object' && address !== null ? { port: address.port } : {});
  } catch (error) {
    return fail(describe(error, 'SLACK_BOT_TOKEN', config));
  }
}
