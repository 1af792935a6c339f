import { randomBytes } from 'node:crypto';
import type { App, Installation } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { distributedOptions, type Installations } from '../../src/slack/distribution.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { type TestDatabase, testDatabase } from '../store/test-database.js';
import { distributedConfig, startDistributedApp } from './distributed-app.js';
import { FakeSlack } from './fake-slack.js';
import { JSON_TYPE, send } from './slack-requests.js';

/**
 * Thread memory and the answer log end to end, in distributed mode: bot processes (each its own Bolt app over HTTP,
 * its own pool) sharing one PostgreSQL database, against the fake Slack Web API.
 */

const fake = new FakeSlack();
const KEY = randomBytes(32).toString('base64');
let database: TestDatabase;

interface Bot {
  readonly app: App;
  readonly installations: Installations;
  readonly logger: RecordingLogger;
  readonly events: string;
}
const bots: Bot[] = [];

/** One bot process: its own pool on the shared database, its own app and port. */
async function startBot(extra: Record<string, string> = {}): Promise<Bot> {
  const config = distributedConfig(fake, database.url, { TOKEN_ENCRYPTION_KEY: KEY, ...extra });
  const logger = new RecordingLogger();
  const { app, installations, base } = await startDistributedApp(config, fake, logger, (opened) => ({
    ...distributedOptions(opened),
    webClient: { retries: 0 },
  }));
  const bot = { app, installations, logger, events: `${base}/slack/events` };
  bots.push(bot);
  return bot;
}

let a: Bot;
let b: Bot;

beforeAll(async () => {
  await fake.start();
  database = await testDatabase();
  a = await startBot();
  b = await startBot();
  await a.installations.store.storeInstallation({
    team: { id: 'TA', name: 'ta' },
    enterprise: undefined,
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-team-a', scopes: ['chat:write'], id: 'BBOT', userId: 'UBOT' },
    appId: 'A0STACK',
    authVersion: 'v2',
    isEnterpriseInstall: false,
    tokenType: 'bot',
  } as Installation);
}, 60_000);

afterAll(async () => {
  for (const bot of bots) {
    await bot.app.stop();
    await bot.installations.close();
  }
  await database.drop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
});

