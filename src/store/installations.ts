import type { Installation, InstallationQuery, InstallationStore, Logger } from '@slack/bolt';
import type pg from 'pg';
import type { TokenCipher } from './cipher.js';
import { underAdvisoryLock } from './transaction.js';

/** What a token refresh (oauth.v2.access, grant_type=refresh_token) gives back. */
export interface RefreshedToken {
  readonly token: string;
  readonly refreshToken: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export type Refresh = (refreshToken: string) => Promise<RefreshedToken>;

/** Thrown by fetchInstallation when nothing is installed for the query (Bolt then refuses the request). */
export class NotInstalledError extends Error {
  constructor(key: InstallationKey) {
    super(`No installation for enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
    this.name = 'NotInstalledError';
  }
}

/** Where an installation lives: an org-wide install by its enterprise alone, a workspace by enterprise and team. */
export interface InstallationKey {
  readonly enterpriseId: string;
  readonly teamId: string;
}

export function keyOf(query: {
  readonly enterpriseId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly isEnterpriseInstall?: boolean | undefined;
}): InstallationKey {
  return query.isEnterpriseInstall === true
    ? { enterpriseId: query.enterpriseId ?? '', teamId: '' }
    : { enterpriseId: query.enterpriseId ?? '', teamId: query.teamId ?? '' };
}

// Bolt refreshes a token that expires within two hours, without a lock; this store refreshes a little earlier, under
// one, so that Bolt never has to (and two replicas never spend the same single-use refresh token).
const REFRESH_AHEAD_S = 2 * 60 * 60 + 5 * 60;

interface BotRow {
  readonly is_enterprise_install: boolean;
  readonly bot_token: string;
  readonly bot_refresh_token: string | null;
  readonly bot_token_expires_at: Date | null;
  readonly installation: Installation;
}

interface UserRow {
  readonly user_id: string;
  readonly user_token: string | null;
  readonly user_refresh_token: string | null;
  readonly user_token_expires_at: Date | null;
  readonly user_scopes: string[] | null;
}

const USER_COLUMNS = 'user_id, user_token, user_refresh_token, user_token_expires_at, user_scopes';

/** The installation without a single token: what is kept in the `installation` column as it is. */
function withoutTokens(installation: Installation): Installation {
  const { bot, user, ...rest } = installation;
  return {
    ...rest,
    ...(bot === undefined ? {} : { bot: { ...bot, token: '', refreshToken: undefined } }),
    user: { id: user.id, token: undefined, scopes: undefined },
  } as Installation;
}

const seconds = (date: Date | null): number | undefined =>
  date === null ? undefined : Math.floor(date.getTime() / 1000);

/**
 * Bolt's installation store on PostgreSQL: one bot per workspace or org (the latest install wins), user grants apart
 * and only ever returned to their own user, tokens sealed with AES-256-GCM, rotating bot tokens refreshed under an
 * advisory lock. Never logs a token.
 */
export class PostgresInstallationStore implements InstallationStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly cipher: TokenCipher,
    private readonly clientId: string,
    private readonly refresh?: Refresh,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async storeInstallation(installation: Installation, logger?: Logger): Promise<void> {
    const key = keyOf({
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    logger?.debug(`Storing the installation of enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
    const bot = installation.bot;
    if (bot !== undefined) {
      await this.pool.query(
        `INSERT INTO slack_bots (client_id, enterprise_id, team_id, is_enterprise_install, bot_token, bot_refresh_token,
           bot_token_expires_at, key_id, installation, installed_at)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), $8, $9, now())
         ON CONFLICT (client_id, enterprise_id, team_id) DO UPDATE SET
           is_enterprise_install = EXCLUDED.is_enterprise_install, bot_token = EXCLUDED.bot_token,
           bot_refresh_token = EXCLUDED.bot_refresh_token, bot_token_expires_at = EXCLUDED.bot_token_expires_at,
           key_id = EXCLUDED.key_id, installation = EXCLUDED.installation, installed_at = now()`,
        [
          this.clientId,
          key.enterpriseId,
          key.teamId,
          installation.isEnterpriseInstall === true,
          this.cipher.seal(bot.token),
          bot.refreshToken === undefined ? null : this.cipher.seal(bot.refreshToken),
          bot.expiresAt ?? null,
          this.cipher.keyId,
          JSON.stringify(withoutTokens(installation)),
        ],
      );
    }
    const user = installation.user;
    if (user.token !== undefined) {
      await this.pool.query(
        `INSERT INTO slack_user_grants (client_id, enterprise_id, team_id, user_id, user_token, user_refresh_token,
           user_token_expires_at, user_scopes, key_id, installed_at)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), $8, $9, now())
         ON CONFLICT (client_id, enterprise_id, team_id, user_id) DO UPDATE SET
           user_token = EXCLUDED.user_token, user_refresh_token = EXCLUDED.user_refresh_token,
           user_token_expires_at = EXCLUDED.user_token_expires_at, user_scopes = EXCLUDED.user_scopes,
           key_id = EXCLUDED.key_id, installed_at = now()`,
        [
          this.clientId,
          key.enterpriseId,
          key.teamId,
          user.id,
          this.cipher.seal(user.token),
          user.refreshToken === undefined ? null : this.cipher.seal(user.refreshToken),
          user.expiresAt ?? null,
          user.scopes ?? null,
          this.cipher.keyId,
        ],
      );
    }
  }

  async fetchInstallation(query: InstallationQuery<boolean>, logger?: Logger): Promise<Installation> {
    const key = keyOf(query);
    let bot = await this.bot(this.pool, key);
    if (bot === undefined) {
      logger?.debug(`No installation for enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
      throw new NotInstalledError(key);
    }
    if (this.refresh !== undefined && this.due(bot.bot_refresh_token, bot.bot_token_expires_at)) {
      bot = await this.refreshed(key, logger);
    }
    const user = query.userId === undefined ? undefined : await this.freshUser(key, query.userId, logger);
    const saved = bot.installation;
    return {
      ...saved,
      ...(saved.bot === undefined
        ? {}
        : {
            bot: {
              ...saved.bot,
              token: this.cipher.open(bot.bot_token),
              refreshToken: bot.bot_refresh_token === null ? undefined : this.cipher.open(bot.bot_refresh_token),
              expiresAt: seconds(bot.bot_token_expires_at),
            },
          }),
      // Another user's token is never returned: the installer's user id stays, its token does not (vercel#189).
      // A rotating user token's refresh token and expiry stay here: this store refreshes it, Bolt never does.
      user:
        user?.user_token == null
          ? { id: saved.user.id, token: undefined, scopes: undefined }
          : { id: user.user_id, token: this.cipher.open(user.user_token), scopes: user.user_scopes ?? undefined },
    } as Installation;
  }

  /** Deletes a user's grant (with `userId`), or the whole installation with its grants. */
  async deleteInstallation(query: InstallationQuery<boolean>, logger?: Logger): Promise<void> {
    await this.revoke(
      keyOf(query),
      { userIds: query.userId === undefined ? [] : [query.userId], bot: query.userId === undefined },
      undefined,
      logger,
    );
  }

  /**
   * Deletes what an uninstall or a revocation took away: the bot (and with it every grant) and the named users'
   * grants, only those installed before `before` (`tokens_revoked` can arrive after a reinstall).
   */
  async revoke(
    key: InstallationKey,
    what: { readonly bot: boolean; readonly userIds: readonly string[] },
    before: Date = new Date(this.now() + 1000),
    logger?: Logger,
  ): Promise<void> {
    logger?.debug(`Deleting the installation of enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
    const where = 'client_id = $1 AND enterprise_id = $2 AND team_id = $3 AND installed_at < $4';
    const params = [this.clientId, key.enterpriseId, key.teamId, before];
    if (what.bot) {
      await this.pool.query(`DELETE FROM slack_bots WHERE ${where}`, params);
      await this.pool.query(`DELETE FROM slack_user_grants WHERE ${where}`, params);
    }
    if (what.userIds.length > 0) {
      await this.pool.query(`DELETE FROM slack_user_grants WHERE ${where} AND user_id = ANY($5)`, [
        ...params,
        what.userIds,
      ]);
    }
  }

  private async bot(db: pg.Pool | pg.PoolClient, key: InstallationKey, lock = false): Promise<BotRow | undefined> {
    const result = await db.query<BotRow>(
      `SELECT is_enterprise_install, bot_token, bot_refresh_token, bot_token_expires_at, installation FROM slack_bots
       WHERE client_id = $1 AND enterprise_id = $2 AND team_id = $3${lock ? ' FOR UPDATE' : ''}`,
      [this.clientId, key.enterpriseId, key.teamId],
    );
    return result.rows[0];
  }

  private async user(
    db: pg.Pool | pg.PoolClient,
    key: InstallationKey,
    userId: string,
    lock = false,
  ): Promise<UserRow | undefined> {
    const result = await db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM slack_user_grants
       WHERE client_id = $1 AND enterprise_id = $2 AND team_id = $3 AND user_id = $4${lock ? ' FOR UPDATE' : ''}`,
      [this.clientId, key.enterpriseId, key.teamId, userId],
    );
    return result.rows[0];
  }

  /** True when a token with this refresh token and expiry is due: it expires within REFRESH_AHEAD_S. */
  private due(refreshToken: string | null, expiresAt: Date | null): boolean {
    const at = seconds(expiresAt);
    return refreshToken !== null && at !== undefined && at - this.now() / 1000 < REFRESH_AHEAD_S;
  }

  /**
   * The user's grant, its rotating token refreshed when due, under the same kind of advisory lock as the bot's. A
   * refresh that fails leaves the user without a token for this request (logged); the bot still answers.
   */
  private async freshUser(key: InstallationKey, userId: string, logger?: Logger): Promise<UserRow | undefined> {
    const row = await this.user(this.pool, key, userId);
    if (
      row === undefined ||
      this.refresh === undefined ||
      !this.due(row.user_refresh_token, row.user_token_expires_at)
    ) {
      return row;
    }
    const refresh = this.refresh;
    try {
      return await this.underLock(`user:${key.enterpriseId}:${key.teamId}:${userId}`, async (client) => {
        const locked = await this.user(client, key, userId, true);
        if (locked?.user_refresh_token == null || !this.due(locked.user_refresh_token, locked.user_token_expires_at)) {
          return locked;
        }
        logger?.debug(`Refreshing a user token in enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
        const fresh = await refresh(this.cipher.open(locked.user_refresh_token));
        const updated = await client.query<UserRow>(
          `UPDATE slack_user_grants SET user_token = $5, user_refresh_token = $6,
             user_token_expires_at = to_timestamp($7), key_id = $8
           WHERE client_id = $1 AND enterprise_id = $2 AND team_id = $3 AND user_id = $4
           RETURNING ${USER_COLUMNS}`,
          [
            this.clientId,
            key.enterpriseId,
            key.teamId,
            userId,
            this.cipher.seal(fresh.token),
            this.cipher.seal(fresh.refreshToken),
            fresh.expiresAt,
            this.cipher.keyId,
          ],
        );
        return updated.rows[0];
      });
    } catch (error) {
      // Slack's error code (invalid_refresh_token…) or the error's class: never a message that might quote a token.
      const code = (error as { data?: { error?: unknown } }).data?.error;
      logger?.warn(
        `Could not refresh a user token in enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}: ${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'}`,
      );
      return undefined;
    }
  }

