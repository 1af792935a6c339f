import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer, type Server, Socket } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { appLogger, createApp, startApp } from '../../src/slack/app.js';
import { type Config, loadConfig } from '../../src/slack/config.js';
import { type Installations, openInstallations } from '../../src/slack/distribution.js';
import { stopApp } from '../../src/slack/shutdown.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { type TestDatabase, testDatabase } from '../store/test-database.js';
import { advisor, say } from '../support.js';
import { distributedConfig, startDistributedApp } from './distributed-app.js';
import { FakeSlack } from './fake-slack.js';
import { commandBody, eventBody, FORM, JSON_TYPE, mentionEvent, SIGNING_SECRET, send } from './slack-requests.js';

/**
 * /healthz, /readyz and /metrics over real HTTP in both connection modes: readiness following the database (behind
 * a TCP proxy that the test cuts and restores) and the Socket Mode connection (closed by the fake Slack side, then
 * re-established by the client), the counters moving with signed requests, and the JSON log lines free of the
 * token, the signing secret and the user's text.
 */

function configOf(env: Record<string, string>): Config {
  const config = loadConfig(env);
  if (!config.ok) throw new Error(say(config.error));
  return config.value;
}

async function get(url: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(url);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** The value of one sample in a Prometheus exposition, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (match === null || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('HTTP mode, one workspace: probes, metrics and logs', () => {
  const fake = new FakeSlack();
  const BOT_TOKEN = 'xoxb-77-probe-secret-token';
  // Words no log line may carry: they are the user's.
  const USER_TEXT = 'quokka-confidential-roadmap';
  const lines: string[] = [];
  let app: App;
  let base = '';

  beforeAll(async () => {
    await fake.start();
    const config = configOf({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });
    const logger = appLogger(config, { write: (line: string) => lines.push(line) });
    app = createApp(config, advisor(), { logger, webClient: { retries: 1, timeoutMs: 5_000 } });
    const started = await startApp(app, config, { port: 0, host: '127.0.0.1' });
    if (!started.ok || started.value.port === undefined) throw new Error('the app did not start');
    base = `http://127.0.0.1:${started.value.port}`;
  });

  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('GET /healthz: alive, with the knowledge version', async () => {
    const res = await get(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true, knowledge: advisor().version });
  });

  it('GET /readyz: ready once started (the bot token checked with auth.test)', async () => {
    expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
    const res = await get(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ready: true });
  });

  it('GET /metrics: after a signed /stack, the command counted and the stack answered counted', async () => {
    const before = await get(`${base}/metrics`);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    expect(sample(before.text, 'stack_advisor_requests_total', { kind: 'command' })).toBe(0);
    const question = `edge computing, cold start < 10ms, memory < 50MB ${USER_TEXT}`;
    const expected = advisor().answer(question);
    if (!expected.ok || expected.value.kind !== 'advice') throw new Error('the question is not answered');
    const stack = expected.value.recommendation.stack.id ?? '';
    const res = await send(`${base}/slack/events`, commandBody(question, fake.responseUrl('probe')), FORM);
    expect(res.status).toBe(200);
    const after = (await get(`${base}/metrics`)).text;
    expect(sample(after, 'stack_advisor_requests_total', { kind: 'command' })).toBe(1);
    expect(sample(after, 'stack_advisor_ack_seconds_count', { kind: 'command' })).toBe(1);
    expect(sample(after, 'stack_advisor_answers_total', { stack })).toBe(1);
    // Default process metrics are on the same registry.
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts Web API errors by method and code, retries, and duplicate deliveries', async () => {
    // The answer's post: a server error (tried again), then a refusal (not tried again).
    fake.failNext('chat.postMessage', { status: 500 }, { error: 'channel_not_found' });
    const body = eventBody(mentionEvent(fake, `<@UBOT> edge ${USER_TEXT}`, fake.nextTs()));
    expect((await send(`${base}/slack/events`, body, JSON_TYPE)).status).toBe(200);
    // Slack's retry of the same delivery: acknowledged, skipped.
    const retry = await send(`${base}/slack/events`, body, JSON_TYPE, {}, { 'x-slack-retry-num': '1' });
    expect(retry.status).toBe(200);
    await vi.waitFor(async () => {
      const text = (await get(`${base}/metrics`)).text;
      expect(
        sample(text, 'stack_advisor_slack_api_errors_total', {
          method: 'chat.postMessage',
          error: 'channel_not_found',
        }),
      ).toBe(1);
      expect(sample(text, 'stack_advisor_duplicate_deliveries_total', { kind: 'event' })).toBe(1);
      expect(sample(text, 'stack_advisor_requests_total', { kind: 'event' })).toBe(2);
      expect(
        sample(text, 'stack_advisor_slack_api_errors_total', { method: 'chat.postMessage', error: 'http_5xx' }),
      ).toBe(1);
      expect(sample(text, 'stack_advisor_slack_api_retries_total', { method: 'chat.postMessage' })).toBe(1);
    });
  });

  it('counts a failed call made outside the retry helper too (views.open for /stack form)', async () => {
    fake.failNext('views.open', { error: 'expired_trigger_id' });
    expect((await send(`${base}/slack/events`, commandBody('form', fake.responseUrl('form')), FORM)).status).toBe(200);
    await vi.waitFor(async () => {
      const text = (await get(`${base}/metrics`)).text;
      expect(
        sample(text, 'stack_advisor_slack_api_errors_total', { method: 'views.open', error: 'expired_trigger_id' }),
      ).toBe(1);
    });
  });

  it('logs JSON lines with level, time, request id and team, and never the token, the secret or the user text', async () => {
    // A failure inside a request is logged from within it.
    fake.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const body = eventBody(mentionEvent(fake, `<@UBOT> ${USER_TEXT} serverless`, fake.nextTs()));
    expect((await send(`${base}/slack/events`, body, JSON_TYPE)).status).toBe(200);
    await vi.waitFor(() => expect(lines.some((l) => l.includes('Could not post the apology'))).toBe(true));
    // An unsigned request is refused and logged too.
    await fetch(`${base}/slack/events`, { method: 'POST', body: `token=${BOT_TOKEN}&text=${USER_TEXT}` });
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const entry of entries) {
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
      expect(typeof entry.time).toBe('string');
      expect(typeof entry.msg).toBe('string');
    }
    const inRequest = entries.find((e) => String(e.msg).includes('Could not post the apology'));
    expect(inRequest?.request_id).toMatch(/^[0-9a-z]{4}-[0-9a-z]+$/);
    expect(inRequest?.team).toBe('T0001');
    const all = lines.join('');
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, USER_TEXT, 'xoxb-']) expect(all).not.toContain(secret);
  });
});

