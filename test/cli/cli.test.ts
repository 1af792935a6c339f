import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from './capture.js';

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

describe('KNOWLEDGE_PATH that could hurt the host (D4, D12)', () => {
  it('D4: /dev/zero is refused at once as not a regular file, exit 1', async () => {
    const r = await cli(['advise', 'edge'], '', { KNOWLEDGE_PATH: '/dev/zero' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/zero: cannot read the knowledge file (not a regular file)');
  });

  it('D4: a file over the size limit is refused without being read, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-cli-'));
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024);
    const r = await cli(['advise', 'edge'], '', { KNOWLEDGE_PATH: huge });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${huge}: cannot read the knowledge file (52,428,800 bytes; the limit is 5,242,880 bytes)`,
    );
  });

  it('D12: an alias bomb is refused naming the file, not as an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-cli-'));
    const bomb = join(dir, 'bomb.yaml');
    const keys = 'abcdefghi';
    const lines = ['a: &a [1,1,1,1,1,1,1,1,1]'];
    for (let i = 1; i < keys.length; i++)
      lines.push(
        `${keys[i]}: &${keys[i]} [${Array(9)
          .fill(`*${keys[i - 1]}`)
          .join(',')}]`,
      );
    writeFileSync(bomb, lines.join('\n'));
    const r = await cli(['advise', 'edge'], '', { KNOWLEDGE_PATH: bomb });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bomb}: YAML cannot be expanded`);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('kit --out that could hurt the host (D6, D11)', () => {
  it('D6: --force replaces a symbolic link planted in --out; the file it points to is not written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-kit-'));
    mkdirSync(join(dir, 'outside'));
    mkdirSync(join(dir, 'out'));
    const victim = join(dir, 'outside', 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'out', 'README.md'));
    symlinkSync(join(dir, 'outside', 'created-by-kit.yaml'), join(dir, 'out', 'deployment.yaml'));
    const r = await cli(['kit', 'edge', '--out', join(dir, 'out'), '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(dir, 'outside', 'created-by-kit.yaml'))).toBe(false);
    expect(lstatSync(join(dir, 'out', 'README.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'out', 'README.md'), 'utf8')).toMatch(/^# Deploy kit/);
  });

  it.skipIf(!existsSync('/proc/self'))(
    'D11: --out under /proc fails at once with exit 1, no endless loop',
    async () => {
      // A separate process with a time limit: the loop this guards against is synchronous and would hang the test run.
      const bin = new URL('../../bin/stack-advisor.js', import.meta.url).pathname;
      const failed = await promisify(execFile)(process.execPath, [bin, 'kit', 'edge', '--out', '/proc/kit'], {
        timeout: 15_000,
      }).catch((e: { code: number | null; killed?: boolean; stderr: string }) => e);
      expect('killed' in failed && failed.killed).toBe(false);
      expect('code' in failed && failed.code).toBe(1);
      expect('stderr' in failed && failed.stderr).toContain('cannot write the kit to /proc/kit');
    },
    20_000,
  );
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
