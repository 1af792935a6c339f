import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKSTAGE, BYOR, MODIFIED, radarFile } from '../radar/support.js';
import { cli } from './capture.js';

/** `--radar FILE` on every answering command: answers follow it and say so; a bad file is refused (exit 1). */

const backstage = radarFile(BACKSTAGE);
const byor = radarFile(BYOR);

describe('stack-advisor --radar FILE', () => {
  it('advise follows the radar, shows the rings, and warns about entries that match nothing', async () => {
    const r = await cli(['advise', 'fast and observable', '--radar', backstage]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 · Land it → stack and commands: Docker + Istio Ambient');
    expect(r.stdout).toContain('radar: [ADOPT] containerd · [TRIAL] Istio Ambient');
    expect(r.stdout).toContain('because your radar puts Istio sidecar');
    expect(r.stdout).toContain('radar 2026-Q1');
    expect(r.stderr).toBe(
      'stack-advisor: backstage-radar.json: 2 radar entries match nothing the knowledge base knows, and are ignored: Kubernetes, Docker Swarm. Name an operator, an implementation or a stack part, or add an "operator" field.\n',
    );
  });

  it('--json gains the rings and the radar’s version (file name and modification time without a version field)', async () => {
    const r = await cli(['ask', 'microservices', '--radar', byor, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.radar).toEqual({
      file: 'byor-radar.csv',
      version: `byor-radar.csv@${MODIFIED.toISOString()}`,
      modified: MODIFIED.toISOString(),
    });
    expect(json.recommendation.normalForm).toBe('I∘C∘S∘Am');
    expect(json.recommendation.rings).toEqual([
      expect.objectContaining({ title: 'Istio Ambient', ring: 'adopt', operators: ['Am'] }),
    ]);
    expect(json.recommendation.reasons[0].kind).toBe('radar-ring');
  });

  it('explain, simplify, compare and blocks follow it too', async () => {
    expect((await cli(['explain', 'M', '--radar', backstage])).stdout).toContain('[HOLD] Istio sidecar (hold)');
    expect((await cli(['simplify', 'I∘C∘S∘M', '--radar', backstage])).stdout).toContain('! [HOLD] Istio sidecar');
    expect((await cli(['compare', 'fast and observable', 'edge', '--radar', backstage])).stdout).toContain(
      'radar: [ADOPT] containerd · [TRIAL] Istio Ambient',
    );
    const blocks = await cli(['blocks', 'fast and observable', '--radar', backstage]);
    expect(blocks.stdout).toContain('`TRIAL` Istio Ambient');
  });

  it('kit writes the kit of the stack the radar leads to', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'stack-advisor-radar-kit-')), 'kit');
    const r = await cli(['kit', 'fast and observable', '--out', out, '--radar', backstage, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stack).toEqual({ id: 'lightweight', normalForm: 'I∘C∘S∘Am' });
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('ambient');
  });

  it('an invalid radar is refused with the file, the entry and the reason: exit 1, in the asker’s language', async () => {
    const bad = radarFile('name,ring\ngVisor,trial\nIstio sidecar,soon\n');
    const r = await cli(['advise', 'fast', '--radar', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `stack-advisor: ${bad}:3: row 2 (“Istio sidecar”): the ring “soon” is not adopt, trial, assess or hold\n`,
    );
    expect(JSON.parse(r.stdout).error.code).toBe('radar-invalid');
    const zh = await cli(['advise', 'fast', '--radar', bad, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('技术雷达文件无效');
    expect(zh.stderr).toContain('Istio sidecar');
  });

  it('a missing radar file is refused: exit 1', async () => {
    const r = await cli(['advise', 'fast', '--radar', '/nonexistent/radar.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('stack-advisor: /nonexistent/radar.csv: cannot read the radar file (no such file)\n');
  });
});
