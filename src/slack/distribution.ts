import { type Logger, webApi } from '@slack/bolt';
import type pg from 'pg';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { AnswerQueue } from '../store/answers.js';
import type { PostgresInstallationStore, Refresh } from '../store/installations.js';
import type { PostgresStateStore } from '../store/oauth-states.js';
import type { PostgresThreadMemory } from '../store/thread-memory.js';
import type { Distribution } from './config.js';

/** The bot scopes an OAuth install asks for: the same as `manifest.yml` (a test keeps them in step). */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'app_mentions:read',
  'im:history',
  'channels:history',
  'groups:history',
  'mpim:history',
  'files:write',
  'users:read',
  'assistant:write',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** Spends a rotating bot token's refresh token (oauth.v2.access, grant_type=refresh_token). */
export function refreshWithSlack(
  clientId: string,
  clientSecret: string,
  clientOptions: webApi.WebClientOptions,
): Refresh {
  const client = new webApi.WebClient(undefined, clientOptions);
  return async (refreshToken) => {
    const r = await client.oauth.v2.access({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    if (r.access_token === undefined || r.refresh_token === undefined || r.expires_in === undefined) {
      throw new Error('oauth.v2.access answered a refresh without a token, a refresh token or an expiry');
    }
    return {
      token: r.access_token,
      refreshToken: r.refresh_token,
      expiresAt: Math.floor(Date.now() / 1000) + r.expires_in,
    };
  };
}

/**
 * What a distributed app keeps in PostgreSQL, on one pool with the schema migrated: installations, each thread's
 * context, and the record of what was answered (with its daily clean-up).
 */
export interface Installations {
  readonly store: PostgresInstallationStore;
  /** The OAuth states of installs begun: each good once, on any replica. */
  readonly states: PostgresStateStore;
  readonly pool: pg.Pool;
  readonly threadMemory: PostgresThreadMemory;
  readonly answers: AnswerQueue;
  /** Stops the clean-up, writes the answers still queued, closes the pool. */
  close(): Promise<void>;
}

/** The createApp options of a distributed app. */
export function distributedOptions(installations: Installations) {
  return {
    installations: installations.store,
    stateStore: installations.states,
    threadMemory: installations.threadMemory,
    answers: installations.answers,
    database: installations.pool,
  } as const;
}

/**
 * Opens DATABASE_URL, applies the migrations (under a lock, so replicas may start together) and builds the store;
 * a database that does not answer is a start-up failure naming its host, never its password.
 */
export async function openInstallations(
  distribution: Distribution,
  clientOptions: webApi.WebClientOptions,
  logger: Pick<Logger, 'warn'>,
): Promise<Result<Installations, Failure<'database-unreachable'>>> {
  const warn = (line: string) => logger.warn(line);
  const host = URL.canParse(distribution.databaseUrl) ? new URL(distribution.databaseUrl).host : '(DATABASE_URL)';
  // pg and the stores only in distributed mode: the single-workspace bot does not load them (~12 ms of start-up).
  const [{ migrate, openPool }, answersModule, { TokenCipher }, { startHousekeeping }, installs, oauth, memory] =
    await Promise.all([
      import('../store/database.js'),
      import('../store/answers.js'),
      import('../store/cipher.js'),
      import('../store/housekeeping.js'),
      import('../store/installations.js'),
      import('../store/oauth-states.js'),
      import('../store/thread-memory.js'),
    ]);
  const pool = openPool(distribution.databaseUrl, (error) =>
    logger.warn(`PostgreSQL connection lost: ${error.message}`),
  );
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const why =
      error instanceof Error ? error.message.replaceAll(distribution.databaseUrl, '(DATABASE_URL)') : String(error);
    return fail(failure('database-unreachable', { host, why: why.slice(0, 200) }));
  }
  const store = new installs.PostgresInstallationStore(
    pool,
    new TokenCipher(distribution.encryptionKey),
    distribution.clientId,
    refreshWithSlack(distribution.clientId, distribution.clientSecret, clientOptions),
  );
  const threadMemory = new memory.PostgresThreadMemory(pool, distribution.clientId, distribution.threadMemoryDays);
  const answers = new answersModule.AnswerQueue(pool, distribution.clientId, {
    storeText: distribution.auditStoreText,
    warn,
  });
  const states = new oauth.PostgresStateStore(pool, distribution.clientId, distribution.stateSecret);
  const housekeeping = startHousekeeping(
    pool,
    { threads: threadMemory, states },
    distribution.auditRetentionDays,
    warn,
  );
  await housekeeping.first;
  return ok({
    store,
    states,
    pool,
    threadMemory,
    answers,
    close: async () => {
      housekeeping.stop();
      await answers.drain();
      await pool.end();
    },
  });
}
