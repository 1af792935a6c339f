import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptionKey, TokenCipher } from '../../src/store/cipher.js';
import { migrate, openPool } from '../../src/store/database.js';
import { NotInstalledError, PostgresInstallationStore, type RefreshedToken } from '../../src/store/installations.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { useMigratedDatabase } from './test-database.js';

const cipher = new TokenCipher(randomBytes(32));

const db = useMigratedDatabase();

function workspaceInstall(team: string, bot = `xoxb-${team}-bot`, user = `xoxp-${team}-U1`): Installation {
  return {
    team: { id: team, name: team.toLowerCase() },
    enterprise: undefined,
    user: { id: 'U1', token: user, scopes: ['identify'] },
    bot: { token: bot, scopes: ['commands', 'chat:write'], id: `B${team}`, userId: `UB${team}` },
    appId: 'A0STACK',
    authVersion: 'v2',
    isEnterpriseInstall: false,
    tokenType: 'bot',
  } as Installation;
}

const orgInstall: Installation = {
  team: undefined,
  enterprise: { id: 'E1', name: 'org' },
  user: { id: 'U9', token: undefined, scopes: undefined },
  bot: { token: 'xoxb-org-bot', scopes: ['commands'], id: 'BORG', userId: 'UBORG' },
  appId: 'A0STACK',
  authVersion: 'v2',
  isEnterpriseInstall: true,
  enterpriseUrl: 'https://org.enterprise.slack.com/',
} as Installation;

describe('TokenCipher', () => {
  it('opens what it sealed, never stores the token in the clear, and refuses another key or a changed byte', () => {
    const sealed = cipher.seal('xoxb-secret');
    expect(sealed).not.toContain('xoxb-secret');
    expect(cipher.open(sealed)).toBe('xoxb-secret');
    expect(cipher.seal('xoxb-secret')).not.toBe(sealed);
    expect(() => new TokenCipher(randomBytes(32)).open(sealed)).toThrow(/another key/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('xoxb-secreT').toString('base64url');
    expect(() => cipher.open(parts.join('.'))).toThrow();
  });

  it('reads TOKEN_ENCRYPTION_KEY as 32 bytes of base64, and nothing else', () => {
    expect(encryptionKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(encryptionKey(randomBytes(32).toString('base64url'))?.length).toBe(32);
    expect(encryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(encryptionKey('correct horse battery staple')).toBeUndefined();
  });
});

describe('migrations', () => {
  it('apply once: a second run (another replica starting) finds nothing to do', async () => {
    expect(await migrate(db.pool)).toEqual([]);
    const versions = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4]);
  });

  it('two replicas migrating at once both succeed', async () => {
    const fresh = [{ version: 100, name: 'concurrent', sql: 'CREATE TABLE concurrent_probe (x int)' }];
    const results = await Promise.all([migrate(db.pool, fresh), migrate(db.pool, fresh)]);
    expect(results.flat()).toEqual([100]);
  });
});

describe('PostgresInstallationStore', () => {
  let store: PostgresInstallationStore;
  beforeAll(() => {
    store = new PostgresInstallationStore(db.pool, cipher, 'CLIENT');
  });

  it('stores a workspace install and fetches it by team, with its tokens, which are sealed in the table', async () => {
    await store.storeInstallation(workspaceInstall('T1'));
    const fetched = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-T1-bot');
    expect(fetched.team?.id).toBe('T1');
    const raw = JSON.stringify((await db.pool.query('SELECT * FROM slack_bots')).rows);
    const grants = JSON.stringify((await db.pool.query('SELECT * FROM slack_user_grants')).rows);
    expect(raw).not.toContain('xoxb-T1-bot');
    expect(grants).not.toContain('xoxp-T1-U1');
  });

  it("returns a user's own user token, and never another user's", async () => {
    const own = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      userId: 'U1',
      isEnterpriseInstall: false,
    });
    expect(own.user.token).toBe('xoxp-T1-U1');
    const other = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      userId: 'U2',
      isEnterpriseInstall: false,
    });
    expect(other.user.token).toBeUndefined();
    expect(other.bot?.token).toBe('xoxb-T1-bot');
  });

  it('keeps the bot when a second user installs without a bot, and the latest bot when the app is reinstalled', async () => {
    const userOnly = { ...workspaceInstall('T1'), bot: undefined, user: { id: 'U2', token: 'xoxp-T1-U2', scopes: [] } };
    await store.storeInstallation(userOnly as Installation);
    await store.storeInstallation(workspaceInstall('T1', 'xoxb-T1-bot-2'));
    const fetched = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      userId: 'U2',
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-T1-bot-2');
    expect(fetched.user.token).toBe('xoxp-T1-U2');
  });

  it('stores an org-wide install by enterprise, found from any team of the org', async () => {
    await store.storeInstallation(orgInstall);
    const fetched = await store.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true });
    expect(fetched.bot?.token).toBe('xoxb-org-bot');
    expect(fetched.isEnterpriseInstall).toBe(true);
    expect(fetched.enterprise?.id).toBe('E1');
    const fromTeam = await store.fetchInstallation({
      teamId: 'T77' as never,
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    expect(fromTeam.bot?.token).toBe('xoxb-org-bot');
  });

  it('throws one typed error for a workspace that is not installed', async () => {
    await expect(
      store.fetchInstallation({ teamId: 'TNONE', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toBeInstanceOf(NotInstalledError);
  });

  it("deletes a user's grant alone, or the whole installation", async () => {
    await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, userId: 'U2', isEnterpriseInstall: false });
    const after = await store.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      userId: 'U2',
      isEnterpriseInstall: false,
    });
    expect(after.user.token).toBeUndefined();
    expect(after.bot?.token).toBe('xoxb-T1-bot-2');
    await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toBeInstanceOf(NotInstalledError);
  });

  it('a revocation dated before a reinstall leaves the reinstall alone', async () => {
    const before = new Date(Date.now() - 60_000);
    await store.storeInstallation(workspaceInstall('T3'));
    await store.revoke({ enterpriseId: '', teamId: 'T3' }, { bot: true, userIds: [] }, before);
    const fetched = await store.fetchInstallation({
      teamId: 'T3',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-T3-bot');
  });
});

