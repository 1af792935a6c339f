import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, color: false },
    env,
  );
  return { code, stdout, stderr };
}

describe('stack-advisor simplify', () => {
  it('prints the steps and the normal form', async () => {
    const r = await cli(['simplify', 'V -> C -> M -> C']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('normal form: V∘C∘M');
    expect(r.stdout).toContain('A2  V∘C∘M∘C ⟶ V∘M∘C');
    expect(r.stdout).toContain('(4▼-5▼-4▼)');
  });

  it('--json follows the contract: normalForm, steps naming their axiom, warnings', async () => {
    const r = await cli(['simplify', 'V∘V∘V', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.normalForm).toBe('V');
    expect(out.steps[0].axiom).toBe('A2');
    expect(out.warnings[0]).toMatch(/nested virtualization/);
  });

  it('reads the word from standard input with -', async () => {
    const r = await cli(['simplify', '-', '--json'], 'C→S→C→I\n');
    expect(JSON.parse(r.stdout).normalForm).toBe('I∘C∘S');
  });

  it('bad input: exit 2, one line on stderr, the error object on stdout with --json', async () => {
    const r = await cli(['simplify', 'C∘V∘C', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'container-before-head', message: expect.any(String) } });
    const unknown = await cli(['simplify', 'V∘Amb']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('stack-advisor: unknown operator "Amb" at position 3: did you mean Am?\n');
    expect(unknown.stdout).toBe('');
  });
});

describe('stack-advisor advise', () => {
  it('--json has the contract fields', async () => {
    const r = await cli(['advise', 'edge, cold start < 10ms, memory < 50MB', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recommendation.normalForm).toBe('I∘C∘S∘W');
    expect(out.recommendation.metrics.label).toBe('(5▼-4▼-4▼)');
    expect(out.recommendation.stack).toBe('Docker + WasmEdge');
    expect(out.recommendation.commands).toContain('docker build -t myapp:wasm .');
    expect(Array.isArray(out.alternatives)).toBe(true);
    expect(Array.isArray(out.conflicts)).toBe(true);
  });

  it('prints the four steps as text, without colour when not on a TTY', async () => {
    const r = await cli(['advise', 'strong isolation, compliance, multi-tenant']);
    for (const heading of [
      '1 · Requirements → operator word',
      '2 · Simplify → normal form',
      '3 · Look up → metrics',
      '4 · Land it → stack and commands: Kata + Istio Ambient',
    ]) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('$ kubectl apply -f kata-runtimeclass.yaml');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it.each([
    [[''], 'empty-request'],
    [['x'.repeat(4001)], 'request-too-long'],
  ])('rejects %#: exit 2 with %s', async (args, code) => {
    const r = await cli(['advise', ...args, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe(code);
  });
});

describe('stack-advisor explain and compare', () => {
  it('explains an operator with its implementations, figures and stacks', async () => {
    const r = await cli(['explain', 'Am']);
    expect(r.stdout).toContain('Am — Ambient mesh');
    expect(r.stdout).toContain('Istio ambient');
    expect(r.stdout).toContain('Docker + Istio Ambient (I∘C∘S∘Am (5▼-3▲-5▼))');
    // The same question in Chinese, or with --lang zh, is answered in Chinese.
    for (const args of [
      ['explain', 'Am', '--lang', 'zh'],
      ['ask', '解释 Am'],
    ]) {
      const zh = await cli(args);
      expect(zh.stdout).toContain('Am — Ambient 网格（Ambient mesh）');
      expect(zh.stdout).toContain('适用场景');
    }
    const byLocale = await cli(['explain', 'Am'], '', { LANG: 'zh_CN.UTF-8' });
    expect(byLocale.stdout).toContain('适用场景');
  });

  it('errors are in the asker’s language, on stderr and in the --json message', async () => {
    const r = await cli(['simplify', 'C∘V∘C', '--json', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/头部算子/);
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'container-before-head',
      message: expect.stringMatching(/头部算子/),
    });
    const bad = await cli(['advise', 'x', '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang takes en or zh/);
  });

  it('compares words and requirements side by side', async () => {
    const r = await cli(['compare', 'I∘C∘S∘M', '强隔离+合规', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.items.map((i: { normalForm: string }) => i.normalForm)).toEqual(['I∘C∘S∘M', 'V∘S∘C∘M']);
    expect(out.winners.security).toEqual([1]);
    expect(out.winners.latency).toEqual([0]);
  });

  it('an unknown command is a usage error', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});

describe('an invalid KNOWLEDGE_PATH', () => {
  it('exit 1 naming the file and the line, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-cli-'));
    const overlay = join(dir, 'bad.yaml');
    writeFileSync(overlay, 'metrics:\n  - form: I∘C∘S∘M\n    vector: [5, 3, 7]\n');
    const r = await cli(['advise', 'edge'], '', { KNOWLEDGE_PATH: overlay });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${overlay}:3: metrics[0].vector[2]`);
  });
});

describe('the real executable', () => {
  const run = promisify(execFile);
  const bin = new URL('../../bin/stack-advisor.js', import.meta.url).pathname;

  it('answers, and fails with exit 2 and no stack trace', async () => {
    const ok = await run(process.execPath, [bin, 'simplify', 'V∘C∘M∘C', '--json']);
    expect(JSON.parse(ok.stdout).normalForm).toBe('V∘C∘M');
    const failed = await run(process.execPath, [bin, 'simplify', 'V∘C∘V']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed && failed.stderr).not.toMatch(/\n\s+at /);
  });
});
