import type pg from 'pg';
import type { AnswerRecord } from '../../src/slack/answer-log.js';
import { AnswerQueue } from '../../src/store/answers.js';

/** One answer's record, an advice on the edge stack unless told otherwise. */
export function record(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    enterpriseId: '',
    teamId: 'T1',
    channelType: 'channel',
    surface: 'mention',
    kind: 'advice',
    normalForm: 'I∘C∘S∘W',
    stackId: 'edge-wasm',
    knowledgeVersion: 'kb-1',
    language: 'en',
    ms: 3.4,
    unmet: [],
    conflicts: [],
    text: 'edge, cold start < 10ms — secret project Falcon',
    ...overrides,
  };
}

/** Rows at fixed times, for the report: two weeks of November 2026. */
export async function seedReport(pool: pg.Pool): Promise<void> {
  const queue = new AnswerQueue(pool, 'client-1', { storeText: false, warn: () => {} });
  const cold = { quantity: 'cold_start', comparator: '<', value: 10, unit: 'ms', status: 'violated' } as const;
  const memory = { quantity: 'memory', comparator: '<', value: 50, unit: 'MB', status: 'unknown' } as const;
  const contradiction = { kind: 'contradiction', subjects: ['no-vm', 'vm-per-tenant'] } as const;
  queue.record(record({ unmet: [cold, memory] }));
  queue.record(record({ unmet: [cold], language: 'zh' }));
  queue.record(record({ stackId: 'kata-istio', normalForm: 'V∘S∘C∘Am', conflicts: [contradiction] }));
  queue.record(record({ kind: 'refused', failureCode: 'out-of-scope', normalForm: undefined, stackId: undefined }));
  queue.record(record({ stackId: undefined, normalForm: 'V∘C∘S' }));
  queue.record(record({ kind: 'help', normalForm: undefined, stackId: undefined, language: 'zh' }));
  await queue.drain();
  // The first three in the week of Monday 9 November, the rest in the week of 16 November.
  await pool.query(
    `UPDATE answers SET answered_at = '2026-11-10T09:00:00Z' WHERE id IN (SELECT id FROM answers ORDER BY id LIMIT 3)`,
  );
  await pool.query(`UPDATE answers SET answered_at = '2026-11-18T09:00:00Z' WHERE answered_at > '2026-11-11'`);
}
