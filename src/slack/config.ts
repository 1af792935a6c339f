import { z } from 'zod';
import type { ConfigIssue } from '../failure.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { encryptionKey } from '../store/cipher.js';

// An empty value (KEY= in .env) means "not set", as people copy .env.example with blanks.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const noSpaces = (s: string) => !/\s/.test(s);

const oneWord = optional(z.string().trim().regex(/^\S+$/, 'not-one-word'));

// How long something is kept, in whole days: at least one, at most ten years.
const days = optional(
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'not-days')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 3650, 'not-days'),
);

const EnvSchema = z.object({
  // Missing is reported below: it is needed only when the app is not distributed.
  SLACK_BOT_TOKEN: optional(
    z
      .string({ error: 'not-text' })
      .trim()
      // Another kind of Slack token is a mistake worth stopping for; an unknown form (a proxy's, a test's) is let through.
      .refine((t) => !/^xo(xp|xa|xe)-|^xapp-/.test(t) && noSpaces(t), 'not-bot-token'),
  ),
  SLACK_CLIENT_ID: oneWord,
  SLACK_CLIENT_SECRET: oneWord,
  SLACK_STATE_SECRET: oneWord,
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .refine((u) => /^postgres(ql)?:\/\//.test(u) && URL.canParse(u), 'not-database-url'),
  ),
  TOKEN_ENCRYPTION_KEY: optional(
    z
      .string()
      .trim()
      .refine((k) => encryptionKey(k) !== undefined, 'not-encryption-key'),
  ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      // Slack's secrets are hex, but test and proxy set-ups use others: any single word is accepted.
      .regex(/^\S+$/, 'not-signing-secret'),
  ),
  SLACK_APP_TOKEN: optional(
    z
      .string()
      .trim()
      .refine((t) => !/^xox[bpae]-/.test(t) && noSpaces(t), 'not-app-token'),
  ),
  PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'not-whole-number')
      .transform(Number)
      .refine((n) => n >= 0 && n <= 65535, 'port-range'),
  ),
  HOST: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.:[\]%-]{1,253}$/, 'not-host'),
  ),
  SLACK_API_URL: optional(
    z
      .string()
      .trim()
      .refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), 'not-url')
      // fetch refuses such a URL, and a password in a setting ends up in logs and error messages.
      .refine((u) => !URL.canParse(u) || (new URL(u).username === '' && new URL(u).password === ''), {
        message: 'url-credentials',
        abort: true,
      }),
  ),
  KNOWLEDGE_PATH: optional(z.string().trim()),
  RADAR_PATH: optional(z.string().trim()),
  THREAD_MEMORY_DAYS: days,
  AUDIT_RETENTION_DAYS: days,
  AUDIT_STORE_TEXT: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['true', 'false'], { error: 'not-boolean' }))
      .transform((v) => v === 'true'),
  ),
  LOG_LEVEL: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['debug', 'info', 'warn', 'error'], { error: 'log-level' })),
  ),
  LOG_FORMAT: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['json', 'pretty'], { error: 'log-format' })),
  ),
});

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

const ISSUES = new Set<string>([
  'missing',
  'not-text',
  'not-bot-token',
  'not-signing-secret',
  'not-app-token',
  'not-whole-number',
  'port-range',
  'not-url',
  'url-credentials',
  'log-level',
  'log-format',
  'not-host',
  'not-one-word',
  'not-database-url',
  'not-encryption-key',
  'single-with-distribution',
  'distribution-with-single',
  'needed-to-distribute',
  'not-days',
  'not-boolean',
]);

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
  const parsed = EnvSchema.safeParse(env);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ name: String(i.path[0]), message: i.message }));
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
  if (!parsed.success || issues.length > 0) {
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
