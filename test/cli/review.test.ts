import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MADR_HEADINGS, parseMadr } from '../render/madr.js';
import { cli } from './capture.js';

describe('stack-advisor diff', () => {
  it('names both normal forms, the cause, the metric deltas and the flipped check', async () => {
    const r = await cli(['diff', 'multi-tenant', 'multi-tenant, cold start < 10ms']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The recommendation changed: Kata + Istio Ambient V∘S∘C∘M');
    expect(r.stdout).toContain('→ Docker + WasmEdge I∘C∘S∘W');
    expect(r.stdout).toContain('Because of: added cold start < 10 ms');
    expect(r.stdout).toContain('Latency 4 → 5');
    expect(r.stdout).toContain('cold start < 10 ms: not asked before → met');
  });

  it('says in one line when nothing changed, and why', async () => {
    const r = await cli(['diff', 'edge, cold start < 10ms', 'edge, cold start < 10ms, memory < 50MB']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toContain('No change: still Docker + WasmEdge I∘C∘S∘W');
  });

  it('answers in Chinese, and as JSON with the facts', async () => {
    const zh = await cli(['diff', '多租户', '多租户，冷启动小于10毫秒']);
    expect(zh.stdout).toContain('推荐已改变');
    expect(zh.stdout).toContain('新增 冷启动 < 10 ms');
    const json = await cli(['diff', 'multi-tenant', 'multi-tenant, cold start < 10ms', '--json']);
    const d = JSON.parse(json.stdout);
    expect(d).toMatchObject({
      kind: 'diff',
      changed: true,
      before: { normalForm: 'V∘S∘C∘M' },
      after: { normalForm: 'I∘C∘S∘W' },
      added: [{ kind: 'number', quantity: 'cold_start', comparator: '<', value: 10, unit: 'ms' }],
      flipped: [{ quantity: 'cold_start', before: null, after: 'met' }],
    });
    expect(d.metrics).toContainEqual({ dimension: 'latency', before: 4, after: 5 });
  });

  it('needs exactly two requests (exit 2, in the asked language)', async () => {
    const r = await cli(['diff', 'edge', '--lang', 'zh', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('diff-needs-two');
    expect(r.stderr).toContain('diff 需要前后两个请求');
  });
});

describe('stack-advisor adr', () => {
  it('prints a MADR file in English and in Chinese', async () => {
    const en = await cli(['adr', 'edge, cold start < 10ms', '--title', 'Edge runtime']);
    expect(en.code).toBe(0);
    const doc = parseMadr(en.stdout);
    expect(doc.title).toBe('Edge runtime');
    expect(doc.front.status).toBe('proposed');
    expect(String(doc.front.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.headings).toEqual(MADR_HEADINGS.en);
    const zh = await cli(['adr', 'edge, cold start < 10ms', '--lang', 'zh', '--status', 'accepted']);
    const z = parseMadr(zh.stdout);
    expect(z.headings).toEqual(MADR_HEADINGS.zh);
    expect(z.front.status).toBe('accepted');
  });

  it('numbers files after the highest already in --out and never overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adr-'));
    writeFileSync(join(dir, '0007-earlier.md'), 'kept');
    const first = await cli(['adr', 'edge, cold start < 10ms', '--out', dir]);
    expect(first.code).toBe(0);
    const second = await cli(['adr', '强隔离+合规，多租户', '--out', dir]);
    expect(second.stdout).toContain('已写入');
    expect(readdirSync(dir).sort()).toEqual([
      '0007-earlier.md',
      '0008-use-docker-wasmedge-as-the-runtime-isolation-and-mesh-stack.md',
      '0009-采用-kata-istio-ambient-作为运行时-隔离与服务网格技术栈.md',
    ]);
    const named = join(dir, '0007-earlier.md');
    const refused = await cli(['adr', 'edge', '--out', named, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('adr-exists');
    expect(readFileSync(named, 'utf8')).toBe('kept');
    const fresh = join(dir, 'decision.md');
    expect((await cli(['adr', 'edge', '--out', fresh])).code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });

  it('refuses an unknown --status', async () => {
    const r = await cli(['adr', 'edge', '--status', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--status takes proposed or accepted');
  });
});
