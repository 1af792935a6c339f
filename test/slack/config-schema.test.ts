import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEnv } from '../../src/slack/config.js';
import { encryptionKey } from '../../src/store/cipher.js';

/**
 * src/slack/config.ts checks the environment by hand (zod costs a sixth of the bot's start-up to import). This is
 * the zod schema it replaced, verbatim: on generated environments both must keep the same values and report the same
 * first issue for each variable, in the same order (what loadConfig reports).
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const noSpaces = (s: string) => !/\s/.test(s);
const oneWord = optional(z.string().trim().regex(/^\S+$/, 'not-one-word'));
const days = optional(
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'not-days')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 3650, 'not-days'),
);
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(
    z
      .string({ error: 'not-text' })
      .trim()
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
  SLACK_SIGNING_SECRET: optional(z.string().trim().regex(/^\S+$/, 'not-signing-secret')),
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

const KNOWN = new Set([
  'not-text',
  'not-bot-token',
  'not-one-word',
  'not-database-url',
  'not-encryption-key',
  'not-signing-secret',
  'not-app-token',
  'not-whole-number',
  'port-range',
  'not-host',
  'not-url',
  'url-credentials',
  'log-level',
  'log-format',
  'not-days',
  'not-boolean',
]);

/** zod's verdict as loadConfig reads it: the first issue of each variable, unknown messages as 'invalid'. */
function byZod(env: Record<string, unknown>) {
  const parsed = EnvSchema.safeParse(env);
  if (parsed.success) return { data: parsed.data, issues: [] };
  const seen = new Set<string>();
  const issues: { name: string; message: string }[] = [];
  for (const i of parsed.error.issues) {
    const name = String(i.path[0]);
    if (seen.has(name)) continue;
    seen.add(name);
    issues.push({ name, message: KNOWN.has(i.message) ? i.message : 'invalid' });
  }
  return { issues };
}

function byHand(env: Record<string, unknown>) {
  const checked = checkEnv(env);
  return checked.issues.length === 0
    ? { data: checked.data, issues: [] }
    : { issues: checked.issues.map((i) => ({ ...i, message: KNOWN.has(i.message) ? i.message : 'invalid' })) };
}

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const VALUES = [
  undefined,
  '',
  '   ',
  ' x ',
  'a b',
  'xoxb-1-abc',
  ' xoxb-1-abc ',
  'xoxp-1',
  'xapp-1-abc',
  'xoxa-2',
  'xoxe-3',
  '0123456789abcdef',
  'postgres://u@db:5432/x',
  'postgresql://db/x',
  'postgres://',
  'mysql://db',
  KEY,
  ` ${KEY} `,
  `${KEY}=`,
  'AAAA',
  '3000',
  ' 8080 ',
  '0',
  '65535',
  '65536',
  '99999999999',
  '-1',
  '3.5',
  '0x10',
  'localhost',
  '::1',
  '[::1]',
  'fe80::1%eth0',
  'a'.repeat(254),
  'https://slack.com/api/',
  'http://127.0.0.1:9/api',
  'https://user:pw@slack.com/api',
  'https://user@slack.com',
  'https:// bad',
  'ftp://x',
  'https://',
  'DEBUG',
  ' Info ',
  'warn',
  'error',
  'trace',
  'json',
  ' Pretty ',
  'TRUE',
  'false',
  'yes',
  '1',
  '30',
  '3650',
  '3651',
  './ours.yaml',
  3000,
  null,
  true,
];
const NAMES = [
  'SLACK_BOT_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'DATABASE_URL',
  'TOKEN_ENCRYPTION_KEY',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'PORT',
  'HOST',
  'SLACK_API_URL',
  'KNOWLEDGE_PATH',
  'RADAR_PATH',
  'THREAD_MEMORY_DAYS',
  'AUDIT_RETENTION_DAYS',
  'AUDIT_STORE_TEXT',
  'LOG_LEVEL',
  'LOG_FORMAT',
];

describe('the hand-written settings check', () => {
  it('agrees with the zod schema it replaced on every value of every variable', () => {
    for (const name of NAMES) {
      for (const value of VALUES) {
        const env = { [name]: value };
        expect(byHand(env), `${name}=${JSON.stringify(value)}`).toEqual(byZod(env));
      }
    }
  });

  it('agrees with it on generated environments, issues in the same order', () => {
    const env = fc.dictionary(
      fc.constantFrom(...NAMES),
      fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })),
    );
    fc.assert(
      fc.property(env, (e) => {
        expect(byHand(e)).toEqual(byZod(e));
      }),
      { numRuns: 2000 },
    );
  });
});