/** A TCP proxy in front of the database: `cut()` closes it and every connection through it, `restore()` reopens it. */
class DatabaseProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly target: number,
  ) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const connection = new Socket();
      this.sockets.add(client).add(connection);
      const drop = () => {
        client.destroy();
        connection.destroy();
        this.sockets.delete(client);
        this.sockets.delete(connection);
      };
      client.on('error', drop).on('close', drop);
      connection.on('error', drop).on('close', drop);
      connection.connect(this.target, this.host, () => {
        client.pipe(connection).pipe(client);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('HTTP mode, distributed: /readyz follows the database', () => {
  const fake = new FakeSlack();
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let installations: Installations;
  let app: App;
  let base = '';

  beforeAll(async () => {
    await fake.start();
    database = await testDatabase();
    const url = new URL(database.url);
    proxy = new DatabaseProxy(url.hostname, Number(url.port || 5432));
    await proxy.open();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const config = distributedConfig(fake, url.toString());
    ({ app, installations, base } = await startDistributedApp(config, fake, new RecordingLogger(), (opened) => ({
      installations: opened.store,
      database: opened.pool,
      webClient: { retries: 0 },
    })));
  }, 60_000);

  afterAll(async () => {
    await app.stop();
    await installations.pool.end();
    await proxy.cut();
    await database.drop();
    await fake.stop();
  });

  it('is ready while the database answers, 503 with the reason when it is gone, ready again when it is back', async () => {
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = (await get(`${base}/metrics`)).text;
    expect(sample(metrics, 'stack_advisor_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'stack_advisor_db_pool_connections', { state: 'waiting' })).toBe(0);

    await proxy.cut();
    await vi.waitFor(
      async () => {
        const gone = await get(`${base}/readyz`);
        expect(gone.status).toBe(503);
        expect(JSON.parse(gone.text)).toEqual({ ready: false, reason: 'database-unreachable' });
      },
      { timeout: 10_000, interval: 100 },
    );
    // Alive all the while: the liveness probe must not restart a pod for a database outage.
    expect((await get(`${base}/healthz`)).status).toBe(200);

    await proxy.open();
    await vi.waitFor(async () => expect((await get(`${base}/readyz`)).status).toBe(200), {
      timeout: 15_000,
      interval: 200,
    });
  }, 40_000);
});

describe('Socket Mode: the probes on PORT, /readyz following the socket', () => {
  const fake = new FakeSlack();
  let wss: WebSocketServer;
  let socket: WebSocket | undefined;
  const received: Record<string, unknown>[] = [];
  let app: App;
  let config: Config;
  let base = '';
  const logger = new RecordingLogger();

  beforeAll(async () => {
    wss = await new Promise<WebSocketServer>((resolve) => {
      const server: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => resolve(server));
    });
    await fake.start();
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=test`;
    wss.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0STACK' } }));
    });
    config = configOf({
      SLACK_BOT_TOKEN: 'xoxb-1-test-token',
      SLACK_APP_TOKEN: 'xapp-1-test-token',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
    app = createApp(config, advisor(), { logger });
    const started = await startApp(app, config);
    if (!started.ok || started.value.port === undefined) throw new Error('the app did not start with a port');
    base = `http://127.0.0.1:${started.value.port}`;
  });

  afterAll(async () => {
    await app.stop().catch(() => undefined);
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await fake.stop();
  });

  it('serves /healthz, /readyz and /metrics on the port', async () => {
    const health = await get(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, knowledge: advisor().version });
    expect((await get(`${base}/readyz`)).status).toBe(200);
    expect((await get(`${base}/metrics`)).text).toContain('stack_advisor_requests_total');
    // Unknown paths get 404 without a log line each (anyone can send them).
    expect((await get(`${base}/nothing-here?x=1`)).status).toBe(404);
    expect(logger.lines.filter((l) => l.text.includes('nothing-here'))).toEqual([]);
  });

  it('counts a slash command received over the socket', async () => {
    socket?.send(
      JSON.stringify({
        envelope_id: 'env-probe-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T0001',
          channel_id: 'C0DESIGN',
          user_id: 'U0ASKER',
          command: '/stack',
          text: 'edge computing, cold start < 10ms',
          api_app_id: 'A0STACK',
          response_url: fake.responseUrl('socket-probe'),
          trigger_id: '9.9.9',
        },
      }),
    );
    await vi.waitFor(() => expect(received.some((m) => m.envelope_id === 'env-probe-1')).toBe(true));
    const text = (await get(`${base}/metrics`)).text;
    expect(sample(text, 'stack_advisor_requests_total', { kind: 'command' })).toBe(1);
  });

  it('reports a port already in use as a start failure naming PORT', async () => {
    const port = Number(new URL(base).port);
    const second = createApp({ ...config, port }, advisor(), { logger: new RecordingLogger() });
    const started = await startApp(second, { ...config, port });
    expect(started.ok).toBe(false);
    if (!started.ok) {
      expect(started.error.code).toBe('port-in-use');
      expect(say(started.error)).toContain(String(port));
    }
    await second.stop().catch(() => undefined);
  });

  it('turns 503 when the socket is closed, and 200 once the client has reconnected', async () => {
    const opened = fake.callsTo('apps.connections.open').length;
    socket?.terminate();
    await vi.waitFor(
      async () => {
        const down = await get(`${base}/readyz`);
        expect(down.status).toBe(503);
        expect(JSON.parse(down.text)).toEqual({ ready: false, reason: 'socket-disconnected' });
      },
      { timeout: 5_000, interval: 50 },
    );
    expect((await get(`${base}/healthz`)).status).toBe(200);
    // The client waits its ping timeout (5 s) before reconnecting through apps.connections.open.
    await vi.waitFor(async () => expect((await get(`${base}/readyz`)).status).toBe(200), {
      timeout: 15_000,
      interval: 200,
    });
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThan(opened);
  }, 30_000);

  it('stops serving the probes when the app stops', async () => {
    await stopApp(app, 1_000);
    await expect(fetch(`${base}/readyz`)).rejects.toThrow();
  });
});

describe('Socket Mode, distributed: the OAuth pages and the probes share PORT', () => {
  const fake = new FakeSlack();
  let wss: WebSocketServer;
  let database: TestDatabase;
  let installations: Installations;
  let app: App;
  let base = '';

  beforeAll(async () => {
    wss = await new Promise<WebSocketServer>((resolve) => {
      const server: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => resolve(server));
    });
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0STACK' } }));
    });
    await fake.start();
    fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=test`;
    database = await testDatabase();
    const config = configOf({
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-abc',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      DATABASE_URL: database.url,
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SLACK_APP_TOKEN: 'xapp-1-test-token',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    if (config.distribution === undefined) throw new Error('not distributed');
    const logger = new RecordingLogger();
    const opened = await openInstallations(config.distribution, { slackApiUrl: fake.apiUrl }, logger);
    if (!opened.ok) throw new Error(say(opened.error));
    installations = opened.value;
    app = createApp(config, advisor(), { logger, installations: installations.store, database: installations.pool });
    const started = await startApp(app, config);
    if (!started.ok || started.value.port === undefined) throw new Error('the app did not start with a port');
    base = `http://127.0.0.1:${started.value.port}`;
  }, 60_000);

  afterAll(async () => {
    await app.stop().catch(() => undefined);
    await installations.pool.end();
    await database.drop();
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await fake.stop();
  });

  it('serves /slack/install beside /readyz (socket connected, database answering)', async () => {
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    expect(install.headers.get('location')).toContain('client_id=1234.5678');
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = (await get(`${base}/metrics`)).text;
    expect(sample(metrics, 'stack_advisor_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
  });
});
