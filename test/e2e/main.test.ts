import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { eventBody, JSON_TYPE, mentionEvent, SIGNING_SECRET, send } from './slack-requests.js';

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

const children: ChildProcess[] = [];

afterAll(async () => {
  // A test that failed half-way may leave its process running: each is stopped by its own handle.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
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
  children.push(child);
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GOOD = { SLACK_BOT_TOKEN: 'xoxb-1-t', SLACK_SIGNING_SECRET: SIGNING_SECRET };

/** A local HTTP server answering every request with `handler`, standing in for what sits at SLACK_API_URL. */
async function notSlack(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, server };
}

// Time limits are generous for a loaded machine: each is far below what the defect took (minutes, an hour).
describe('npm start: what stops it, and how it stops', () => {
  it('D2: mentions acknowledged before SIGTERM are still answered, then it exits 0', async () => {
    const run = start({ ...GOOD, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const [, port] = await waitForOutput(run, /HTTP mode on port (\d+)/);
    const releases: (() => void)[] = [];
    const roots: string[] = [];
    for (let i = 0; i < 5; i++) {
      const root = `17100000${10 + i}.000100`;
      roots.push(root);
      releases.push(fake.hold('conversations.replies'));
      const ack = await send(
        `http://127.0.0.1:${port}/slack/events`,
        eventBody(mentionEvent(fake, '<@UBOT> edge', `17100000${10 + i}.000200`, root)),
        JSON_TYPE,
      );
      expect(ack.status).toBe(200);
    }
    run.child.kill('SIGTERM');
    setTimeout(() => {
      for (const release of releases) release();
    }, 1500);
    expect(await run.exited).toBe(0);
    const answered = roots.filter((r) => fake.callsTo('chat.postMessage').some((c) => c.args.thread_ts === r));
    expect(answered).toHaveLength(5);
    expect(run.output()).toContain('every acknowledged request was answered');
  }, 60_000);

  it('D3: SIGTERM stops the process within 10 s even while a client holds an unfinished request', async () => {
    const run = start({ ...GOOD, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const [, port] = await waitForOutput(run, /HTTP mode on port (\d+)/);
    const s = connect(Number(port), '127.0.0.1');
    s.on('error', () => {});
    s.write(
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    await sleep(300);
    run.child.kill('SIGTERM');
    const code = await Promise.race([run.exited, sleep(10_000).then(() => 'still running')]);
    s.destroy();
    if (code === 'still running') run.child.kill('SIGKILL');
    expect(code).toBe(0);
  }, 60_000);

  it('HOST: listens on the address given', async () => {
    const run = start({ ...GOOD, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1' });
    const [, port] = await waitForOutput(run, /HTTP mode on port (\d+) of 127\.0\.0\.1/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('D9: a long Retry-After on auth.test stops the start at once with a clear message, not an hour later', async () => {
    const limited = await notSlack((_req, res) => {
      res.writeHead(429, { 'Retry-After': '3600' }).end('{"ok":false,"error":"ratelimited"}');
    });
    try {
      const run = start({ ...GOOD, SLACK_API_URL: limited.url, PORT: '0' });
      const code = await Promise.race([run.exited, sleep(40_000).then(() => 'still starting')]);
      if (code === 'still starting') run.child.kill('SIGKILL');
      expect(code).toBe(1);
      expect(run.output()).toContain('Slack is rate-limiting this app (auth.test: retry after 3600 s)');
      expect(run.output()).not.toMatch(STACK_TRACE);
    } finally {
      limited.server.close();
    }
    // 40 s covers a slow start of the process on a busy machine; the defect was a wait of 3,600 s.
  }, 60_000);

  it('D10: a page that is not Slack (a proxy login) is reported as such, not as a rejected token, page left out', async () => {
    const page = await notSlack((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>Proxy login</title></html>');
    });
    try {
      const run = start({ ...GOOD, SLACK_API_URL: page.url, PORT: '0' });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain("not as the Slack Web API (the answer was not Slack's JSON)");
      expect(run.output()).not.toContain('rejected SLACK_BOT_TOKEN');
      expect(run.output()).not.toContain('<html>');
      expect(run.output()).not.toMatch(STACK_TRACE);
    } finally {
      page.server.close();
    }
  });

  it('D13: credentials in SLACK_API_URL are refused by the settings check and never printed', async () => {
    const run = start({ ...GOOD, SLACK_API_URL: 'http://user:s3cretPW@127.0.0.1:9/api/', PORT: '0' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('SLACK_API_URL must not contain a user name or password');
    expect(run.output()).not.toContain('s3cretPW');
    expect(run.output()).not.toMatch(STACK_TRACE);
  });

  it('D12: an alias-bomb KNOWLEDGE_PATH stops start-up with the file named and no stack trace', async () => {
    const bomb = join(cwd, 'bomb.yaml');
    const keys = 'abcdefghi';
    writeFileSync(
      bomb,
      [
        'a: &a [1,1,1,1,1,1,1,1,1]',
        ...keys
          .slice(1)
          .split('')
          .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${keys[i]}`).join(',')}]`),
      ].join('\n'),
    );
    const run = start({ ...GOOD, KNOWLEDGE_PATH: bomb });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('bomb.yaml');
    expect(run.output()).not.toMatch(STACK_TRACE);
  });

  it('D4: KNOWLEDGE_PATH=/dev/zero stops start-up at once (not a regular file), without reading it', async () => {
    const run = start({ ...GOOD, KNOWLEDGE_PATH: '/dev/zero' });
    const code = await Promise.race([run.exited, sleep(40_000).then(() => 'still reading')]);
    if (code === 'still reading') run.child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(run.output()).toContain('/dev/zero: cannot read the knowledge file (not a regular file)');
  }, 60_000);
});

describe('npm start with RADAR_PATH', () => {
  const radar = fileURLToPath(new URL('../fixtures/radar/backstage-radar.json', import.meta.url));

  it('stops on an invalid radar with the file, the entry and the reason', async () => {
    const file = join(cwd, 'bad-radar.csv');
    writeFileSync(
      file,
      'name,ring,quadrant,isNew,description\ngVisor,trial,Infrastructure,FALSE,CI\nIstio sidecar,sunset,Platforms,FALSE,old\n',
    );
    const run = start({ ...GOOD, RADAR_PATH: file });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('the technology radar (RADAR_PATH) is invalid');
    expect(out).toContain(
      'bad-radar.csv:3: row 2 (“Istio sidecar”): the ring “sunset” is not adopt, trial, assess or hold',
    );
    expect(out).not.toMatch(STACK_TRACE);
  });

  it('stops on a radar file it cannot read', async () => {
    const run = start({ ...GOOD, RADAR_PATH: join(cwd, 'no-such-radar.json') });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('no-such-radar.json: cannot read the radar file (no such file)');
  });

  it('starts with a valid radar, naming it and warning about the entries that match nothing', async () => {
    const run = start({ ...GOOD, SLACK_API_URL: fake.apiUrl, PORT: '0', RADAR_PATH: radar });
    const [, port] = await waitForOutput(run, /HTTP mode on port (\d+)/);
    expect(run.output()).toContain('Following the technology radar 2026-Q1 (7 entries matched)');
    expect(run.output()).toContain(
      'backstage-radar.json: 2 radar entries match nothing the knowledge base knows, and are ignored: Kubernetes, Docker Swarm',
    );
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(((await health.json()) as { radar?: string }).radar).toBe('2026-Q1');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
