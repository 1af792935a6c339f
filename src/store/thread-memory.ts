import type pg from 'pg';
import { type Carried, carriedSchema } from '../advisor/answer.js';
import { capped } from '../slack/metadata.js';
import type { ThreadKey, ThreadMemory } from '../slack/thread-memory.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Thread memory in PostgreSQL (the `thread_memory` table of migration 2): one row per thread of this app's
 * installations, replaced by each answer in the thread, kept `days` after the latest one. An expired row is never
 * read; a row that does not validate against the carried schema reads as missing (the caller then asks Slack).
 */
export class PostgresThreadMemory implements ThreadMemory {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clientId: string,
    private readonly days: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async read(key: ThreadKey): Promise<Carried | undefined> {
    const result = await this.pool.query<{ carried: unknown }>(
      `SELECT carried FROM thread_memory
        WHERE client_id = $1 AND enterprise_id = $2 AND team_id = $3 AND channel_id = $4 AND thread_ts = $5
          AND expires_at > $6`,
      [this.clientId, key.enterpriseId, key.teamId, key.channel, key.threadTs, new Date(this.now())],
    );
    const row = result.rows[0];
    if (row === undefined) return undefined;
    const parsed = carriedSchema().safeParse(row.carried);
    return parsed.success ? capped(parsed.data) : undefined;
  }

  async write(key: ThreadKey, carried: Carried, knowledgeVersion: string): Promise<void> {
    const now = this.now();
    await this.pool.query(
      `INSERT INTO thread_memory (client_id, enterprise_id, team_id, channel_id, thread_ts, carried, knowledge_version,
         updated_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (client_id, enterprise_id, team_id, channel_id, thread_ts) DO UPDATE SET
         carried = EXCLUDED.carried, knowledge_version = EXCLUDED.knowledge_version,
         updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at`,
      [
        this.clientId,
        key.enterpriseId,
        key.teamId,
        key.channel,
        key.threadTs,
        JSON.stringify(capped(carried)),
        knowledgeVersion,
        new Date(now),
        new Date(now + this.days * DAY_MS),
      ],
    );
  }

  /** Deletes the expired rows (of every app sharing the database); returns how many. */
  async deleteExpired(): Promise<number> {
    const result = await this.pool.query('DELETE FROM thread_memory WHERE expires_at <= $1', [new Date(this.now())]);
    return result.rowCount ?? 0;
  }
}
