import pg from 'pg';
import { MIGRATIONS, type Migration } from './migrations.js';
import { underAdvisoryLock } from './transaction.js';

/** A connection pool on DATABASE_URL; errors of idle connections are logged, not thrown (a restart of PostgreSQL). */
export function openPool(url: string, onIdleError: (error: Error) => void, max = 5): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  pool.on('error', onIdleError);
  return pool;
}

// One lock for all replicas starting at once: the first applies the migrations, the others wait, then find them done.
const MIGRATION_LOCK = 'stack-advisor:migrations';

/** Applies the migrations not yet applied, in one transaction under an advisory lock; returns the versions applied. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return underAdvisoryLock(pool, MIGRATION_LOCK, async (client) => {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseAnswers(pool: pg.Pool, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      pool.query('SELECT 1').then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
