import type pg from 'pg';
import { deleteOldAnswers } from './answers.js';
import type { PostgresThreadMemory } from './thread-memory.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the daily clean-up deleted. */
export interface Swept {
  readonly answers: number;
  readonly threads: number;
}

/** Deletes the answers past their retention and the thread contexts past their expiry; failures are logged. */
export async function sweep(
  pool: pg.Pool,
  threads: Pick<PostgresThreadMemory, 'deleteExpired'>,
  auditRetentionDays: number,
  warn: (line: string) => void,
): Promise<Swept> {
  const [answers, expired] = await Promise.allSettled([
    deleteOldAnswers(pool, auditRetentionDays),
    threads.deleteExpired(),
  ]);
  for (const r of [answers, expired]) {
    if (r.status === 'rejected') {
      warn(`Clean-up of old answers and threads failed: ${r.reason instanceof Error ? r.reason.message : r.reason}`);
    }
  }
  return {
    answers: answers.status === 'fulfilled' ? answers.value : 0,
    threads: expired.status === 'fulfilled' ? expired.value : 0,
  };
}

/**
 * The clean-up at start and then once a day (AUDIT_RETENTION_DAYS, THREAD_MEMORY_DAYS); the timer never keeps the
 * process alive. Returns the first run and a function that stops the timer.
 */
export function startHousekeeping(
  pool: pg.Pool,
  threads: Pick<PostgresThreadMemory, 'deleteExpired'>,
  auditRetentionDays: number,
  warn: (line: string) => void,
  everyMs = DAY_MS,
): { readonly first: Promise<Swept>; readonly stop: () => void } {
  const run = () => sweep(pool, threads, auditRetentionDays, warn);
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { first: run(), stop: () => clearInterval(timer) };
}
