import { describe, expect, it } from 'vitest';
import type { Carried } from '../../src/advisor/answer.js';
import { sweep } from '../../src/store/housekeeping.js';
import { PostgresThreadMemory } from '../../src/store/thread-memory.js';
import { useMigratedDatabase } from './test-database.js';

const db = useMigratedDatabase();

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T12:00:00Z');
const key = { enterpriseId: '', teamId: 'T1', channel: 'C1', threadTs: '1700000001.000100' };
const edge: Carried = {
  needs: [{ need: 'edge', negated: false, text: 'edge' }],
  constraints: [{ quantity: 'cold_start', comparator: '<', value: 10, unit: 'ms', text: 'cold start < 10ms' }],
  language: 'en',
};
const strong: Carried = {
  needs: [{ need: 'strong-isolation', negated: false, text: '强隔离' }],
  constraints: [],
  language: 'zh',
};

describe('thread memory in PostgreSQL', () => {
  it('keeps what an answer carried and gives it back for the same thread only', async () => {
    const memory = new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0);
    await memory.write(key, edge, 'kb-1');
    expect(await memory.read(key)).toEqual(edge);
    expect(await memory.read({ ...key, threadTs: '1700000002.000100' })).toBeUndefined();
    expect(await memory.read({ ...key, channel: 'C2' })).toBeUndefined();
    expect(await memory.read({ ...key, teamId: 'T2' })).toBeUndefined();
    expect(await memory.read({ ...key, enterpriseId: 'E1' })).toBeUndefined();
    // Another app sharing the database has threads of its own.
    expect(await new PostgresThreadMemory(db.pool, 'client-2', 30, () => T0).read(key)).toBeUndefined();
  });

  it('a later answer in the thread replaces the context and pushes the expiry back', async () => {
    const k = { ...key, threadTs: '1700000010.000100' };
    await new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0).write(k, edge, 'kb-1');
    await new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0 + 20 * DAY).write(k, strong, 'kb-2');
    const later = new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0 + 45 * DAY);
    expect(await later.read(k)).toEqual(strong);
    const row = await db.pool.query(
      'SELECT knowledge_version, expires_at FROM thread_memory WHERE thread_ts = $1 AND client_id = $2',
      [k.threadTs, 'client-1'],
    );
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0].knowledge_version).toBe('kb-2');
    expect(new Date(row.rows[0].expires_at).getTime()).toBe(T0 + 50 * DAY);
  });

  it('an expired row is never read, and the clean-up deletes it (and only it)', async () => {
    const k = { ...key, threadTs: '1700000020.000100' };
    const fresh = { ...key, threadTs: '1700000021.000100' };
    await new PostgresThreadMemory(db.pool, 'client-1', 7, () => T0).write(k, edge, 'kb-1');
    await new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0).write(fresh, edge, 'kb-1');
    expect(await new PostgresThreadMemory(db.pool, 'client-1', 7, () => T0 + 6 * DAY).read(k)).toEqual(edge);
    const afterAWeek = new PostgresThreadMemory(db.pool, 'client-1', 7, () => T0 + 8 * DAY);
    expect(await afterAWeek.read(k)).toBeUndefined();
    const swept = await sweep(db.pool, { threads: afterAWeek }, 90, () => {});
    expect(swept.threads).toBeGreaterThanOrEqual(1);
    const left = await db.pool.query('SELECT thread_ts FROM thread_memory WHERE thread_ts = ANY($1)', [
      [k.threadTs, fresh.threadTs],
    ]);
    expect(left.rows.map((r) => r.thread_ts)).toEqual([fresh.threadTs]);
  });

  it('a row that does not validate reads as missing, never as an error', async () => {
    const memory = new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0);
    const k = { ...key, threadTs: '1700000030.000100' };
    await memory.write(k, edge, 'kb-1');
    await db.pool.query(
      `UPDATE thread_memory SET carried = '{"needs": "edge", "constraints": 3}' WHERE thread_ts = $1`,
      [k.threadTs],
    );
    expect(await memory.read(k)).toBeUndefined();
    await db.pool.query(
      `UPDATE thread_memory SET carried = '{"needs": [], "constraints": [{"quantity": "speed", "comparator": "<", "value": 1, "unit": "ms", "text": "x"}]}' WHERE thread_ts = $1`,
      [k.threadTs],
    );
    expect(await memory.read(k)).toBeUndefined();
  });

  it('keeps at most 50 needs, without repeats, as the metadata does', async () => {
    const memory = new PostgresThreadMemory(db.pool, 'client-1', 30, () => T0);
    const k = { ...key, threadTs: '1700000040.000100' };
    const many: Carried = {
      needs: Array.from({ length: 80 }, (_, i) => ({ need: `n${i % 60}`, negated: false, text: `n${i}` })),
      constraints: [],
    };
    await memory.write(k, many, 'kb-1');
    const back = await memory.read(k);
    expect(back?.needs).toHaveLength(50);
    expect(new Set(back?.needs.map((n) => n.need)).size).toBe(50);
  });
});
