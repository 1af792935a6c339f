import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runKit } from '../../src/cli/kit.js';
import { runCli } from '../../src/cli/main.js';
import type { Language } from '../../src/language.js';
import { knowledge } from '../support.js';
import { kitOf, kitTemplates } from './k8s.js';
import { chineseLeaks, englishLeaks } from './prose.js';

const kb = knowledge();
const templates = kitTemplates();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kit-cli-'));
  dirs.push(d);
  return d;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runKit(args, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readStdin: async () => 'I∘C∘S∘Am',
    color: false,
  });
  return { code, out, err };
}

/** A failure as the CLI promises it: exit 2, one line on stderr, no stack trace. */
function expectUsageError(r: { code: number; err: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toContain(text);
  expect(r.err).not.toMatch(/\n\s+at /);
}

const stackOf = (id: string) => {
  const s = kb.stacks.find((x) => x.id === id);
  if (s === undefined) throw new Error(id);
  return s;
};

describe('stack-advisor kit', () => {
  it.each<[string, string, Language]>([
    ['I∘C∘S∘M', 'standard-microservice', 'en'],
    ['V -> S -> C -> M', 'strong-isolation', 'en'],
    ['edge', 'edge', 'en'],
    ['lightweight microservices, low resource usage, unified governance', 'lightweight', 'en'],
    // A Chinese request gets a Chinese README.
    ['混合架构，需要 VM 隔离 + 容器灵活性 + 服务网格治理', 'hybrid', 'zh'],
  ])('writes the kit for %s (%s), the same files buildKit builds', async (input, id, language) => {
    const dir = join(tempDir(), 'kit');
    const r = await run(input, '--out', dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const kit = kitOf(kb, templates, stackOf(id), undefined, undefined, language);
    expect(readdirSync(dir).sort()).toEqual(kit.files.map((f) => f.path).sort());
    for (const f of kit.files) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.content);
    for (const c of kit.commands) expect(r.out).toContain(c);
  });

  it('reads the request from stdin with -', async () => {
    const dir = tempDir();
    const r = await run('-', '--out', dir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).stack.id).toBe('lightweight');
  });

  it('--json prints the files written and the commands, nothing on stderr', async () => {
    const dir = tempDir();
    const r = await run('I∘C∘S∘W', '--out', dir, '--app', 'shop', '--image', 'registry.example.com/shop:1.2', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { files: string[]; commands: string[]; stack: { id: string } };
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['files', 'commands']));
    const kit = kitOf(kb, templates, stackOf('edge'), 'shop', 'registry.example.com/shop:1.2');
    expect(json.commands).toEqual(kit.commands);
    expect(json.commands).toContain('docker build -t registry.example.com/shop:1.2 .');
    expect(json.files).toEqual(kit.files.map((f) => join(dir, f.path)));
    for (const f of json.files) expect(existsSync(f)).toBe(true);
    expect(readFileSync(join(dir, 'deployment.yaml'), 'utf8')).toContain('image: registry.example.com/shop:1.2');
  });

  it('refuses to overwrite without --force, writing nothing; --force replaces', async () => {
    const dir = tempDir();
    expect((await run('strong-isolation', '--out', dir)).code).toBe(0);
    writeFileSync(join(dir, 'namespace.yaml'), 'mine\n');
    rmSync(join(dir, 'custom.json'));
    const again = await run('strong-isolation', '--out', dir);
    expectUsageError(again, '--force');
    expect(again.err).toContain('namespace.yaml');
    expect(readFileSync(join(dir, 'namespace.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'custom.json'))).toBe(false);

    const forced = await run('strong-isolation', '--out', dir, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'namespace.yaml'), 'utf8')).toContain('kind: Namespace');
    expect(existsSync(join(dir, 'custom.json'))).toBe(true);
  });

  it('with --json, an error is {"error":{"code","message"}} on stdout as well', async () => {
    const dir = tempDir();
    await run('edge', '--out', dir);
    const r = await run('edge', '--out', dir, '--json');
    expectUsageError(r, 'refusing to overwrite');
    const json = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(Object.keys(json)).toEqual(['error']);
    expect(json.error.code).toBe('kit-exists');
    expect(json.error.message).toContain('nothing was written');
  });

  it('refuses an app name that is not a DNS label, and writes nothing', async () => {
    const dir = join(tempDir(), 'never');
    const r = await run('I∘C∘S∘M', '--out', dir, '--app', 'My App!', '--json');
    expectUsageError(r, 'DNS label');
    expect(r.err).toContain('"my-app"');
    expect(JSON.parse(r.out).error.code).toBe('invalid-app');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses an image that is not a reference', async () => {
    const r = await run('I∘C∘S∘M', '--out', tempDir(), '--image', 'app:v1; rm -rf /');
    expectUsageError(r, 'not a valid image reference');
  });

  it('refuses a form without a stack row, naming the closest stack', async () => {
    const r = await run('V∘C∘S', '--out', tempDir(), '--json');
    expectUsageError(r, 'kata-seccomp');
    expect(JSON.parse(r.out).error.code).toBe('no-stack-for-form');
  });

  it.each([
    [['I∘C∘S∘M'], '--out DIR is required'],
    [['--out', 'x'], 'kit for what?'],
    [['C∘V∘C', '--out', 'x'], 'C comes before the head'],
    [['Q∘C', '--out', 'x'], 'Q∘C'],
    [['explain V', '--out', 'x'], 'a kit is for one stack'],
    [['I∘C∘S∘M', '--out', 'x', '--bogus'], 'bogus'],
  ])('%j is a usage error', async (args, text) => {
    expectUsageError(await run(...args), text);
  });

  it('refuses an --out that is a file', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    expectUsageError(await run('edge', '--out', file), 'not a directory');
  });

  it('kit edge --lang zh writes a Chinese README and the same other files as in English', async () => {
    const dir = tempDir();
    let out = '';
    const code = await runCli(
      ['kit', 'edge', '--out', dir, '--lang', 'zh'],
      { stdout: (t) => (out += t), stderr: () => {}, readStdin: async () => '', color: false },
      {},
    );
    expect(code).toBe(0);
    expect(out).toContain('部署套件');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# 部署套件：/);
    expect(englishLeaks(readme)).toEqual([]);
    const en = kitOf(kb, templates, stackOf('edge'));
    for (const f of en.files) {
      if (f.path !== 'README.md') expect(readFileSync(join(dir, f.path), 'utf8'), f.path).toBe(f.content);
    }
  });

  it('kit edge --lang en writes an English README even where LANG asks for Chinese', async () => {
    const dir = tempDir();
    const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => '', color: false };
    expect(await runCli(['kit', 'edge', '--out', dir, '--lang', 'en'], io, { LANG: 'zh_CN.UTF-8' })).toBe(0);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# Deploy kit: /);
    expect(chineseLeaks(readme)).toEqual([]);
  });

  it('the real executable: npx stack-advisor kit edge --out DIR --lang zh writes a Chinese README', async () => {
    const dir = tempDir();
    const bin = new URL('../../bin/stack-advisor.js', import.meta.url).pathname;
    await promisify(execFile)(process.execPath, [bin, 'kit', 'edge', '--out', dir, '--lang', 'zh'], {
      timeout: 30_000,
    });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# 部署套件：Docker \+ WasmEdge/);
    expect(readme).toContain('## 开始之前');
    expect(englishLeaks(readme)).toEqual([]);
  }, 40_000);

  it('prints its usage with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--out DIR');
  });
});
