import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/report.js';
import { seedReport } from '../store/answers-seed.js';
import { testDatabase, useMigratedDatabase } from '../store/test-database.js';
import { cli as run } from './capture.js';

const db = useMigratedDatabase(seedReport);

const cli = (args: string[], env: NodeJS.ProcessEnv) => run(args, '', env);

const SINCE = ['--since', '2026-11-01'];

describe('stack-advisor report', () => {
  it('prints per week the answers by stack and language, the unmet limits and the conflicts, in English', async () => {
    const r = await cli(['report', ...SINCE], { DATABASE_URL: db.url });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^stack-advisor report: 6 answers from 2026-11-01 to \d{4}-\d{2}-\d{2} \(UTC\)/);
    expect(out).toContain('Week of 2026-11-09: 3 answers (en 2, zh 1)');
    expect(out).toMatch(/edge-wasm \(I∘C∘S∘W\) +2 {2}en 1, zh 1/);
    expect(out).toMatch(/kata-istio \(V∘S∘C∘Am\) +1 {2}en 1\n/);
    expect(out).toContain('Most frequent unmet numeric limits:');
    expect(out).toMatch(/cold start < 10 ms +2/);
    expect(out).toMatch(/memory < 50 MB +1/);
    expect(out).toMatch(/no-vm and vm-per-tenant cannot both hold +1/);
    expect(out).toContain('Week of 2026-11-16: 3 answers (en 2, zh 1)');
    expect(out).toContain('assembled from its operators (V∘C∘S)');
    expect(out).toContain('Other answers: help 1, turned down 1');
    expect(out.indexOf('2026-11-09')).toBeLessThan(out.indexOf('2026-11-16'));
  });

  it('in Chinese with --lang zh (or a Chinese environment)', async () => {
    for (const [args, env] of [
      [['report', ...SINCE, '--lang', 'zh'], {}],
      [['report', ...SINCE], { LANG: 'zh_CN.UTF-8' }],
    ] as const) {
      const r = await cli([...args], { DATABASE_URL: db.url, ...env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('2026-11-09 起的一周：3 条回答（en 2，zh 1）');
      expect(r.stdout).toContain('最常见的未满足数值限制：');
      expect(r.stdout).toMatch(/冷启动 < 10 ms +2/);
      // Han characters take two columns: the counts line up under each other.
      expect(r.stdout).toContain('    冷启动 < 10 ms  2\n    内存 < 50 MB    1\n');
      expect(r.stdout).toContain('no-vm 与 vm-per-tenant 无法同时成立');
      expect(r.stdout).toContain('其他回答：帮助 1，未能回答 1');
    }
  });

  it('--json prints the documented shape', async () => {
    const r = await cli(['report', ...SINCE, '--json'], { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'since', 'until', 'total', 'weeks']);
    expect(report).toMatchObject({ version: 1, since: '2026-11-01T00:00:00.000Z', total: 6 });
    expect(Object.keys(report.weeks[0])).toEqual([
      'week',
      'answers',
      'languages',
      'stacks',
      'kinds',
      'unmet',
      'conflicts',
    ]);
    expect(report.weeks[0].stacks[0]).toEqual({
      stack: 'edge-wasm',
      normalForm: 'I∘C∘S∘W',
      answers: 2,
      languages: { en: 1, zh: 1 },
    });
    expect(report.weeks[1].kinds).toEqual([
      { kind: 'help', answers: 1 },
      { kind: 'refused', answers: 1 },
    ]);
  });

  it('--since takes days, weeks or a date: the period excludes older answers', async () => {
    const r = await cli(['report', '--since', '2026-11-16', '--json'], { DATABASE_URL: db.url });
    expect(JSON.parse(r.stdout).weeks.map((w: { week: string }) => w.week)).toEqual(['2026-11-16']);
    const now = Date.parse('2026-11-29T00:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    expect(parseSince('30d', now)).toEqual({ ok: true, value: new Date(now - 30 * day) });
    expect(parseSince('8w', now)).toEqual({ ok: true, value: new Date(now - 56 * day) });
    expect(parseSince('2026-11-01', now)).toEqual({ ok: true, value: new Date('2026-11-01T00:00:00Z') });
    expect(parseSince('2026-11-01T08:30:00+08:00', now)).toEqual({ ok: true, value: new Date('2026-11-01T00:30:00Z') });
    for (const bad of ['', '0d', '30', '30y', '-3d', '9999d', '2026-02-30', '2026-13-01', '2099-01-01', 'yesterday']) {
      expect(parseSince(bad, now).ok, bad).toBe(false);
    }
  });

  it('a bad --since is a usage error: exit 2, one line, the error object with --json', async () => {
    const r = await cli(['report', '--since', 'last tuesday'], { DATABASE_URL: db.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stack-advisor: --since “last tuesday” is not a period: give days (30d), weeks (8w) or a date in the past (2026-11-01)\n',
    );
    const j = await cli(['report', '--since', '3x', '--json', '--lang', 'zh'], { DATABASE_URL: db.url });
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual({ error: { code: 'bad-since', message: expect.stringContaining('30d') } });
    expect(j.stderr).toContain('不是有效的时间段');
    expect((await cli(['report', 'extra'], { DATABASE_URL: db.url })).code).toBe(2);
  });

  it('without DATABASE_URL: says what to set, exit 1, in the asked language', async () => {
    const r = await cli(['report'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^stack-advisor: the report reads the database of a distributed bot: set DATABASE_URL/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const zh = await cli(['report', '--json', '--lang', 'zh'], { DATABASE_URL: 'mysql://x' });
    expect(zh.code).toBe(1);
    expect(JSON.parse(zh.stdout).error.code).toBe('report-no-database');
    expect(zh.stderr).toContain('请设置 DATABASE_URL');
  });

  it('an unreachable database: its host, never the password, exit 1', async () => {
    const r = await cli(['report', '--json'], { DATABASE_URL: 'postgres://bot:s3cret-pw@127.0.0.1:1/stackadvisor' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^stack-advisor: the PostgreSQL database at 127\.0\.0\.1:1 \(DATABASE_URL\) did not answer/,
    );
    expect(JSON.parse(r.stdout).error.code).toBe('report-database-unreachable');
    expect(r.stdout + r.stderr).not.toContain('s3cret-pw');
  });

  it('a database the bot never set up: says to start the bot once, exit 1', async () => {
    const empty = await testDatabase();
    try {
      const r = await cli(['report'], { DATABASE_URL: empty.url });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('has no record of answers yet');
    } finally {
      await empty.drop();
    }
  });
});
