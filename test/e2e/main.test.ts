import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './slack-requests.js';

/**
 * `npm start` as a process: configuration errors exit 1 with a message and no stack trace or secret; a good start
 * serves; SIGTERM stops it with exit code 0. Run from an empty folder so no developer's .env is read.
 */

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

const fake = new FakeSlack();
let cwd = '';

beforeAll(async () => {
  await fake.start();
  cwd = mkdtempSync(join(tmpdir(), 'stack-advisor-main-'));
});

afterAll(async () => {
  await fake.stop();
  rmSync(cwd, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = run.output().match(pattern);
    if (match) return match;
    const done = await Promise.race([
      run.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 50)),
    ]);
    if (done) {
      const last = run.output().match(pattern);
      if (last) return last;
      throw new Error(`exited without printing ${pattern}:\n${run.output()}`);
    }
  }
}

const STACK_TRACE = /^\s+at\s/m;

describe('npm start', () => {
  it('names every missing setting and where to get it, and exits 1', async () => {
    const run = start({});
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('SLACK_BOT_TOKEN is missing');
    expect(out).toContain('SLACK_SIGNING_SECRET is missing');
    expect(out).toContain('api.slack.com/apps');
    expect(out).toContain('OAuth & Permissions');
    expect(out).not.toMatch(STACK_TRACE);
  });

  it('says which settings are malformed without printing their values', async () => {
    const run = start({
      SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET-1234',
      SLACK_SIGNING_SECRET: 'not hex SECRET-5678',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
    });
    expect(await run.exited).toBe(1);
    const out = run.output();
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'LOG_LEVEL']) expect(out).toContain(name);
    expect(out).not.toContain('SECRET-1234');
    expect(out).not.toContain('SECRET-5678');
    expect(out).not.toContain('eighty');
    expect(out).not.toMatch(STACK_TRACE);
  });

  it('stops on an invalid knowledge file with its message', async () => {
    const file = join(cwd, 'bad-knowledge.yaml');
    writeFileSync(file, 'stacks:\n  - id: Not An Id\n');
    const run = start({ SLACK_BOT_TOKEN: 'xoxb-1-t', SLACK_SIGNING_SECRET: SIGNING_SECRET, KNOWLEDGE_PATH: file });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('bad-knowledge.yaml');
    expect(run.output()).toContain('knowledge base is invalid');
    expect(run.output()).not.toMatch(STACK_TRACE);
  });

  it('stops with a clear message when Slack rejects the bot token', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const run = start({
      SLACK_BOT_TOKEN: 'xoxb-1-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    expect(run.output()).not.toContain('xoxb-1-t');
    expect(run.output()).not.toMatch(STACK_TRACE);
  });

  it('serves in HTTP mode and stops cleanly on SIGTERM', async () => {
    const run = start({
      SLACK_BOT_TOKEN: 'xoxb-1-t',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
    });
    const [, port] = await waitForOutput(run, /HTTP mode on port (\d+)/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
