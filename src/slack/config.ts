import { CONFIG_ISSUES, type ConfigIssue } from '../failure.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { encryptionKey } from '../store/cipher.js';

/**
 * The checks of each variable, in the order they are reported. Written by hand rather than as a zod schema: zod
 * costs ~45 ms to import, a sixth of the bot's start-up, for fifteen string checks. `test/slack/config-schema.test.ts`
 * holds them to the zod schema they replace, on generated environments: same values, same issues.
 */
type Check = (value: string) => string | undefined;

const noSpaces = (s: string) => !/\s/.test(s);
const oneWord: Check = (s) => (/^\S+$/.test(s) ? undefined : 'not-one-word');
const anything: Check = () => undefined;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;
// How long something is kept, in whole days: at least one, at most ten years.
const days: Check = (d) => (/^\d+$/.test(d) && Number(d) >= 1 && Number(d) <= 3650 ? undefined : 'not-days');

const CHECKS: Record<string, Check> = {
  // Missing is reported below: it is needed only when the app is not distributed.
  // Another kind of Slack token is a mistake worth stopping for; an unknown form (a proxy's, a test's) is let through.
  SLACK_BOT_TOKEN: (t) => (!/^xo(xp|xa|xe)-|^xapp-/.test(t) && noSpaces(t) ? undefined : 'not-bot-token'),
  SLACK_CLIENT_ID: oneWord,
  SLACK_CLIENT_SECRET: oneWord,
  SLACK_STATE_SECRET: oneWord,
  DATABASE_URL: (u) => (/^postgres(ql)?:\/\//.test(u) && URL.canParse(u) ? undefined : 'not-database-url'),
  TOKEN_ENCRYPTION_KEY: (k) => (encryptionKey(k) !== undefined ? undefined : 'not-encryption-key'),
  // Slack's secrets are hex, but test and proxy set-ups use others: any single word is accepted.
  SLACK_SIGNING_SECRET: (s) => (/^\S+$/.test(s) ? undefined : 'not-signing-secret'),
  SLACK_APP_TOKEN: (t) => (!/^xox[bpae]-/.test(t) && noSpaces(t) ? undefined : 'not-app-token'),
  PORT: (p) => (!/^\d+$/.test(p) ? 'not-whole-number' : Number(p) > 65535 ? 'port-range' : undefined),
  HOST: (h) => (/^[\w.:[\]%-]{1,253}$/.test(h) ? undefined : 'not-host'),
  SLACK_API_URL: (u) =>
    !(/^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u))
      ? 'not-url'
      : // fetch refuses such a URL, and a password in a setting ends up in logs and error messages.
        new URL(u).username !== '' || new URL(u).password !== ''
        ? 'url-credentials'
        : undefined,
  KNOWLEDGE_PATH: anything,
  RADAR_PATH: anything,
  THREAD_MEMORY_DAYS: days,
  AUDIT_RETENTION_DAYS: days,
  AUDIT_STORE_TEXT: (b) => (['true', 'false'].includes(b.toLowerCase()) ? undefined : 'not-boolean'),
  LOG_LEVEL: (l) => ((LOG_LEVELS as readonly string[]).includes(l.toLowerCase()) ? undefined : 'log-level'),
  LOG_FORMAT: (f) => ((LOG_FORMATS as readonly string[]).includes(f.toLowerCase()) ? undefined : 'log-format'),
};

/** What a checked value becomes: a number, a boolean, a lower-case word; the trimmed text otherwise. */
const READ: Record<string, (value: string) => string | number | boolean> = {
  PORT: Number,
  THREAD_MEMORY_DAYS: Number,
  AUDIT_RETENTION_DAYS: Number,
  AUDIT_STORE_TEXT: (b) => b.toLowerCase() === 'true',
  LOG_LEVEL: (l) => l.toLowerCase(),
  LOG_FORMAT: (f) => f.toLowerCase(),
};

