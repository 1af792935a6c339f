import type pg from 'pg';

/**
 * Runs `work` in a transaction that holds the advisory lock `lock` (one key for every replica on the database):
 * committed if `work` returns, rolled back if it throws; the lock goes with the transaction.
 */
export async function underAdvisoryLock<T>(
  pool: pg.Pool,
  lock: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
