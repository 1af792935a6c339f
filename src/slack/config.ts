import { z } from 'zod';
import { type Failure, fail, ok, type Result } from '../algebra/result.js';

/** Where each setting comes from, for the start-up message when one is missing or malformed. */
const WHERE: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN:
    'the Bot User OAuth Token (xoxb-…): api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token (install the app to your workspace first)',
  SLACK_SIGNING_SECRET:
    'needed in HTTP mode (when SLACK_APP_TOKEN is not set): api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN:
    'optional; set it for Socket Mode (xapp-…): api.slack.com/apps → your app → Basic Information → App-Level Tokens → Generate, scope connections:write',
  HOST: 'optional; the address the HTTP server listens on, e.g. 127.0.0.1 behind a sidecar proxy (default: all interfaces)',
  PORT: 'optional; the HTTP port, a whole number from 0 to 65535 (default 3000; 0 picks any free port)',
  SLACK_API_URL:
    'optional; the Slack Web API base URL, e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/)',
  KNOWLEDGE_PATH: 'optional; a YAML file that adds to or overrides the built-in knowledge base',
  LOG_LEVEL: 'optional; one of debug, info, warn, error (default info)',
};

// An empty value (KEY= in .env) means "not set", as people copy .env.example with blanks.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const noSpaces = (s: string) => !/\s/.test(s);

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
    .trim()
    .min(1, 'is missing')
    // Another kind of Slack token is a mistake worth stopping for; an unknown form (a proxy's, a test's) is let through.
    .refine(
      (t) => !/^xo(xp|xa|xe)-|^xapp-/.test(t) && noSpaces(t),
      'does not look like a bot token (it starts with xoxb-)',
    ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      // Slack's secrets are hex, but test and proxy set-ups use others: any single word is accepted.
      .regex(/^\S+$/, 'does not look like a signing secret (one word, no spaces)'),
  ),
  SLACK_APP_TOKEN: optional(
    z
      .string()
      .trim()
      .refine(
        (t) => !/^xox[bpae]-/.test(t) && noSpaces(t),
        'does not look like an app-level token (it starts with xapp-)',
      ),
  ),
  PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .refine((n) => n >= 0 && n <= 65535, 'must be between 0 and 65535'),
  ),
  HOST: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.:[\]%-]{1,253}$/, 'must be a host name or an IP address'),
  ),
  SLACK_API_URL: optional(
    z
      .string()
      .trim()
      .refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), 'must be an http(s) URL')
      // fetch refuses such a URL, and a password in a setting ends up in logs and error messages.
      .refine((u) => !URL.canParse(u) || (new URL(u).username === '' && new URL(u).password === ''), {
        message: 'must not contain a user name or password',
        abort: true,
      }),
  ),
  KNOWLEDGE_PATH: optional(z.string().trim()),
  LOG_LEVEL: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' })),
  ),
});

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** The bot's settings, validated. Socket Mode when an app token is given, HTTP mode otherwise. */
export type Config =
  | (CommonConfig & {
      readonly mode: 'http';
      readonly signingSecret: string;
      readonly port: number;
      /** The address to listen on; all interfaces when not set. */
      readonly host?: string;
    })
  | (CommonConfig & { readonly mode: 'socket'; readonly appToken: string; readonly signingSecret?: string });

interface CommonConfig {
  readonly botToken: string;
  /** With a trailing slash, as the Web API client joins method names to it. */
  readonly slackApiUrl?: string;
  readonly knowledgePath?: string;
  readonly logLevel: LogLevelName;
}

export interface ConfigFailure extends Failure {
  readonly code: 'config-invalid';
  /** One line per variable: its name, what is wrong, where to get it. Never the value. */
  readonly problems: readonly string[];
}

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
    issues.push({ name: 'SLACK_SIGNING_SECRET', message: 'is missing' });
  }
  if (!parsed.success || issues.length > 0) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const { name, message } of issues) {
      if (seen.has(name)) continue;
      seen.add(name);
      problems.push(`${name} ${message}. ${name in WHERE ? `It is ${WHERE[name]}.` : ''}`.trim());
    }
    return fail({
      code: 'config-invalid',
      problems,
      message: [
        'stack-advisor cannot start: the Slack settings are incomplete or malformed.',
        ...problems.map((p) => `  - ${p}`),
        'Put them in a .env file (see .env.example) or in the environment, then start again.',
      ].join('\n'),
    });
  }
  const e = parsed.data;
  const common: CommonConfig = {
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_API_URL === undefined
      ? {}
      : { slackApiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` }),
    ...(e.KNOWLEDGE_PATH === undefined ? {} : { knowledgePath: e.KNOWLEDGE_PATH }),
    logLevel: e.LOG_LEVEL ?? 'info',
  };
  if (e.SLACK_APP_TOKEN !== undefined) {
    return ok({
      ...common,
      mode: 'socket',
      appToken: e.SLACK_APP_TOKEN,
      ...(e.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: e.SLACK_SIGNING_SECRET }),
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
