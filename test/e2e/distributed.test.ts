import { randomBytes } from 'node:crypto';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, startApp } from '../../src/slack/app.js';
import type { Config } from '../../src/slack/config.js';
import { distributedOptions, type Installations } from '../../src/slack/distribution.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { type TestDatabase, testDatabase } from '../store/test-database.js';
import { advisor } from '../support.js';
import { distributedConfig, startDistributedApp } from './distributed-app.js';
import { FakeSlack } from './fake-slack.js';
import { JSON_TYPE, send } from './slack-requests.js';

/**
 * Distributed mode end to end: the real app in HTTP mode with Bolt's OAuth installer, installations in a real
 * PostgreSQL (or PGlite over the wire), the fake Slack Web API answering oauth.v2.access and auth.test per token.
 */

const fake = new FakeSlack();
const logger = new RecordingLogger();
let database: TestDatabase;
let installations: Installations;
let app: App;
let config: Config;
let base = '';

beforeAll(async () => {
  await fake.start();
  database = await testDatabase();
  config = distributedConfig(fake, database.url);
  ({ app, installations, base } = await startDistributedApp(config, fake, logger, (opened) => ({
    ...distributedOptions(opened),
    webClient: { retries: 0 },
  })));
}, 60_000);

afterAll(async () => {
  await app.stop();
  await installations.close();
  await database.drop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
});

/** The install page: a redirect to Slack's authorize URL with a state, and the state's cookie. */
async function beginInstall(): Promise<{ state: string; cookie: string }> {
  const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.searchParams.get('client_id')).toBe('1234.5678');
  expect(location.searchParams.get('scope')).toContain('chat:write');
  const state = location.searchParams.get('state') ?? '';
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  expect(state).not.toBe('');
  return { state, cookie };
}

const callback = (code: string, state: string, cookie: string) =>
  fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });

function mentionFrom(team: string, enterprise: string | undefined, text: string, orgInstall = false): string {
  const ts = fake.nextTs();
  return JSON.stringify({
    token: 'deprecated',
    team_id: team,
    ...(enterprise === undefined ? {} : { enterprise_id: enterprise }),
    api_app_id: 'A0STACK',
    event: { type: 'app_mention', user: 'U0ASKER', text: `<@UBOT> ${text}`, ts, channel: 'C0DESIGN', event_ts: ts },
    type: 'event_callback',
    event_id: `Ev${randomBytes(6).toString('hex')}`,
    event_time: Math.floor(Date.now() / 1000),
    is_enterprise_install: orgInstall,
    authorizations: [
      {
        team_id: orgInstall ? null : team,
        enterprise_id: enterprise ?? null,
        user_id: 'UBOT',
        is_bot: true,
        is_enterprise_install: orgInstall,
      },
    ],
  });
}

const appEvent = (team: string, event: Record<string, unknown>) =>
  JSON.stringify({
    token: 'deprecated',
    team_id: team,
    api_app_id: 'A0STACK',
    event,
    type: 'event_callback',
    event_id: `Ev${randomBytes(6).toString('hex')}`,
    event_time: Math.floor(Date.now() / 1000) + 1,
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  });