/** The variables, checked and trimmed (numbers and booleans read, levels lower case); absent when unset or blank. */
interface Env {
  SLACK_BOT_TOKEN?: string;
  SLACK_CLIENT_ID?: string;
  SLACK_CLIENT_SECRET?: string;
  SLACK_STATE_SECRET?: string;
  DATABASE_URL?: string;
  TOKEN_ENCRYPTION_KEY?: string;
  SLACK_SIGNING_SECRET?: string;
  SLACK_APP_TOKEN?: string;
  PORT?: number;
  HOST?: string;
  SLACK_API_URL?: string;
  KNOWLEDGE_PATH?: string;
  RADAR_PATH?: string;
  THREAD_MEMORY_DAYS?: number;
  AUDIT_RETENTION_DAYS?: number;
  AUDIT_STORE_TEXT?: boolean;
  LOG_LEVEL?: LogLevelName;
  LOG_FORMAT?: LogFormat;
}

/** Each variable checked: an empty value (KEY= in .env) means "not set", as people copy .env.example with blanks. */
export function checkEnv(env: Readonly<Record<string, unknown>>): {
  readonly data: Env;
  readonly issues: { name: string; message: string }[];
} {
  const data: Record<string, string | number | boolean> = {};
  const issues: { name: string; message: string }[] = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    const raw = env[name];
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    if (typeof raw !== 'string') {
      issues.push({ name, message: name === 'SLACK_BOT_TOKEN' ? 'not-text' : 'invalid' });
      continue;
    }
    const value = raw.trim();
    const issue = check(value);
    if (issue !== undefined) issues.push({ name, message: issue });
    else data[name] = READ[name]?.(value) ?? value;
  }
  return { data: data as Env, issues };
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** How log lines are written: JSON lines (the default) or readable lines. */
export type LogFormat = 'json' | 'pretty';

/** The bot's settings, validated. Socket Mode when an app token is given, HTTP mode otherwise. */
export type Config =
  | (CommonConfig & {
      readonly mode: 'http';
      readonly signingSecret: string;
      readonly port: number;
      /** The address to listen on; all interfaces when not set. */
      readonly host?: string;
    })
  | (CommonConfig & {
      readonly mode: 'socket';
      readonly appToken: string;
      readonly signingSecret?: string;
      /** Where /healthz, /readyz, /metrics (and the OAuth pages when distributed) are served. */
      readonly port: number;
      readonly host?: string;
    });

/** Distributed mode: installed into any workspace or org through OAuth, installations kept in PostgreSQL. */
export interface Distribution {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly databaseUrl: string;
  /** The 32-byte AES-256-GCM key that seals tokens at rest. */
  readonly encryptionKey: Buffer;
  /** How long a thread's context is kept in the database after the bot's latest answer in it (THREAD_MEMORY_DAYS). */
  readonly threadMemoryDays: number;
  /** How long the record of an answer is kept (AUDIT_RETENTION_DAYS). */
  readonly auditRetentionDays: number;
  /** Whether the record of an answer keeps the asker's words (AUDIT_STORE_TEXT=true); never by default. */
  readonly auditStoreText: boolean;
}

/** One workspace with its bot token and no database, or distributed: exactly one of the two. */
type Workspaces =
  | { readonly botToken: string; readonly distribution?: undefined }
  | { readonly botToken?: undefined; readonly distribution: Distribution };

type CommonConfig = Workspaces & {
  /** With a trailing slash, as the Web API client joins method names to it. */
  readonly slackApiUrl?: string;
  readonly knowledgePath?: string;
  /** The organisation's technology radar (Backstage JSON or a BYOR CSV): answers follow it. */
  readonly radarPath?: string;
  readonly logLevel: LogLevelName;
  readonly logFormat: LogFormat;
};

/** One entry per variable: its name and what is wrong (the catalogs say where to get it). Never the value. */
export type ConfigFailure = Failure<'config-invalid'>;

const ISSUES: ReadonlySet<string> = new Set(CONFIG_ISSUES);

/** The settings of distributed mode: any one of them set means the app is distributed. */
export const DISTRIBUTION_SETTINGS = [
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'DATABASE_URL',
  'TOKEN_ENCRYPTION_KEY',
] as const;
/** Optional settings that only a distributed app reads (they never make the app distributed by themselves). */
export const DISTRIBUTION_OPTIONS = ['THREAD_MEMORY_DAYS', 'AUDIT_RETENTION_DAYS', 'AUDIT_STORE_TEXT'] as const;
export const DEFAULT_THREAD_MEMORY_DAYS = 30;
export const DEFAULT_AUDIT_RETENTION_DAYS = 90;
const issueOf = (message: string): ConfigIssue => (ISSUES.has(message) ? (message as ConfigIssue) : 'invalid');

