import { randomBytes } from 'node:crypto';
import type { App, Logger } from '@slack/bolt';
import { type AppFactoryOptions, createApp, startApp } from '../../src/slack/app.js';
import { type Config, loadConfig } from '../../src/slack/config.js';
import { type Installations, openInstallations } from '../../src/slack/distribution.js';
import { advisor, say } from '../support.js';
import type { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './slack-requests.js';

/**
 * Distributed-mode settings for the e2e tests: the test app's client id and secrets, installations in the database at
 * `databaseUrl`, the fake Slack Web API; a fresh TOKEN_ENCRYPTION_KEY unless `extra` gives one.
 */
export function distributedConfig(fake: FakeSlack, databaseUrl: string, extra: Record<string, string> = {}): Config {
  const config = loadConfig({
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret-abc',
    SLACK_STATE_SECRET: 'state-secret-0123456789',
    DATABASE_URL: databaseUrl,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...extra,
  });
  if (!config.ok) throw new Error(say(config.error));
  return config.value;
}

export interface DistributedApp {
  readonly app: App;
  readonly installations: Installations;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
}

/**
 * One replica of the real app in distributed mode: its installations opened on the config's database (migrations
 * applied), the app built with `options(installations)`, `beforeStart` (e.g. a global middleware), then started on
 * an ephemeral port of 127.0.0.1.
 */
export async function startDistributedApp(
  config: Config,
  fake: FakeSlack,
  logger: Logger,
  options: (installations: Installations) => AppFactoryOptions,
  beforeStart: (app: App) => void = () => {},
): Promise<DistributedApp> {
  if (config.distribution === undefined) throw new Error('not distributed');
  const opened = await openInstallations(config.distribution, { slackApiUrl: fake.apiUrl }, logger);
  if (!opened.ok) throw new Error(say(opened.error));
  const app = createApp(config, advisor(), { logger, ...options(opened.value) });
  beforeStart(app);
  const started = await startApp(app, config, { port: 0, host: '127.0.0.1' });
  if (!started.ok || started.value.port === undefined) throw new Error('the app did not start');
  return { app, installations: opened.value, base: `http://127.0.0.1:${started.value.port}` };
}
