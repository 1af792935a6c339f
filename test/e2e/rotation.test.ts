import { randomBytes } from 'node:crypto';
import { type App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/slack/config.js';
import type { Installations } from '../../src/slack/distribution.js';
import { TokenCipher } from '../../src/store/cipher.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { type TestDatabase, testDatabase } from '../store/test-database.js';
import { distributedConfig, startDistributedApp } from './distributed-app.js';
import { FakeSlack, type Grant } from './fake-slack.js';
import { JSON_TYPE, send } from './slack-requests.js';

/**
 * Token rotation and user tokens end to end: two replicas of the real app (HTTP mode, Bolt's OAuth installer), each
 * with its own connection pool on one PostgreSQL database (or PGlite over the wire), the fake Slack Web API issuing
 * rotating tokens and refusing a refresh token spent twice, as Slack does.
 */

const fake = new FakeSlack();
const logger = new RecordingLogger();
const KEY = randomBytes(32);
const cipher = new TokenCipher(KEY);
let database: TestDatabase;

interface Replica {
  readonly app: App;
  readonly installations: Installations;
  readonly base: string;
  /** What each event's listeners were given: the asker and the user token in the context (if any). */
  readonly seen: { user: string | undefined; userToken: string | undefined; botToken: string | undefined }[];
}
const replicas: Replica[] = [];

async function startReplica(config: Config): Promise<Replica> {
  const seen: Replica['seen'] = [];
  const { app, installations, base } = await startDistributedApp(
    config,
    fake,
    logger,
    (opened) => ({ installations: opened.store, webClient: { retries: 0 } }),
    (app) => {
      // A probe, not a stand-in: global middleware runs after authorization, before the bot's own listeners.
      app.use(async ({ body, context, next }) => {
        const event = (body as { event?: { user?: string } }).event;
        seen.push({ user: event?.user, userToken: context.userToken, botToken: context.botToken });
        await next();
      });
    },
  );
  return { app, installations, base, seen };
}

beforeAll(async () => {
  await fake.start();
  database = await testDatabase();
  const config = distributedConfig(fake, database.url, { TOKEN_ENCRYPTION_KEY: KEY.toString('base64') });
  // One after the other: the second finds the migrations applied.
  replicas.push(await startReplica(config));
  replicas.push(await startReplica(config));
}, 60_000);

afterAll(async () => {
  for (const r of replicas) {
    await r.app.stop();
    await r.installations.pool.end();
  }
  await database.drop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
  for (const r of replicas) r.seen.length = 0;
});

/** Installs through replica A's install page and callback, as a browser would. */
async function install(code: string, grant: Grant): Promise<void> {
  fake.grants.set(code, grant);
  const { base } = replicas[0];
  const begin = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(begin.status).toBe(302);
  const state = new URL(begin.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (begin.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(res.status).toBe(200);
}

function mention(team: string, user: string, text: string): string {
  const ts = fake.nextTs();
  return JSON.stringify({
    token: 'deprecated',
    team_id: team,
    api_app_id: 'A0STACK',
    event: { type: 'app_mention', user, text: `<@UBOT> ${text}`, ts, channel: 'C0DESIGN', event_ts: ts },
    type: 'event_callback',
    event_id: `Ev${randomBytes(6).toString('hex')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });
}

const refreshCalls = () => fake.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');

async function posts(count: number) {
  return vi.waitFor(
    () => {
      const posted = fake.callsTo('chat.postMessage');
      if (posted.length < count) throw new Error(`${posted.length} of ${count} answers posted`);
      return posted;
    },
    { timeout: 10_000, interval: 20 },
  );
}

/**
 * Sends one event to each replica at once while Slack holds the first refresh: the first replica is inside its lock
 * calling Slack, the other must wait on that lock (seen in pg_locks on a real server) until it is released.
 */
async function atOnceDuringRefresh(bodies: [string, string]): Promise<void> {
  const release = fake.hold('oauth.v2.access');
  const sent = replicas.map((r, i) => send(`${r.base}/slack/events`, bodies[i], JSON_TYPE));
  try {
    await vi.waitFor(
      () => {
        if (refreshCalls().length === 0) throw new Error('no refresh yet');
      },
      { timeout: 5_000, interval: 10 },
    );
    if (database.kind === 'postgresql') {
      await vi.waitFor(
        async () => {
          const waiting = await replicas[0].installations.pool.query(
            "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
          );
          if (waiting.rows[0].n < 1) throw new Error('the other replica is not waiting on the lock');
        },
        { timeout: 5_000, interval: 10 },
      );
    } else {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    release();
  }
  for (const res of await Promise.all(sent)) expect(res.status).toBe(200);
}

describe('token rotation across two replicas', () => {
  it('an expiring bot token reached by both replicas at once is refreshed once, and both answer with the new token', async () => {
    await install('code-ROT', {
      teamId: 'TROT',
      botToken: 'xoxe.xoxb-installed',
      botUserId: 'UBOTROT',
      userId: 'UADMIN',
      botRotation: { refreshToken: 'xoxe-1-installed', expiresIn: 60 },
    });
    const stored = await replicas[0].installations.pool.query(
      "SELECT bot_token, bot_refresh_token, bot_token_expires_at FROM slack_bots WHERE team_id = 'TROT'",
    );
    const row = stored.rows[0];
    expect(JSON.stringify(row)).not.toContain('xoxe');
    expect(cipher.open(row.bot_refresh_token)).toBe('xoxe-1-installed');
    expect((row.bot_token_expires_at as Date).getTime() - Date.now()).toBeLessThan(61_000);
    fake.reset();

    await atOnceDuringRefresh([
      mention('TROT', 'U0ASKER', 'edge, cold start < 10ms'),
      mention('TROT', 'U0ASKER', 'strong isolation'),
    ]);
    const answers = await posts(2);

    const refreshes = refreshCalls();
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].args).toMatchObject({
      client_id: '1234.5678',
      client_secret: 'client-secret-abc',
      refresh_token: 'xoxe-1-installed',
    });
    const after = (
      await replicas[1].installations.pool.query(
        "SELECT bot_token, bot_refresh_token, bot_token_expires_at FROM slack_bots WHERE team_id = 'TROT'",
      )
    ).rows[0];
    const fresh = cipher.open(after.bot_token);
    expect(fresh).toMatch(/^xoxe\.xoxb-/);
    expect(fresh).not.toBe('xoxe.xoxb-installed');
    expect(cipher.open(after.bot_refresh_token)).not.toBe('xoxe-1-installed');
    expect((after.bot_token_expires_at as Date).getTime() - Date.now()).toBeGreaterThan(11 * 3600 * 1000);
    // Both replicas answered, each with the new token.
    expect(answers.map((a) => a.authorization)).toEqual([`Bearer ${fresh}`, `Bearer ${fresh}`]);
    expect(replicas.map((r) => r.seen.map((s) => s.botToken))).toEqual([[fresh], [fresh]]);
    expect(refreshes.length + fake.callsTo('oauth.v2.access').length).toBe(2);
  });

  it('the refreshed token serves later events without another refresh', async () => {
    await Promise.all(
      replicas.map((r) => send(`${r.base}/slack/events`, mention('TROT', 'U0ASKER', 'edge'), JSON_TYPE)),
    );
    const answers = await posts(2);
    expect(refreshCalls()).toHaveLength(0);
    expect(new Set(answers.map((a) => a.authorization)).size).toBe(1);
    expect(answers[0].authorization).toMatch(/^Bearer xoxe\.xoxb-/);
  });
});

describe('user tokens', () => {
  it("stores the installer's user token sealed, and gives it only to that user's requests", async () => {
    await install('code-USR', {
      teamId: 'TUSR',
      botToken: 'xoxb-team-usr',
      botUserId: 'UBOTUSR',
      userId: 'UINSTALLER',
      userToken: 'xoxp-installer-secret',
      userScopes: 'search:read',
    });
    const grants = await replicas[0].installations.pool.query(
      "SELECT user_id, user_token, user_scopes FROM slack_user_grants WHERE team_id = 'TUSR'",
    );
    expect(grants.rows).toHaveLength(1);
    expect(grants.rows[0]).toMatchObject({ user_id: 'UINSTALLER', user_scopes: ['search:read'] });
    expect(JSON.stringify(grants.rows)).not.toContain('xoxp-installer-secret');
    expect(cipher.open(grants.rows[0].user_token)).toBe('xoxp-installer-secret');
    // Nor is it in the installation column of the bot's row.
    const bots = await replicas[0].installations.pool.query("SELECT * FROM slack_bots WHERE team_id = 'TUSR'");
    expect(JSON.stringify(bots.rows)).not.toContain('xoxp-installer-secret');
    fake.reset();

    const { base, seen } = replicas[0];
    await send(`${base}/slack/events`, mention('TUSR', 'UINSTALLER', 'edge'), JSON_TYPE);
    await send(`${base}/slack/events`, mention('TUSR', 'USOMEONE', 'edge'), JSON_TYPE);
    const answers = await posts(2);
    expect(seen).toEqual([
      { user: 'UINSTALLER', userToken: 'xoxp-installer-secret', botToken: 'xoxb-team-usr' },
      { user: 'USOMEONE', userToken: undefined, botToken: 'xoxb-team-usr' },
    ]);
    // The bot answers with its own token, whoever asked.
    expect(answers.map((a) => a.authorization)).toEqual(['Bearer xoxb-team-usr', 'Bearer xoxb-team-usr']);
    // Not in any log line above debug either.
    const logged = logger.lines.filter((l) => l.level !== LogLevel.DEBUG).map((l) => l.text);
    expect(logged.join('\n')).not.toContain('xoxp-installer-secret');
  });

  it("refreshes an expiring user token once when both replicas need it at once, and keeps it the user's own", async () => {
    await install('code-UROT', {
      teamId: 'TUROT',
      botToken: 'xoxb-team-urot',
      botUserId: 'UBOTUROT',
      userId: 'UROTATING',
      userToken: 'xoxe.xoxp-installed',
      userScopes: 'search:read',
      userRotation: { refreshToken: 'xoxe-1-user-installed', expiresIn: 60 },
    });
    fake.reset();

    await atOnceDuringRefresh([
      mention('TUROT', 'UROTATING', 'edge, cold start < 10ms'),
      mention('TUROT', 'UROTATING', 'strong isolation'),
    ]);
    await posts(2);

    const refreshes = refreshCalls();
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].args.refresh_token).toBe('xoxe-1-user-installed');
    const grant = (
      await replicas[1].installations.pool.query(
        "SELECT user_token, user_refresh_token, user_token_expires_at FROM slack_user_grants WHERE team_id = 'TUROT'",
      )
    ).rows[0];
    const fresh = cipher.open(grant.user_token);
    expect(fresh).toMatch(/^xoxe\.xoxp-/);
    expect(fresh).not.toBe('xoxe.xoxp-installed');
    expect(cipher.open(grant.user_refresh_token)).toMatch(/^xoxe-1-user-/);
    expect((grant.user_token_expires_at as Date).getTime() - Date.now()).toBeGreaterThan(11 * 3600 * 1000);
    // Each replica's request carried the new user token; the bot's own token was not touched.
    expect(replicas.map((r) => r.seen.map((s) => s.userToken))).toEqual([[fresh], [fresh]]);
    expect(replicas.map((r) => r.seen.map((s) => s.botToken))).toEqual([['xoxb-team-urot'], ['xoxb-team-urot']]);

    // Someone else in the workspace never gets it.
    fake.reset();
    for (const r of replicas) r.seen.length = 0;
    await send(`${replicas[1].base}/slack/events`, mention('TUROT', 'USOMEONE', 'edge'), JSON_TYPE);
    await posts(1);
    expect(replicas[1].seen).toEqual([{ user: 'USOMEONE', userToken: undefined, botToken: 'xoxb-team-urot' }]);
    expect(refreshCalls()).toHaveLength(0);
  });
});