const DEFAULT_PORT = 3000;

/** Validates the environment. The failure names each bad variable and where to get it, and never echoes a value. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Result<Config, ConfigFailure> {
  const parsed = checkEnv(env);
  const issues = [...parsed.issues];
  // Across variables, checked here rather than in the schema so that it is reported along with the others.
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (!set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    issues.push({ name: 'SLACK_SIGNING_SECRET', message: 'missing' });
  }
  const distributing = DISTRIBUTION_SETTINGS.filter(set);
  if (set('SLACK_BOT_TOKEN') && distributing.length > 0) {
    // Both ways at once: every setting involved is named, so the operator sees what to remove.
    issues.unshift({ name: 'SLACK_BOT_TOKEN', message: 'single-with-distribution' });
    for (const name of distributing) issues.push({ name, message: 'distribution-with-single' });
    for (const name of DISTRIBUTION_OPTIONS) if (set(name)) issues.push({ name, message: 'distribution-with-single' });
  } else if (distributing.length > 0) {
    for (const name of DISTRIBUTION_SETTINGS) if (!set(name)) issues.push({ name, message: 'needed-to-distribute' });
  } else if (!set('SLACK_BOT_TOKEN')) {
    issues.unshift({ name: 'SLACK_BOT_TOKEN', message: 'missing' });
  } else {
    // One workspace keeps no database: these settings would do nothing, which is worth saying rather than ignoring.
    for (const name of DISTRIBUTION_OPTIONS) if (set(name)) issues.push({ name, message: 'distribution-with-single' });
  }
  if (issues.length > 0) {
    const seen = new Set<string>();
    const problems: { name: string; issue: ConfigIssue }[] = [];
    for (const { name, message } of issues) {
      if (seen.has(name)) continue;
      seen.add(name);
      problems.push({ name, issue: issueOf(message) });
    }
    return fail(failure('config-invalid', { problems }));
  }
  const e = parsed.data;
  const key = e.TOKEN_ENCRYPTION_KEY === undefined ? undefined : encryptionKey(e.TOKEN_ENCRYPTION_KEY);
  const workspaces: Workspaces =
    e.SLACK_BOT_TOKEN !== undefined
      ? { botToken: e.SLACK_BOT_TOKEN }
      : e.SLACK_CLIENT_ID !== undefined &&
          e.SLACK_CLIENT_SECRET !== undefined &&
          e.SLACK_STATE_SECRET !== undefined &&
          e.DATABASE_URL !== undefined &&
          key !== undefined
        ? {
            distribution: {
              clientId: e.SLACK_CLIENT_ID,
              clientSecret: e.SLACK_CLIENT_SECRET,
              stateSecret: e.SLACK_STATE_SECRET,
              databaseUrl: e.DATABASE_URL,
              encryptionKey: key,
              threadMemoryDays: e.THREAD_MEMORY_DAYS ?? DEFAULT_THREAD_MEMORY_DAYS,
              auditRetentionDays: e.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS,
              auditStoreText: e.AUDIT_STORE_TEXT ?? false,
            },
          }
        : (() => {
            throw new Error('unreachable: neither a bot token nor the distribution settings');
          })();
  const common: CommonConfig = {
    ...workspaces,
    ...(e.SLACK_API_URL === undefined
      ? {}
      : { slackApiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` }),
    ...(e.KNOWLEDGE_PATH === undefined ? {} : { knowledgePath: e.KNOWLEDGE_PATH }),
    ...(e.RADAR_PATH === undefined ? {} : { radarPath: e.RADAR_PATH }),
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT ?? 'json',
  };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return ok({
      ...common,
      mode: 'socket',
      appToken: e.SLACK_APP_TOKEN,
      ...(e.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: e.SLACK_SIGNING_SECRET }),
      port: e.PORT ?? DEFAULT_PORT,
      ...(e.HOST === undefined ? {} : { host: e.HOST }),
    });
  }
  // Checked above: HTTP mode has a signing secret. This line narrows the type without a `!`.
  if (e.SLACK_SIGNING_SECRET === undefined) throw new Error('unreachable: HTTP mode without a signing secret');
  return ok({
    ...common,
    mode: 'http',
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ?? DEFAULT_PORT,
    ...(e.HOST === undefined ? {} : { host: e.HOST }),
  });
}