  /** Runs `work` in a transaction holding the advisory lock named `name` (for this app), committed if it returns. */
  private underLock<T>(name: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return underAdvisoryLock(this.pool, `stack-advisor:refresh:${this.clientId}:${name}`, work);
  }

  /**
   * The bot row after a refresh: under an advisory lock on the installation, read it again; only if its token still
   * expires soon, spend the refresh token and store what comes back. Whoever waited on the lock finds it fresh.
   */
  private async refreshed(key: InstallationKey, logger?: Logger): Promise<BotRow> {
    const refresh = this.refresh;
    if (refresh === undefined) throw new Error('unreachable: refreshed() without a refresh function');
    return this.underLock(`${key.enterpriseId}:${key.teamId}`, async (client) => {
      const row = await this.bot(client, key, true);
      if (row === undefined) throw new NotInstalledError(key);
      if (row.bot_refresh_token === null || !this.due(row.bot_refresh_token, row.bot_token_expires_at)) return row;
      logger?.debug(`Refreshing the bot token of enterprise ${key.enterpriseId || '-'} team ${key.teamId || '-'}`);
      const fresh = await refresh(this.cipher.open(row.bot_refresh_token));
      const updated = await client.query<BotRow>(
        `UPDATE slack_bots SET bot_token = $4, bot_refresh_token = $5, bot_token_expires_at = to_timestamp($6), key_id = $7
         WHERE client_id = $1 AND enterprise_id = $2 AND team_id = $3
         RETURNING is_enterprise_install, bot_token, bot_refresh_token, bot_token_expires_at, installation`,
        [
          this.clientId,
          key.enterpriseId,
          key.teamId,
          this.cipher.seal(fresh.token),
          this.cipher.seal(fresh.refreshToken),
          fresh.expiresAt,
          this.cipher.keyId,
        ],
      );
      const stored = updated.rows[0];
      if (stored === undefined) throw new NotInstalledError(key);
      return stored;
    });
  }
}