/** A refresh that takes 100 ms (so two replicas' fetches overlap) and records each refresh token it spends. */
function slowRefresh(token: string, refreshToken: string) {
  const refreshes: string[] = [];
  const refresh = async (spent: string): Promise<RefreshedToken> => {
    refreshes.push(spent);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { token, refreshToken, expiresAt: Math.floor(Date.now() / 1000) + 43_200 };
  };
  return { refreshes, refresh };
}

/** Two replicas, each with its own pool on the test database and a store refreshing with `refresh`. */
async function twoReplicas(
  refresh: (refreshToken: string) => Promise<RefreshedToken>,
  run: (a: PostgresInstallationStore, b: PostgresInstallationStore) => Promise<void>,
): Promise<void> {
  const replicaA = openPool(db.url, () => {});
  const replicaB = openPool(db.url, () => {});
  try {
    await run(
      new PostgresInstallationStore(replicaA, cipher, 'CLIENT', refresh),
      new PostgresInstallationStore(replicaB, cipher, 'CLIENT', refresh),
    );
  } finally {
    await replicaA.end();
    await replicaB.end();
  }
}

describe('token rotation', () => {
  it('two replicas fetching an expiring token at once spend its refresh token once, and both get the new token', async () => {
    const { refreshes, refresh } = slowRefresh('xoxe.xoxb-new', 'xoxe-1-refresh-new');
    await twoReplicas(refresh, async (a, b) => {
      const expiring = workspaceInstall('TROT', 'xoxe.xoxb-old');
      if (expiring.bot === undefined) throw new Error('no bot');
      expiring.bot.refreshToken = 'xoxe-1-refresh-old';
      expiring.bot.expiresAt = Math.floor(Date.now() / 1000) + 60;
      await a.storeInstallation(expiring);
      const query = { teamId: 'TROT', enterpriseId: undefined, isEnterpriseInstall: false } as const;
      const [fromA, fromB] = await Promise.all([a.fetchInstallation(query), b.fetchInstallation(query)]);
      expect(refreshes).toEqual(['xoxe-1-refresh-old']);
      expect(fromA.bot?.token).toBe('xoxe.xoxb-new');
      expect(fromB.bot?.token).toBe('xoxe.xoxb-new');
      expect(fromA.bot?.refreshToken).toBe('xoxe-1-refresh-new');
    });
  });
});

describe('user token rotation', () => {
  const userQuery = { teamId: 'TUROT', enterpriseId: undefined, userId: 'U1', isEnterpriseInstall: false } as const;

  function rotatingUser(team: string, expiresIn: number): Installation {
    const install = workspaceInstall(team, `xoxb-${team}-bot`, 'xoxe.xoxp-old');
    install.user.refreshToken = 'xoxe-1-user-old';
    install.user.expiresAt = Math.floor(Date.now() / 1000) + expiresIn;
    return install;
  }

  it('two replicas fetching an expiring user token at once spend its refresh token once, under the lock', async () => {
    const { refreshes, refresh } = slowRefresh('xoxe.xoxp-new', 'xoxe-1-user-new');
    await twoReplicas(refresh, async (a, b) => {
      await a.storeInstallation(rotatingUser('TUROT', 60));
      const [fromA, fromB] = await Promise.all([a.fetchInstallation(userQuery), b.fetchInstallation(userQuery)]);
      expect(refreshes).toEqual(['xoxe-1-user-old']);
      expect(fromA.user.token).toBe('xoxe.xoxp-new');
      expect(fromB.user.token).toBe('xoxe.xoxp-new');
      // Bolt is never handed the user's refresh token, so it never refreshes it itself, without the lock.
      expect(fromA.user.refreshToken).toBeUndefined();
      expect(fromA.bot?.token).toBe('xoxb-TUROT-bot');
      const row = (await db.pool.query("SELECT * FROM slack_user_grants WHERE team_id = 'TUROT'")).rows[0];
      expect(JSON.stringify(row)).not.toContain('xoxp-new');
      expect(cipher.open(row.user_refresh_token)).toBe('xoxe-1-user-new');
      // Fresh now: another fetch refreshes nothing.
      await a.fetchInstallation(userQuery);
      expect(refreshes).toHaveLength(1);
    });
  });

  it('a failed user refresh leaves that request without a user token, and the bot still served', async () => {
    const warnings: string[] = [];
    const log = {
      debug: () => {},
      info: () => {},
      warn: (...m: unknown[]) => warnings.push(m.join(' ')),
      error: () => {},
    };
    const failing = async (): Promise<RefreshedToken> => {
      throw Object.assign(new Error('An API error occurred: invalid_refresh_token xoxe-1-user-old'), {
        data: { ok: false, error: 'invalid_refresh_token' },
      });
    };
    const store = new PostgresInstallationStore(db.pool, cipher, 'CLIENT', failing);
    await store.storeInstallation(rotatingUser('TUFAIL', 60));
    const fetched = await store.fetchInstallation({ ...userQuery, teamId: 'TUFAIL' }, log as never);
    expect(fetched.user.token).toBeUndefined();
    expect(fetched.bot?.token).toBe('xoxb-TUFAIL-bot');
    expect(warnings).toEqual([expect.stringContaining('invalid_refresh_token')]);
    expect(warnings.join('')).not.toContain('xoxe-1-user-old');
  });
});