/** An @-mention from workspace TA, in a thread when `threadTs` is given; returns its ts. */
async function mention(bot: Bot, text: string, threadTs?: string): Promise<string> {
  const ts = fake.nextTs();
  fake.addMessage({
    channel: 'C0DESIGN',
    ts,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    text,
    user: 'U0ASKER',
  });
  const body = JSON.stringify({
    token: 'deprecated',
    team_id: 'TA',
    api_app_id: 'A0STACK',
    event: {
      type: 'app_mention',
      user: 'U0ASKER',
      text: `<@UBOT> ${text}`,
      ts,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      channel: 'C0DESIGN',
      event_ts: ts,
    },
    type: 'event_callback',
    event_id: `Ev${randomBytes(6).toString('hex')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'TA', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
  const res = await send(bot.events, body, JSON_TYPE);
  expect(res.status).toBe(200);
  return ts;
}

interface Posted {
  thread_ts?: string;
  metadata?: { event_payload?: { needs?: { need: string }[]; constraints?: { quantity: string }[] } };
}

/** The answer posted into a thread. */
const answerIn = (threadTs: string): Promise<Posted> =>
  vi.waitFor(
    () => {
      const posted = fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === threadTs);
      if (posted === undefined) throw new Error(`no answer in ${threadTs} yet`);
      return posted.args as Posted;
    },
    { timeout: 5_000, interval: 20 },
  );

/** The thread's row, once written. */
const rowOf = (threadTs: string) =>
  vi.waitFor(
    async () => {
      const rows = await a.installations.pool.query('SELECT * FROM thread_memory WHERE thread_ts = $1', [threadTs]);
      if (rows.rowCount === 0) throw new Error(`no row for ${threadTs} yet`);
      return rows.rows[0];
    },
    { timeout: 5_000, interval: 20 },
  );

const answerRows = (where: string, params: unknown[]) =>
  vi.waitFor(
    async () => {
      const rows = await a.installations.pool.query(`SELECT * FROM answers WHERE ${where}`, params);
      if (rows.rowCount === 0) throw new Error('no answers row yet');
      return rows.rows;
    },
    { timeout: 5_000, interval: 20 },
  );

describe('thread memory across two bot processes sharing one database', () => {
  it('an answer through A, a follow-up in its thread through B: B reads the context from the database, not Slack', async () => {
    const root = await mention(a, 'edge, cold start < 10ms');
    await answerIn(root);
    const row = await rowOf(root);
    expect(row).toMatchObject({ client_id: '1234.5678', team_id: 'TA', channel_id: 'C0DESIGN' });
    expect(row.carried.constraints[0]).toMatchObject({ quantity: 'cold_start', comparator: '<', value: 10 });
    fake.reset();

    await mention(b, 'memory < 50MB', root);
    const followUp = await answerIn(root);
    // B built on A's answer (cold start carried over) and never asked Slack for the thread.
    expect(followUp.metadata?.event_payload?.constraints?.map((c) => c.quantity).sort()).toEqual([
      'cold_start',
      'memory',
    ]);
    expect(fake.callsTo('conversations.replies')).toHaveLength(0);
    // The row now holds B's answer, with both numbers.
    await vi.waitFor(async () => {
      const now = await rowOf(root);
      expect(now.carried.constraints).toHaveLength(2);
    });
  });

  it('a thread missing from the database is read from Slack once, then kept: the next follow-up needs no read', async () => {
    const root = await mention(a, 'strong isolation, compliance');
    await answerIn(root);
    await rowOf(root);
    await a.installations.pool.query('DELETE FROM thread_memory WHERE thread_ts = $1', [root]);
    fake.reset();

    await mention(b, 'multi-tenant', root);
    await answerIn(root);
    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
    await rowOf(root);
    fake.reset();

    await mention(a, 'also edge', root);
    await answerIn(root);
    expect(fake.callsTo('conversations.replies')).toHaveLength(0);
  });

  it('an expired row is not used: Slack is asked, as for a missing one', async () => {
    const root = await mention(a, 'edge');
    await answerIn(root);
    await rowOf(root);
    await a.installations.pool.query(
      "UPDATE thread_memory SET expires_at = now() - interval '1 second' WHERE thread_ts = $1",
      [root],
    );
    fake.reset();
    await mention(b, 'cold start < 5ms', root);
    await answerIn(root);
    expect(fake.callsTo('conversations.replies')).toHaveLength(1);
  });
});

describe('what was answered', () => {
  it("leaves one answers row per answer, with the facts and without the asker's words by default", async () => {
    const root = await mention(a, 'edge, cold start < 10ms, project Nightingale');
    await answerIn(root);
    const rows = await answerRows("team_id = $1 AND answered_at > now() - interval '1 minute' AND surface = $2", [
      'TA',
      'mention',
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const mine = rows.at(-1);
    expect(mine).toMatchObject({
      client_id: '1234.5678',
      enterprise_id: '',
      team_id: 'TA',
      channel_type: 'channel',
      surface: 'mention',
      kind: 'advice',
      language: 'en',
      request_text: null,
    });
    expect(mine.stack_id).toEqual(expect.any(String));
    expect(mine.normal_form).toEqual(expect.any(String));
    expect(mine.knowledge_version).toEqual(expect.any(String));
    expect(mine.duration_ms).toBeGreaterThanOrEqual(0);
    const all = await a.installations.pool.query('SELECT request_text FROM answers');
    expect(JSON.stringify(all.rows)).not.toContain('Nightingale');
  });

  it('keeps the words too with AUDIT_STORE_TEXT=true', async () => {
    const c = await startBot({ AUDIT_STORE_TEXT: 'true' });
    const root = await mention(c, 'strong isolation, project Kestrel');
    await answerIn(root);
    const rows = await answerRows('request_text LIKE $1', ['%Kestrel%']);
    expect(rows).toHaveLength(1);
    expect(rows[0].request_text).toBe('strong isolation, project Kestrel');
  });
});
