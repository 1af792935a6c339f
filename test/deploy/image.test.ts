import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/slack/config.js';
import { FakeSlack } from '../e2e/fake-slack.js';
import { carryOutImage, envOf } from './carry-out.js';
import { contextFiles, copyArguments, dockerignore, envKeys, readDockerfile, type Stage } from './dockerfile.js';

/**
 * The bot's own image (Dockerfile, .dockerignore), without a Docker daemon: the file's facts are read and checked,
 * then both stages are carried out on this machine — the build context as .dockerignore leaves it, `npm run build` in
 * the build stage, the runtime stage's copies into a folder of its own — and the runtime's CMD is started there and
 * asked by the HEALTHCHECK's own command. What the image would lack (a file, a path, a dev dependency) fails here.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const stages = readDockerfile(join(ROOT, 'Dockerfile'));
const ignored = dockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = stages.at(-1) as Stage;
const named = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const only = (stage: Stage, keyword: string) => {
  const found = named(stage, keyword);
  expect(found, `${keyword} in the stage from ${stage.image}`).toHaveLength(1);
  return found[0];
};

// The names of every setting that holds a secret: none may be baked into the image.
const SECRETS = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'DATABASE_URL',
  'TOKEN_ENCRYPTION_KEY',
];

describe('Dockerfile: what it says', () => {
  it('has a build stage and a runtime stage, both on the node 20 slim image pinned by tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0].name).toBe('build');
    for (const stage of stages)
      expect(stage.image).toMatch(/^node:20(\.\d+){0,2}-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    // The image's node satisfies the package's engines.
    expect(pkg).toHaveProperty('engines.node', '>=20');
  });

  it('builds with every dependency and `npm run build`, and the runtime installs production dependencies only', () => {
    const build = stages[0];
    const buildRuns = named(build, 'RUN').map((r) => r.rest);
    expect(buildRuns.some((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit=dev'))).toBe(true);
    expect(buildRuns).toContain('npm run build');
    expect(pkg.scripts.build).toContain('tsconfig.build.json');
    const runtimeRuns = named(runtime, 'RUN').map((r) => r.rest);
    const installs = runtimeRuns.filter((r) => /\bnpm (ci|install)\b/.test(r));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/\bnpm ci --omit=dev\b/);
    // Nothing of the build stage's node_modules (with its dev dependencies) reaches the runtime.
    for (const copy of named(runtime, 'COPY'))
      expect(copyArguments(copy).sources.join(' ')).not.toMatch(/node_modules/);
  });

  it('runs as a numeric non-root user, serves PORT 3000 and checks /healthz with node, starting dist/main.js', () => {
    const user = only(runtime, 'USER').rest;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(user.split(':').every((id) => Number(id) > 0)).toBe(true);
    // EXPOSE is the port the bot listens on when PORT is not set.
    const defaults = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(defaults.ok && defaults.value.port).toBe(3000);
    expect(only(runtime, 'EXPOSE').rest).toBe('3000');
    const health = only(runtime, 'HEALTHCHECK');
    expect(health.exec?.[0]).toBe('node');
    expect(health.exec?.join(' ')).toContain('/healthz');
    expect(health.exec?.join(' ')).toContain('process.env.PORT');
    expect(health.flags.timeout).toMatch(/^\d+s$/);
    expect(only(runtime, 'CMD').exec).toEqual(['node', 'dist/main.js']);
    expect(only(runtime, 'WORKDIR').rest).toBe('/app');
  });

  it('bakes no secret into any stage: no ENV or ARG names a token, a secret or the database URL', () => {
    for (const stage of stages) {
      const keys = [...named(stage, 'ENV').flatMap(envKeys), ...named(stage, 'ARG').map((a) => a.rest.split('=')[0])];
      for (const key of keys) {
        expect(SECRETS).not.toContain(key);
        expect(key).not.toMatch(/TOKEN|SECRET|PASSWORD|_KEY$/);
      }
    }
  });

  it('.dockerignore keeps node_modules, dist, .git and .env out of the context, and what the image needs in', () => {
    for (const path of ['node_modules', 'node_modules/yaml/package.json', 'dist', 'dist/main.js', '.git', '.env']) {
      expect(ignored(path), path).toBe(true);
    }
    expect(ignored('.env.production')).toBe(true);
    const context = contextFiles(ROOT, ignored);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'src/main.ts',
      'knowledge/stack-advisor.yaml',
      'knowledge/kit.yaml',
      'bin/stack-advisor.js',
    ]) {
      expect(context, needed).toContain(needed);
    }
    expect(context.some((f) => f.startsWith('node_modules/') || f === '.env')).toBe(false);
  });

  it('copies from the build context only what is in it, and from the build stage only its build output', () => {
    const context = contextFiles(ROOT, ignored);
    const outDir = (
      JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
        compilerOptions: { outDir: string };
      }
    ).compilerOptions.outDir;
    const buildWorkdir = only(stages[0], 'WORKDIR').rest;
    for (const stage of stages) {
      for (const copy of named(stage, 'COPY')) {
        const { sources } = copyArguments(copy);
        for (const source of sources) {
          if (copy.flags.from !== undefined) {
            expect(copy.flags.from).toBe('build');
            expect(source).toBe(`${buildWorkdir}/${outDir}`);
          } else if (source !== '.') {
            const clean = source.replace(/\/$/, '');
            expect(
              context.some((f) => f === clean || f.startsWith(`${clean}/`)),
              `COPY ${source} (line ${copy.line})`,
            ).toBe(true);
          }
        }
      }
    }
    // The knowledge YAML the compiled loaders read (../../knowledge from dist/knowledge and dist/kit) is in the runtime.
    const runtimeSources = named(runtime, 'COPY').flatMap((c) => copyArguments(c).sources);
    expect(runtimeSources).toContain('knowledge');
  });
});

// ---- carrying the stages out on this machine ----

const fake = new FakeSlack();
let work = '';
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Every file under `dir` (not following node_modules) with its size and time of change. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        files.set(relative(dir, full), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return files;
}

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));

function healthcheck(port: number): number | null {
  const exec = only(runtime, 'HEALTHCHECK').exec ?? [];
  try {
    execFileSync(process.execPath, exec.slice(1), {
      env: { PATH: process.env.PATH ?? '', ...envOf(runtime), PORT: String(port) },
      stdio: 'pipe',
      timeout: 10_000,
    });
    return 0;
  } catch (error) {
    return (error as { status?: number | null }).status ?? null;
  }
}

describe('Dockerfile: carried out', () => {
  let app = '';

  beforeAll(async () => {
    await fake.start();
    work = mkdtempSync(join(tmpdir(), 'stack-advisor-image-'));
    app = carryOutImage(ROOT, work);
  }, 180_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the runtime has the compiled bot, the knowledge beside it, and no sources, tests or secrets', () => {
    for (const file of ['dist/main.js', 'dist/knowledge/load.js', 'dist/cli/entry.js', 'bin/stack-advisor.js']) {
      expect(existsSync(join(app, file)), file).toBe(true);
    }
    // dist/knowledge/load.js reads ../../knowledge/stack-advisor.yaml: that is /app/knowledge.
    const builtin = new URL('../../knowledge/stack-advisor.yaml', `file://${join(app, 'dist/knowledge/load.js')}`);
    expect(existsSync(fileURLToPath(builtin))).toBe(true);
    expect(existsSync(join(app, 'knowledge/kit.yaml'))).toBe(true);
    for (const absent of ['src', 'test', '.env', 'tsconfig.json', 'bench'])
      expect(existsSync(join(app, absent)), absent).toBe(false);
  });

  it('imports at run time only node built-ins and production dependencies', () => {
    const bare = new Set<string>();
    for (const file of jsFiles(join(app, 'dist'))) {
      const text = readFileSync(file, 'utf8');
      const statements = [
        ...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
        ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
        ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ];
      for (const m of statements) if (!m[1].startsWith('.')) bare.add(m[1]);
    }
    const packages = [...bare]
      .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
    expect(packages.length).toBeGreaterThan(0);
    for (const name of new Set(packages)) expect(Object.keys(pkg.dependencies), name).toContain(name);
  });

  it('starts with CMD, answers the HEALTHCHECK, writes nothing in its folder, and the check fails once it stops', async () => {
    const port = await freePort();
    const before = snapshot(app);
    const cmd = only(runtime, 'CMD').exec ?? [];
    const child = spawn(process.execPath, cmd.slice(1), {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? '',
        ...envOf(runtime),
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-image-test',
        SLACK_SIGNING_SECRET: 'image-test-signing-secret',
        SLACK_API_URL: fake.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (d) => {
      output += String(d);
    });
    child.stderr?.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let status: number | null = null;
    for (let i = 0; i < 100 && status !== 0 && child.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = healthcheck(port);
    }
    expect(status, output).toBe(0);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toMatchObject({ ok: true, knowledge: expect.any(String) });
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    expect(healthcheck(port)).not.toBe(0);
    // A read-only root filesystem is fine: the bot wrote nothing beside itself.
    expect(snapshot(app)).toEqual(before);
  }, 60_000);
});
