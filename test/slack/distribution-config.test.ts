import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { failure } from '../../src/failure.js';
import { messages } from '../../src/render/messages/index.js';
import { loadConfig } from '../../src/slack/config.js';
import { BOT_SCOPES } from '../../src/slack/distribution.js';

const KEY = randomBytes(32).toString('base64');
const DISTRIBUTED = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret',
  DATABASE_URL: 'postgres://bot:pw@db:5432/stackadvisor',
  TOKEN_ENCRYPTION_KEY: KEY,
  SLACK_SIGNING_SECRET: 'abc123',
};

const problems = (env: Record<string, string>) => {
  const config = loadConfig(env);
  return config.ok ? [] : config.error.params.problems;
};

describe('the two modes', () => {
  it('single workspace: a bot token and no database, as before (no distribution)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc' });
    expect(config.ok && config.value.distribution).toBeUndefined();
  });

  it('distributed: all five settings, no bot token; the key is read as 32 bytes', () => {
    const config = loadConfig(DISTRIBUTED);
    if (!config.ok) throw new Error('refused');
    expect(config.value.botToken).toBeUndefined();
    expect(config.value.distribution?.clientId).toBe('1234.5678');
    expect(config.value.distribution?.encryptionKey.length).toBe(32);
  });

  it('refuses a bot token mixed with distribution settings, naming each setting involved', () => {
    expect(problems({ ...DISTRIBUTED, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      { name: 'SLACK_BOT_TOKEN', issue: 'single-with-distribution' },
      { name: 'SLACK_CLIENT_ID', issue: 'distribution-with-single' },
      { name: 'SLACK_CLIENT_SECRET', issue: 'distribution-with-single' },
      { name: 'SLACK_STATE_SECRET', issue: 'distribution-with-single' },
      { name: 'DATABASE_URL', issue: 'distribution-with-single' },
      { name: 'TOKEN_ENCRYPTION_KEY', issue: 'distribution-with-single' },
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a', DATABASE_URL: 'postgres://db/x' })).toEqual(
      [
        { name: 'SLACK_BOT_TOKEN', issue: 'single-with-distribution' },
        { name: 'DATABASE_URL', issue: 'distribution-with-single' },
      ],
    );
  });

  it('refuses a distribution with a piece missing, naming each missing one', () => {
    expect(problems({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 'a', TOKEN_ENCRYPTION_KEY: KEY })).toEqual([
      { name: 'SLACK_CLIENT_SECRET', issue: 'needed-to-distribute' },
      { name: 'SLACK_STATE_SECRET', issue: 'needed-to-distribute' },
      { name: 'DATABASE_URL', issue: 'needed-to-distribute' },
    ]);
  });

  it('refuses a malformed key or database URL without printing either', () => {
    const env = { ...DISTRIBUTED, TOKEN_ENCRYPTION_KEY: 'not-a-key-at-all', DATABASE_URL: 'mysql://secret@db/x' };
    const found = problems(env);
    expect(found).toEqual([
      { name: 'DATABASE_URL', issue: 'not-database-url' },
      { name: 'TOKEN_ENCRYPTION_KEY', issue: 'not-encryption-key' },
    ]);
    for (const language of ['en', 'zh'] as const) {
      const text = messages(language).failure(failure('config-invalid', { problems: found }));
      expect(text).toContain('TOKEN_ENCRYPTION_KEY');
      expect(text).not.toContain('not-a-key-at-all');
      expect(text).not.toContain('secret@db');
    }
  });

  it('says, in both languages, what a mixed set-up is and where each distribution setting comes from', () => {
    const found = problems({ ...DISTRIBUTED, SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(messages('en').failure(failure('config-invalid', { problems: found }))).toMatch(/Client ID[\s\S]*openssl/);
    expect(messages('zh').failure(failure('config-invalid', { problems: found }))).toContain('不能两者兼有');
  });
});

describe('thread memory and answer log settings', () => {
  it('default to 30 days of thread memory, 90 days of answers, and no words kept', () => {
    const config = loadConfig(DISTRIBUTED);
    if (!config.ok) throw new Error('refused');
    expect(config.value.distribution).toMatchObject({
      threadMemoryDays: 30,
      auditRetentionDays: 90,
      auditStoreText: false,
    });
  });

  it('take whole days from 1 to 3650 and true or false', () => {
    const config = loadConfig({
      ...DISTRIBUTED,
      THREAD_MEMORY_DAYS: '7',
      AUDIT_RETENTION_DAYS: ' 365 ',
      AUDIT_STORE_TEXT: 'TRUE',
    });
    if (!config.ok) throw new Error('refused');
    expect(config.value.distribution).toMatchObject({
      threadMemoryDays: 7,
      auditRetentionDays: 365,
      auditStoreText: true,
    });
    const off = loadConfig({ ...DISTRIBUTED, AUDIT_STORE_TEXT: 'false', THREAD_MEMORY_DAYS: '' });
    expect(off.ok && off.value.distribution).toMatchObject({ auditStoreText: false, threadMemoryDays: 30 });
  });

  it('refuse anything else, naming each setting, in both languages', () => {
    const found = problems({
      ...DISTRIBUTED,
      THREAD_MEMORY_DAYS: '0',
      AUDIT_RETENTION_DAYS: '90d',
      AUDIT_STORE_TEXT: 'yes',
    });
    expect(found).toEqual([
      { name: 'THREAD_MEMORY_DAYS', issue: 'not-days' },
      { name: 'AUDIT_RETENTION_DAYS', issue: 'not-days' },
      { name: 'AUDIT_STORE_TEXT', issue: 'not-boolean' },
    ]);
    expect(problems({ ...DISTRIBUTED, THREAD_MEMORY_DAYS: '3651' })).toEqual([
      { name: 'THREAD_MEMORY_DAYS', issue: 'not-days' },
    ]);
    const en = messages('en').failure(failure('config-invalid', { problems: found }));
    expect(en).toContain('THREAD_MEMORY_DAYS must be a whole number of days from 1 to 3650');
    expect(en).toContain('AUDIT_STORE_TEXT must be true or false');
    const zh = messages('zh').failure(failure('config-invalid', { problems: found }));
    expect(zh).toContain('AUDIT_STORE_TEXT 必须是 true 或 false');
  });

  it('are refused beside a single-workspace bot token, which keeps no database', () => {
    expect(
      problems({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'a',
        AUDIT_STORE_TEXT: 'true',
        THREAD_MEMORY_DAYS: '3',
      }),
    ).toEqual([
      { name: 'THREAD_MEMORY_DAYS', issue: 'distribution-with-single' },
      { name: 'AUDIT_STORE_TEXT', issue: 'distribution-with-single' },
    ]);
    // Alone, they do not make an app distributed: the bot token is what is missing.
    expect(problems({ SLACK_SIGNING_SECRET: 'a', AUDIT_RETENTION_DAYS: '30' })).toEqual([
      { name: 'SLACK_BOT_TOKEN', issue: 'missing' },
    ]);
  });
});

describe('OAuth scopes', () => {
  it('an OAuth install asks for the bot scopes manifest.yml declares', () => {
    const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });
});
