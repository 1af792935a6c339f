import type { Server } from 'node:http';
import type { ListenOptions } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  App,
  type AppOptions,
  type AuthorizeResult,
  type CustomRoute,
  type Logger,
  LogLevel,
  type ReceiverEvent,
  type StateStore,
  webApi,
} from '@slack/bolt';
import type pg from 'pg';
import type { Advisor } from '../advisor/advisor.js';
import type { KitTemplates } from '../kit/schema.js';
import type { Language } from '../language.js';
import type { HomeView } from '../render/blocks-types.js';
import { type HomeContent, homeView } from '../render/home.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { PostgresInstallationStore } from '../store/installations.js';
import type { AnswerLog } from './answer-log.js';
import type { Config, LogLevelName } from './config.js';
import { REPLAY_WINDOW_MS, SeenDeliveries } from './deliveries.js';
import { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from './distribution.js';
import { guardProcessEvent, InFlight } from './in-flight.js';
import { kitService } from './kits.js';
import { registerListeners } from './listeners/index.js';
import * as installationListeners from './listeners/installations/index.js';
import { type UserLanguage, userLanguages } from './locale.js';
import { PinoLogger, REQUEST_LOGGER, requestLoggersFor } from './logging.js';
import { Metrics, requestKind } from './metrics.js';
import { probeRoutes, Readiness } from './probes.js';
import { guardedReceiver, ServedSocketModeReceiver } from './receiver.js';
import type { AdvisorPort, Services } from './services.js';
import { registerForStop, registerServer } from './shutdown.js';
import type { ThreadMemory } from './thread-memory.js';
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
  /** Distributed mode: the install links' OAuth states, each good once on any replica (Bolt's own: signed only). */
  readonly stateStore?: StateStore;
  /** Distributed mode: each thread's context in the database, so follow-ups rarely need conversations.replies. */
  readonly threadMemory?: ThreadMemory;
  /** Distributed mode: where each answer is recorded (for `stack-advisor report`). */
  readonly answers?: AnswerLog;
  /** The database pool, when there is one: /readyz checks that it answers, /metrics shows its connections. */
  readonly database?: pg.Pool;
}

/** The values no log line may contain: the configuration's tokens and secrets. */
export function secretsOf(config: Config): string[] {
  const secrets = [config.botToken, config.signingSecret, config.mode === 'socket' ? config.appToken : undefined];
  const d = config.distribution;
  if (d !== undefined) {
    secrets.push(d.clientSecret, d.stateSecret, d.encryptionKey.toString('base64'));
    const password = URL.canParse(d.databaseUrl) ? new URL(d.databaseUrl).password : '';
    if (password !== '') secrets.push(password, decodeURIComponent(password));
  }
  return secrets.filter((s): s is string => s !== undefined && s !== '');
}

/** The operators' log of `config` (LOG_LEVEL, LOG_FORMAT), to standard output or `destination`. */
export function appLogger(config: Config, destination?: { write(line: string): unknown }): PinoLogger {
  return new PinoLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: secretsOf(config),
    ...(destination === undefined ? {} : { destination }),
  });
}

/**
 * Counts every request by kind and times its acknowledgement; with our own logger, gives it a logger of its own (in
 * its context) whose lines carry a request id and the team.
 */
function observeRequests(app: App, metrics: Metrics, logger: Logger): void {
  const requestLogger = logger instanceof PinoLogger ? logger : undefined;
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent): Promise<void> => {
    const startedAt = performance.now();
    const body = (typeof event.body === 'object' && event.body !== null ? event.body : {}) as Record<string, unknown>;
    const kind = requestKind(body);
    metrics.received(kind);
    let acknowledged = false;
    const observed: ReceiverEvent = {
      ...event,
      ...(requestLogger === undefined
        ? {}
        : { customProperties: { ...event.customProperties, [REQUEST_LOGGER]: requestLogger.forRequest(body) } }),
      ack: (response) => {
        if (!acknowledged) {
          acknowledged = true;
          metrics.acknowledged(kind, startedAt);
        }
        return event.ack(response);
      },
    };
    return process(observed);
  };
}

