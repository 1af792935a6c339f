import type pg from 'pg';
import type { AnswerLog, AnswerRecord } from '../slack/answer-log.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AnswerQueueOptions {
  /** Keep the asker's words (AUDIT_STORE_TEXT=true); without it the column stays NULL. */
  readonly storeText: boolean;
  /** Where a lost write is reported (operators' log, English). */
  readonly warn: (line: string) => void;
  /** The most records waiting for the database; more are dropped (and counted) rather than held in memory. */
  readonly maxQueued?: number;
  /** The most records one INSERT writes. */
  readonly batch?: number;
}

const COLUMNS = [
  'answered_at',
  'client_id',
  'enterprise_id',
  'team_id',
  'channel_type',
  'surface',
  'kind',
  'failure_code',
  'normal_form',
  'stack_id',
  'knowledge_version',
  'language',
  'duration_ms',
  'unmet',
  'conflicts',
  'request_text',
] as const;

/**
 * The answer log on PostgreSQL: `record` only queues (it never waits, never throws); one writer at a time empties the
 * queue in batched INSERTs, so a slow database holds no request and opens at most one connection for this. When the
 * queue is full, new records are dropped and the loss is logged once per burst.
 */
export class AnswerQueue implements AnswerLog {
  private readonly queue: { record: AnswerRecord; at: Date }[] = [];
  private writing: Promise<void> | undefined;
  private dropped = 0;
  private readonly maxQueued: number;
  private readonly batch: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clientId: string,
    private readonly options: AnswerQueueOptions,
  ) {
    this.maxQueued = options.maxQueued ?? 1000;
    this.batch = options.batch ?? 100;
  }

  record(answer: AnswerRecord): void {
    if (this.queue.length >= this.maxQueued) {
      this.dropped += 1;
      return;
    }
    this.queue.push({ record: answer, at: new Date() });
    this.writing ??= this.write().finally(() => {
      this.writing = undefined;
    });
  }

  /** Waits until every queued record is written (or given up on): at stop, and in tests. */
  async drain(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async write(): Promise<void> {
    // Let the answer that queued this record go out first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const rows = this.queue.splice(0, this.batch);
      try {
        await this.insert(rows);
      } catch (error) {
        this.options.warn(
          `Could not record ${rows.length} answer(s): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (this.dropped > 0) {
        this.options.warn(`${this.dropped} answer record(s) dropped: the database was too slow to keep up`);
        this.dropped = 0;
      }
    }
  }

  private async insert(rows: readonly { record: AnswerRecord; at: Date }[]): Promise<void> {
    const values: unknown[] = [];
    const tuples = rows.map(({ record: r, at }) => {
      const row = [
        at,
        this.clientId,
        r.enterpriseId,
        r.teamId,
        r.channelType,
        r.surface,
        r.kind,
        r.failureCode ?? null,
        r.normalForm ?? null,
        r.stackId ?? null,
        r.knowledgeVersion,
        r.language,
        Math.max(0, Math.round(r.ms)),
        JSON.stringify(r.unmet),
        JSON.stringify(r.conflicts),
        this.options.storeText ? r.text : null,
      ];
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await this.pool.query(`INSERT INTO answers (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** Deletes the records of answers older than `days` (of every app sharing the database); returns how many. */
export async function deleteOldAnswers(pool: pg.Pool, days: number, now = Date.now()): Promise<number> {
  const result = await pool.query('DELETE FROM answers WHERE answered_at < $1', [new Date(now - days * DAY_MS)]);
  return result.rowCount ?? 0;
}
