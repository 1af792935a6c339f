import { beforeEach, describe, expect, it } from 'vitest';
import { AnswerQueue, deleteOldAnswers } from '../../src/store/answers.js';
import { openPool } from '../../src/store/database.js';
import { sweep } from '../../src/store/housekeeping.js';
import { readReport } from '../../src/store/report.js';
import { record, seedReport } from './answers-seed.js';
import { useMigratedDatabase } from './test-database.js';

const db = useMigratedDatabase();

beforeEach(async () => {
  await db.pool.query('DELETE FROM answers');
});

describe('the answer log', () => {
  it('records one row per answer, without the words by default', async () => {
    const warnings: string[] = [];
    const queue = new AnswerQueue(db.pool, 'client-1', { storeText: false, warn: (l) => warnings.push(l) });
    queue.record(record());
    queue.record(record({ kind: 'help', normalForm: undefined, stackId: undefined, language: 'zh' }));
    await queue.drain();
    const rows = await db.pool.query('SELECT * FROM answers ORDER BY id');
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows[0]).toMatchObject({
      client_id: 'client-1',
      team_id: 'T1',
      enterprise_id: '',
      channel_type: 'channel',
      surface: 'mention',
      kind: 'advice',
      normal_form: 'I∘C∘S∘W',
      stack_id: 'edge-wasm',
      knowledge_version: 'kb-1',
      language: 'en',
      duration_ms: 3,
      request_text: null,
    });
    expect(rows.rows[1]).toMatchObject({ kind: 'help', normal_form: null, language: 'zh' });
    expect(JSON.stringify(rows.rows)).not.toContain('Falcon');
    expect(warnings).toEqual([]);
  });

  it('keeps the words only when told to (AUDIT_STORE_TEXT=true)', async () => {
    const queue = new AnswerQueue(db.pool, 'client-1', { storeText: true, warn: () => {} });
    queue.record(record());
    await queue.drain();
    const rows = await db.pool.query('SELECT request_text FROM answers');
    expect(rows.rows[0].request_text).toContain('Falcon');
  });

  it('never throws or waits: a database that refuses is logged, and a full queue drops the surplus', async () => {
    const broken = openPool('postgres://nobody@127.0.0.1:1/none', () => {});
    const warnings: string[] = [];
    const queue = new AnswerQueue(broken, 'client-1', {
      storeText: false,
      warn: (l) => warnings.push(l),
      maxQueued: 3,
    });
    const started = performance.now();
    for (let i = 0; i < 10; i++) queue.record(record());
    expect(performance.now() - started).toBeLessThan(50);
    await queue.drain();
    await broken.end();
    expect(warnings.some((w) => /Could not record 3 answer/.test(w))).toBe(true);
    expect(warnings.some((w) => /7 answer record\(s\) dropped/.test(w))).toBe(true);
  });

  it('writes many answers in few statements (batches)', async () => {
    const queue = new AnswerQueue(db.pool, 'client-1', { storeText: false, warn: () => {}, batch: 50 });
    for (let i = 0; i < 120; i++) queue.record(record({ ms: i }));
    await queue.drain();
    const count = await db.pool.query('SELECT count(*)::int AS n, max(duration_ms) AS top FROM answers');
    expect(count.rows[0]).toEqual({ n: 120, top: 119 });
  });

  it('deletes the answers older than the retention, at the clean-up', async () => {
    const queue = new AnswerQueue(db.pool, 'client-1', { storeText: false, warn: () => {} });
    queue.record(record());
    queue.record(record());
    await queue.drain();
    await db.pool.query(
      `UPDATE answers SET answered_at = now() - interval '91 days' WHERE id = (SELECT min(id) FROM answers)`,
    );
    expect(await deleteOldAnswers(db.pool, 100)).toBe(0);
    const swept = await sweep(db.pool, { threads: { deleteExpired: async () => 0 } }, 90, () => {});
    expect(swept.answers).toBe(1);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM answers')).rows[0].n).toBe(1);
  });
});

describe('the report', () => {
  it('counts answers per week by stack and language, with the unmet limits and conflicts', async () => {
    await seedReport(db.pool);
    const report = await readReport(db.pool, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-29T00:00:00Z'));
    expect(report).toMatchObject({ version: 1, total: 6, since: '2026-11-01T00:00:00.000Z' });
    expect(report.weeks.map((w) => w.week)).toEqual(['2026-11-09', '2026-11-16']);
    const [first, second] = report.weeks;
    expect(first.answers).toBe(3);
    expect(first.languages).toEqual({ en: 2, zh: 1 });
    expect(first.stacks).toEqual([
      { stack: 'edge-wasm', normalForm: 'I∘C∘S∘W', answers: 2, languages: { en: 1, zh: 1 } },
      { stack: 'kata-istio', normalForm: 'V∘S∘C∘Am', answers: 1, languages: { en: 1, zh: 0 } },
    ]);
    expect(first.unmet).toEqual([
      { quantity: 'cold_start', comparator: '<', value: 10, unit: 'ms', answers: 2 },
      { quantity: 'memory', comparator: '<', value: 50, unit: 'MB', answers: 1 },
    ]);
    expect(first.conflicts).toEqual([{ kind: 'contradiction', subjects: ['no-vm', 'vm-per-tenant'], answers: 1 }]);
    expect(second.stacks).toEqual([{ stack: null, normalForm: 'V∘C∘S', answers: 1, languages: { en: 1, zh: 0 } }]);
    expect(second.kinds).toEqual([
      { kind: 'help', answers: 1 },
      { kind: 'refused', answers: 1 },
    ]);
    // Outside the period: nothing.
    const before = await readReport(db.pool, new Date('2026-10-01T00:00:00Z'), new Date('2026-11-09T00:00:00Z'));
    expect(before).toMatchObject({ total: 0, weeks: [] });
  });
});