type Fetch = NonNullable<webApi.WebClientOptions['fetch']>;

// How a refusal from the Web API starts: `{"ok":false,"error":"…"}` (compact JSON).
const NOT_OK = '"ok":false';

/**
 * The Web API client's fetch, counting every failed call by method and error code: Slack's `error` when it answered
 * `ok: false` (read from the body the client reads anyway, parsed again only then), a rate limit, another HTTP
 * status, or a request that got no answer. Response URLs (Bolt's respond()) are not Web API calls and pass through.
 */
function countingFailures(inner: Fetch, apiUrl: string, metrics: Metrics): Fetch {
  return (input, init) => {
    const url = String(input);
    if (!url.startsWith(apiUrl)) return inner(input, init);
    const method = url.slice(apiUrl.length).split('?')[0];
    return inner(input, init).then(
      (response) => {
        if (response.status === 429) metrics.apiFailure(method, 'ratelimited');
        else if (response.status !== 200)
          metrics.apiFailure(method, response.status >= 500 ? 'http_5xx' : `http_${response.status}`);
        else {
          const text = response.text.bind(response);
          response.text = async () => {
            const body = await text();
            if (body.includes(NOT_OK)) metrics.apiFailure(method, slackError(body));
            return body;
          };
        }
        return response;
      },
      (error: unknown) => {
        metrics.apiFailure(method, 'request_error');
        throw error;
      },
    );
  };
}

function slackError(body: string): string {
  try {
    const error = (JSON.parse(body) as { error?: unknown }).error;
    return typeof error === 'string' ? error : 'other';
  } catch {
    return 'other';
  }
}

