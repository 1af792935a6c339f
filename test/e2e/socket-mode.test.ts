import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createApp, startApp } from '../../src/slack/app.js';
import { loadConfig } from '../../src/slack/config.js';
import { stopApp } from '../../src/slack/shutdown.js';
import { messageProblems, visibleTexts } from '../render/block-kit-limits.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { advisor, say } from '../support.js';
import { FakeSlack } from './fake-slack.js';

/**
 * Socket Mode end to end: the fake Web API's apps.connections.open hands out a local WebSocket URL, served here by a
 * `ws` server playing Slack's side: it says hello, sends envelopes, and reads the acknowledgements that come back.
 */

const fake = new FakeSlack();
let wss: WebSocketServer;
const received: Record<string, unknown>[] = [];
let socket: WebSocket | undefined;
let app: App | undefined;

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
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-1-test-token',
    SLACK_APP_TOKEN: 'xapp-1-test-token',
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
    // The probes' HTTP server: any free port on the loopback interface.
    PORT: '0',
    HOST: '127.0.0.1',
  });
  if (!config.ok) throw new Error(say(config.error));
  const created = createApp(config.value, advisor(), { logger: new RecordingLogger() });
  app = created;
  const started = await startApp(created, config.value);
  if (!started.ok) throw new Error(say(started.error));
});

afterAll(async () => {
  // The last test stops the app itself; a second stop has nothing left to close.
  await app?.stop().catch(() => undefined);
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await fake.stop();
});

function envelope(
  id: string,
  type: string,
  payload: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): void {
  if (socket === undefined) throw new Error('the app never connected');
  socket.send(
    JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }),
  );
}

const ackFor = (id: string) =>
  vi.waitFor(
    () => {
      const ack = received.find((m) => m.envelope_id === id);
      if (ack === undefined) throw new Error(`no acknowledgement for ${id} yet`);
      return ack;
    },
    { timeout: 5_000, interval: 10 },
  );

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open', () => {
    const [open] = fake.callsTo('apps.connections.open');
    expect(open.authorization).toBe('Bearer xapp-1-test-token');
    expect(fake.callsTo('auth.test')[0].authorization).toBe('Bearer xoxb-1-test-token');
  });

  it('answers a slash command in the acknowledgement envelope, with the blocks', async () => {
    envelope('env-cmd-1', 'slash_commands', {
      token: 'x',
      team_id: 'T0001',
      channel_id: 'C0DESIGN',
      user_id: 'U0ASKER',
      command: '/stack',
      text: 'edge computing, cold start < 10ms, memory < 50MB',
      api_app_id: 'A0STACK',
      response_url: fake.responseUrl('socket-cmd'),
      trigger_id: '1.2.3',
    });
    const ack = await ackFor('env-cmd-1');
    const payload = ack.payload as Record<string, unknown>;
    expect(payload.response_type).toBe('ephemeral');
    expect(messageProblems(payload)).toEqual([]);
    expect(visibleTexts(payload).join('\n')).toContain('Docker + WasmEdge');
  });

  it('acknowledges an event and answers it, but only on its first delivery', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0ASKER',
      text: '<@UBOT> V∘C∘M∘C',
      ts: fake.nextTs(),
      channel: 'C0DESIGN',
      event_ts: '1',
    };
    const body = { team_id: 'T0001', api_app_id: 'A0STACK', type: 'event_callback', event_id: 'EvSOCK1', event };
    envelope('env-ev-1', 'events_api', body, { retry_attempt: 0, retry_reason: '' });
    await ackFor('env-ev-1');
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage')).toHaveLength(1));
    envelope('env-ev-2', 'events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    await ackFor('env-ev-2');
    // A later question is answered; the retry in between added no reply.
    envelope('env-ev-3', 'events_api', {
      ...body,
      event_id: 'EvSOCK3',
      event: { ...event, text: '<@UBOT> help', ts: fake.nextTs() },
    });
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage')).toHaveLength(2));
    const texts = fake.callsTo('chat.postMessage').map((c) => visibleTexts(c.args).join('\n'));
    expect(texts[0]).toContain('V∘C∘M');
    expect(texts[1]).toContain('How to ask');
  });

  it('graceful stop: disconnects, finishes the mention acknowledged before it, and returns within its budget', async () => {
    if (app === undefined) throw new Error('no app');
    const root = fake.nextTs();
    fake.addMessage({ channel: 'C0DESIGN', ts: root, text: 'design review', user: 'U0ASKER' });
    const release = fake.hold('conversations.replies');
    const event = {
      type: 'app_mention',
      user: 'U0ASKER',
      text: '<@UBOT> edge',
      ts: fake.nextTs(),
      thread_ts: root,
      channel: 'C0DESIGN',
      event_ts: '1',
    };
    const body = { team_id: 'T0001', api_app_id: 'A0STACK', type: 'event_callback', event_id: 'EvSOCKSTOP', event };
    envelope('env-stop-1', 'events_api', body, { retry_attempt: 0, retry_reason: '' });
    await ackFor('env-stop-1');
    await vi.waitFor(() => expect(fake.callsTo('conversations.replies').length).toBeGreaterThan(0));
    setTimeout(release, 500);
    const started = Date.now();
    const stopped = await stopApp(app, 5_000);
    expect(stopped.abandoned).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.callsTo('chat.postMessage').some((c) => c.args.thread_ts === root)).toBe(true);
  });
});
