import type pg from 'pg';
import { deleteOldAnswers } from './answers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A table whose rows expire: thread contexts, the states of installs begun and never finished. */
export interface Expiring {
  deleteExpired(): Promise<number>;
}

/** What the expiring tables hold besides the answers. */
export interface Expirables {
  readonly threads: Expiring;
  readonly states?: Expiring;
}

/** What the daily clean-up deleted. */
export interface Swept {
  readonly answers: number;
  readonly threads: number;
  readonly states: number;
}

/** Deletes the answers past their retention and the rows past their expiry; failures are logged, never thrown. */
export async function sweep(
  pool: pg.Pool,
  expiring: Expirables,
  auditRetentionDays: number,
  warn: (line: string) => void,
): Promise<Swept> {
  const results = await Promise.allSettled([
    deleteOldAnswers(pool, auditRetentionDays),
    expiring.threads.deleteExpired(),
    expiring.states?.deleteExpired() ?? Promise.resolve(0),
  ]);
  for (const r of results) {
    if (r.status === 'rejected') {
      warn(
        `Clean-up of old answers, threads and install states failed: ${r.reason instanceof Error ? r.reason.message : r.reason}`,
      );
    }
  }
  const [answers, threads, states] = results.map((r) => (r.status === 'fulfilled' ? r.value : 0));
  return { answers, threads, states };
}

/**
 * The clean-up at start and then once a day (AUDIT_RETENTION_DAYS, THREAD_MEMORY_DAYS, the install states' 10
 * minutes); the timer never keeps the process alive. Returns the first run and a function that stops the timer.
 */
export function startHousekeeping(
  pool: pg.Pool,
  expiring: Expirables,
  auditRetentionDays: number,
  warn: (line: string) => void,
  everyMs = DAY_MS,
): { readonly first: Promise<Swept>; readonly stop: () => void } {
  const run = () => sweep(pool, expiring, auditRetentionDays, warn);
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}