async function postsWith(token: string): Promise<unknown[]> {
  return vi.waitFor(
    () => {
      const posted = fake.callsTo('chat.postMessage').filter((c) => c.authorization === `Bearer ${token}`);
      if (posted.length === 0) throw new Error(`nothing posted with ${token} yet`);
      return posted;
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe('distributed mode: OAuth install', () => {
  it('installs into a workspace: the state is checked, the code exchanged, the installation stored sealed', async () => {
    fake.grants.set('code-A', { teamId: 'TA', botToken: 'xoxb-team-a', botUserId: 'UBOTA', userId: 'UADMIN' });
    const { state, cookie } = await beginInstall();
    const res = await callback('code-A', state, cookie);
    expect(res.status).toBe(200);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(1);
    const rows = await installations.pool.query('SELECT team_id, bot_token FROM slack_bots');
    expect(rows.rows.map((r) => r.team_id)).toContain('TA');
    expect(JSON.stringify(rows.rows)).not.toContain('xoxb-team-a');
  });

  it('refuses a forged state, and a state without its cookie, without exchanging the code', async () => {
    fake.grants.set('code-F', { teamId: 'TF', botToken: 'xoxb-team-f', botUserId: 'UBOTF', userId: 'UADMIN' });
    const { state, cookie } = await beginInstall();
    const forged = await callback('code-F', `${state.slice(0, -4)}AAAA`, cookie);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const cookieless = await callback('code-F', state, '');
    expect(cookieless.status).toBeGreaterThanOrEqual(400);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('a state is good once: replayed with its cookie, here or on a second replica, it is refused unexchanged', async () => {
    fake.grants.set('code-R', { teamId: 'TR', botToken: 'xoxb-team-r', botUserId: 'UBOTR', userId: 'UADMIN' });
    const { state, cookie } = await beginInstall();
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect((await callback('code-R', state, cookie)).status).toBe(200);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(1);
    const replayed = await callback('code-R', state, cookie);
    expect(replayed.status).toBeGreaterThanOrEqual(400);
    // A second replica on the same database: the state was spent there too.
    const replica = createApp(config, advisor(), {
      logger,
      ...distributedOptions(installations),
      webClient: { retries: 0 },
    });
    const started = await startApp(replica, config, { port: 0, host: '127.0.0.1' });
    if (!started.ok) throw new Error('the replica did not start');
    try {
      const again = await fetch(
        `http://127.0.0.1:${started.value.port}/slack/oauth_redirect?code=code-R&state=${encodeURIComponent(state)}`,
        { headers: { cookie }, redirect: 'manual' },
      );
      expect(again.status).toBeGreaterThanOrEqual(400);
    } finally {
      await replica.stop();
    }
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(1);
    const left = await installations.pool.query('SELECT count(*)::int AS n FROM oauth_states WHERE nonce = $1', [
      state.split('.')[0],
    ]);
    expect(left.rows[0].n).toBe(0);
  });

  it("answers an event from the installed workspace with that workspace's own token", async () => {
    const res = await send(
      `${base}/slack/events`,
      mentionFrom('TA', undefined, 'strong isolation, compliance'),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    const posted = await postsWith('xoxb-team-a');
    expect(posted).toHaveLength(1);
  });

  it('installs org-wide into an Enterprise Grid org, and answers any of its workspaces with the org token', async () => {
    fake.grants.set('code-E', {
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
      botToken: 'xoxb-org',
      botUserId: 'UBOTE',
      userId: 'UADMIN',
    });
    const { state, cookie } = await beginInstall();
    expect((await callback('code-E', state, cookie)).status).toBe(200);
    const res = await send(
      `${base}/slack/events`,
      mentionFrom('T0ORG1', 'E1', 'edge, cold start < 10ms', true),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    await postsWith('xoxb-org');
  });

  it('an uninstall deletes the installation, and the workspace is no longer answered', async () => {
    fake.grants.set('code-U', { teamId: 'TU', botToken: 'xoxb-team-u', botUserId: 'UBOTU', userId: 'UADMIN' });
    const { state, cookie } = await beginInstall();
    expect((await callback('code-U', state, cookie)).status).toBe(200);
    await send(`${base}/slack/events`, appEvent('TU', { type: 'app_uninstalled', event_ts: '1' }), JSON_TYPE);
    await vi.waitFor(
      async () => {
        const left = await installations.pool.query("SELECT 1 FROM slack_bots WHERE team_id = 'TU'");
        if (left.rowCount !== 0) throw new Error('still installed');
      },
      { timeout: 5_000, interval: 50 },
    );
    fake.reset();
    await send(`${base}/slack/events`, mentionFrom('TU', undefined, 'edge'), JSON_TYPE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    // Another workspace is untouched.
    await send(`${base}/slack/events`, mentionFrom('TA', undefined, 'edge'), JSON_TYPE);
    await postsWith('xoxb-team-a');
  });

  it('tokens_revoked for the bot deletes the installation too', async () => {
    fake.grants.set('code-R', { teamId: 'TR', botToken: 'xoxb-team-r', botUserId: 'UBOTR', userId: 'UADMIN' });
    const { state, cookie } = await beginInstall();
    expect((await callback('code-R', state, cookie)).status).toBe(200);
    await send(
      `${base}/slack/events`,
      appEvent('TR', { type: 'tokens_revoked', tokens: { bot: ['UBOTR'] }, event_ts: '1' }),
      JSON_TYPE,
    );
    await vi.waitFor(
      async () => {
        const left = await installations.pool.query("SELECT 1 FROM slack_bots WHERE team_id = 'TR'");
        if (left.rowCount !== 0) throw new Error('still installed');
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});