/** Each app's readiness, for startApp to mark started. */
const readinesses = new WeakMap<App, Readiness>();
/** Each app's metrics: prom-client is loaded a little after the app has started (see Metrics.loadSoon). */
const metricsOfApps = new WeakMap<App, Metrics>();
/** Socket Mode: each app's receiver, for startApp to tell the port its routes are served on. */
const socketReceivers = new WeakMap<App, ServedSocketModeReceiver>();

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
  const givenLogger = options.logger ?? appLogger(config);
  const metrics = new Metrics(advisor.canonical().map((s) => s.id));
  const readiness = new Readiness(options.database);
  if (options.database !== undefined) metrics.watchPool(options.database);
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY,
    retries: options.webClient?.retries ?? DEFAULT_RETRY.retries,
    observer: metrics,
  };
  const timeoutMs = options.webClient?.timeoutMs ?? 10_000;
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl === undefined ? {} : { slackApiUrl: config.slackApiUrl }),
    timeout: timeoutMs,
    // Bolt's respond() (response URLs) uses this fetch with no deadline of its own; the Web API client sets its own.
    fetch: countingFailures(
      (input, init) => fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) }),
      config.slackApiUrl ?? 'https://slack.com/api/',
      metrics,
    ),
    logger: givenLogger,
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
            ...(options.stateStore === undefined ? {} : { stateStore: options.stateStore }),
            clientOptions: repeatable,
          },
        };
  const common: AppOptions = {
    ...(identity === undefined ? {} : { authorize: identity }),
    logLevel: LEVELS[config.logLevel],
    logger: givenLogger,
    clientOptions,
    // Thread memory lives in message metadata; Bolt's default in-memory conversation store only costs ~30 µs a request.
    convoStore: false,
    // The error handler is given the request's context, so that its line carries the request id and team.
    extendedErrorHandler: true,
  };
  const identityFields = {
    knowledge: advisor.version,
    ...(advisor.radar === undefined ? {} : { radar: advisor.radar.stamp.version }),
  };
  const routes: CustomRoute[] = probeRoutes(() => identityFields, readiness, metrics);
  const socketReceiver =
    config.mode === 'socket'
      ? new ServedSocketModeReceiver({
          appToken: config.appToken,
          logger: givenLogger,
          logLevel: LEVELS[config.logLevel],
          customRoutes: routes,
          listen: { port: config.port, ...(config.host === undefined ? {} : { host: config.host }) },
          ...(oauth === undefined
            ? { installerOptions: { clientOptions: repeatable, port: config.port } }
            : { ...oauth, installerOptions: { ...oauth.installerOptions, port: config.port } }),
        })
      : undefined;
  if (socketReceiver !== undefined) {
    const client = socketReceiver.client;
    client.on('connected', () => readiness.socketConnected(true));
    for (const state of ['close', 'disconnecting', 'disconnected', 'reconnecting']) {
      client.on(state, () => readiness.socketConnected(false));
    }
  }
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, ...(socketReceiver === undefined ? {} : { receiver: socketReceiver }) })
      : new App({
          ...common,
          receiver: guardedReceiver({
            signingSecret: config.signingSecret,
            endpoints: EVENTS_PATH,
            eventsPath: EVENTS_PATH,
            customRoutes: routes,
            ...oauth,
            // false: ack() writes the HTTP response at once. The slash-command answer is still in it (the listener
            // computes the answer, then acks with it), and an event's ack never waits for chat.postMessage, so a
            // slow Slack API cannot push the ack past Slack's 3 seconds and cause a retry.
            processBeforeResponse: false,
            // Bolt reads up to 4 MB before checking the signature. A button press on the largest message the bot
            // can send (50 blocks, form-encoded) stays well under 1 MB; more is refused with 413 unread.
            bodyLimit: BODY_LIMIT,
            logLevel: LEVELS[config.logLevel],
            logger: givenLogger,
          }),
        });
  const inFlight = new InFlight();
  guardProcessEvent(app, inFlight, app.logger);
  observeRequests(app, metrics, givenLogger);
  requestLoggersFor(app);
  registerForStop(app, inFlight, () => readiness.markStopping());
  readinesses.set(app, readiness);
  metricsOfApps.set(app, metrics);
  if (socketReceiver !== undefined) socketReceivers.set(app, socketReceiver);
  app.error(async ({ error, context }: { error: Error; context?: Record<string, unknown> }) => {
    const logger = context?.[REQUEST_LOGGER] as Logger | undefined;
    (logger ?? app.logger).error('Unhandled error in a listener:', error);
  });
  const seen = new SeenDeliveries();
  const replays = new SeenDeliveries(5000, REPLAY_WINDOW_MS);
  metrics.countDuplicates('event', seen);
  metrics.countDuplicates('interaction', replays);
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
    seen,
    threadReadMs: options.threadReadMs ?? 10_000,
    replays,
    retry,
    ...(options.threadMemory === undefined ? {} : { threadMemory: options.threadMemory }),
    ...(options.answers === undefined ? {} : { answers: options.answers }),
    answered: (stackId) => metrics.answered(stackId),
  };
  registerListeners(app, services);
  if (installations !== undefined) installationListeners.register(app, installations);
  if (identity !== undefined) identities.set(app, identity);
  return app;
}

export interface Started {
  /** The HTTP port actually listened on (HTTP mode: Slack's requests and the probes; Socket Mode: the probes). */
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
  if (e.code === 'EADDRINUSE') return failure('port-in-use', { port: config.port });
  if (e.code === 'EADDRNOTAVAIL') return failure('host-not-here', { host: config.host ?? '' });
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
  const readiness = readinesses.get(app);
  if (config.mode === 'socket') {
    try {
      await app.start();
      readiness?.markStarted();
      metricsOfApps.get(app)?.loadSoon();
      const port = socketReceivers.get(app)?.port;
      return ok(port === undefined ? {} : { port });
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
    readiness?.markStarted();
    metricsOfApps.get(app)?.loadSoon();
    return ok(typeof address === 'object' && address !== null ? { port: address.port } : {});
  } catch (error) {
    return fail(describe(error, 'SLACK_BOT_TOKEN', config));
  }
}
