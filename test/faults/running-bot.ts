import type { App } from '@slack/bolt';
import type { Advisor } from '../../src/advisor/advisor.js';
import { type AppFactoryOptions, createApp, EVENTS_PATH, startApp } from '../../src/slack/app.js';
import { type Config, loadConfig } from '../../src/slack/config.js';
import { FakeSlack } from '../e2e/fake-slack.js';
import { SIGNING_SECRET } from '../e2e/slack-requests.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { advisor, say } from '../support.js';

/** The real advisor, counting the questions it is asked: zero means no listener got as far as answering. */
export class CountingAdvisor {
  questions = 0;
  readonly version: string;
  readonly kb: Advisor['kb'];

  constructor(private readonly real: Advisor = advisor()) {
    this.version = real.version;
    this.kb = real.kb;
  }

  canonical: Advisor['canonical'] = () => this.real.canonical();
  ownLanguage: Advisor['ownLanguage'] = (text) => this.real.ownLanguage(text);
  adviseFrom: Advisor['adviseFrom'] = (...args) => this.real.adviseFrom(...args);
  answer: Advisor['answer'] = (text, previous, context) => {
    this.questions++;
    return this.real.answer(text, previous, context);
  };
  compare: Advisor['compare'] = (...args) => {
    this.questions++;
    return this.real.compare(...args);
  };
  explain: Advisor['explain'] = (...args) => {
    this.questions++;
    return this.real.explain(...args);
  };
}

/**
 * Single-workspace settings in HTTP mode for the tests: a bot token, the signing secret the signed requests use, the
 * fake Slack Web API, debug logging; `extra` overrides any of them.
 */
export function httpConfig(fake: FakeSlack, extra: Record<string, string> = {}): Config {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'debug',
    ...extra,
  });
  if (!config.ok) throw new Error(say(config.error));
  return config.value;
}

export interface HttpApp {
  readonly app: App;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `POST` here what Slack would post. */
  readonly events: string;
}

/** The real app built from `config`, started in HTTP mode on an ephemeral port of 127.0.0.1. */
export async function startHttpApp(
  config: Config,
  advisor: Parameters<typeof createApp>[1],
  options: AppFactoryOptions,
): Promise<HttpApp> {
  const app = createApp(config, advisor, options);
  const started = await startApp(app, config, { port: 0, host: '127.0.0.1' });
  if (!started.ok || started.value.port === undefined) throw new Error('the app did not start');
  const base = `http://127.0.0.1:${started.value.port}`;
  return { app, base, events: `${base}${EVENTS_PATH}` };
}

export interface RunningBot {
  readonly app: App;
  readonly fake: FakeSlack;
  readonly logger: RecordingLogger;
  readonly advisor: CountingAdvisor;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `POST` here what Slack would post. */
  readonly events: string;
  /** Slack API calls other than the start-up's auth.test. */
  readonly apiCalls: () => FakeSlack['calls'];
  stop(): Promise<void>;
}

/**
 * The real app in HTTP mode with real signature verification, on an ephemeral port of 127.0.0.1, talking to a fake
 * Slack Web API. `webClient` scales the production retry policy down to test time.
 */
export async function startBot(
  webClient: { timeoutMs?: number; retries?: number } = {},
  appOptions: { threadReadMs?: number } = {},
): Promise<RunningBot> {
  const fake = new FakeSlack();
  await fake.start();
  const config = httpConfig(fake, { SLACK_BOT_TOKEN: 'xoxb-1-fault-test' });
  const logger = new RecordingLogger();
  const counting = new CountingAdvisor();
  const { app, base, events } = await startHttpApp(config, counting, { logger, webClient, ...appOptions });
  return {
    app,
    fake,
    logger,
    advisor: counting,
    base,
    events,
    apiCalls: () => fake.calls.filter((c) => c.method !== 'auth.test'),
    stop: async () => {
      await app.stop();
      await fake.stop();
    },
  };
}
