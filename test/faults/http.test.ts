import { Agent } from 'node:http';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  commandBody,
  eventBody,
  FORM,
  JSON_TYPE,
  SIGNING_SECRET,
  send,
  signature,
  signedHeaders,
} from '../e2e/slack-requests.js';
import { visibleTexts } from '../render/block-kit-limits.js';
import { post, signedBytesHeaders } from './raw-request.js';
import { type RunningBot, startBot } from './running-bot.js';

/**
 * HTTP faults against the real app (real signature verification): what an attacker, a broken proxy or a confused
 * client can send to `POST /slack/events`. A rejected request reaches no listener and no Slack API; a malformed one
 * gets a 4xx; either way the next good request is answered.
 */

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot();
});

afterAll(async () => {
  await bot.stop();
});

beforeEach(() => {
  bot.fake.reset();
  bot.logger.clear();
  bot.advisor.questions = 0;
});

const now = () => Math.floor(Date.now() / 1000);
const command = (text: string) => commandBody(text, bot.fake.responseUrl('faults'));
const mention = (text: string) =>
  eventBody({ type: 'app_mention', user: 'U0ASKER', text, ts: bot.fake.nextTs(), channel: 'C0DESIGN' });

/** A good request afterwards is answered: the server kept serving. */
async function stillServes(): Promise<void> {
  const before = bot.advisor.questions;
  const res = await send(bot.events, command('V∘C∘M∘C'), FORM);
  expect(res.status).toBe(200);
  expect(visibleTexts(res.json).join('\n')).toContain('`V∘C∘M`');
  expect(bot.advisor.questions).toBe(before + 1);
  expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
}

/** Nothing behind the signature check ran: no question reached the advisor, no call reached Slack. */
function nothingRan(): void {
  expect(bot.advisor.questions).toBe(0);
  expect(bot.apiCalls()).toEqual([]);
  expect(bot.fake.responses).toEqual([]);
}

describe('signatures: 401, and no listener runs', () => {
  const cases: [string, (body: string) => Record<string, string>][] = [
    ['no signature headers at all', (_body) => ({ 'content-type': FORM })],
    ['a timestamp but no signature', (_body) => ({ 'content-type': FORM, 'x-slack-request-timestamp': String(now()) })],
    [
      'a signature but no timestamp',
      (body) => ({ 'content-type': FORM, 'x-slack-signature': signature(SIGNING_SECRET, now(), body) }),
    ],
    ['a signature made with another secret', (body) => signedHeaders(body, FORM, { secret: 'f'.repeat(32) })],
    ['a signature over another body', (_body) => signedHeaders(command('help'), FORM)],
    [
      'a correct signature six minutes old (a replay)',
      (body) => signedHeaders(body, FORM, { timestamp: now() - 6 * 60 }),
    ],
    [
      'a correct signature with the timestamp header altered',
      (body) => ({ ...signedHeaders(body, FORM), 'x-slack-request-timestamp': String(now() - 1) }),
    ],
    [
      'an unknown signature version',
      (body) => ({
        ...signedHeaders(body, FORM),
        'x-slack-signature': signature(SIGNING_SECRET, now(), body).replace('v0=', 'v1='),
      }),
    ],
    ['an empty signature', (body) => ({ ...signedHeaders(body, FORM), 'x-slack-signature': '' })],
    [
      'a timestamp that is not a number',
      (body) => ({ ...signedHeaders(body, FORM), 'x-slack-request-timestamp': 'yesterday' }),
    ],
  ];
  it.each(cases)('a /stack command with %s', async (_, headers) => {
    const body = command('<!channel> edge, cold start < 10ms');
    const res = await post(bot.events, body, headers(body));
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    nothingRan();
    // Logged at debug each time; at most one warning a minute says how many (D8: no log line per unsigned request).
    expect(bot.logger.has(LogLevel.DEBUG, /Refused a request to the Slack endpoint/)).toBe(true);
    await stillServes();
  });

  it('a mention with a forged signature is not answered in the channel', async () => {
    const event = mention('<@UBOT> edge');
    const res = await post(bot.events, event, signedHeaders(event, JSON_TYPE, { secret: '0'.repeat(32) }));
    expect(res.status).toBe(401);
    // Events are acknowledged before their listener runs: give a wrongly accepted one the time to post.
    await new Promise((r) => setTimeout(r, 100));
    nothingRan();
    await stillServes();
  });
});

describe('malformed requests: a 4xx, and the server keeps serving', () => {
  it('malformed JSON, correctly signed → 400', async () => {
    const body = '{"type": "event_callback", "event": {"type": "app_mention", ';
    const res = await post(bot.events, body, signedHeaders(body, JSON_TYPE));
    expect(res.status).toBe(400);
    nothingRan();
    await stillServes();
  });

  it('a command sent as JSON (wrong content type) → 400', async () => {
    const body = command('edge');
    const res = await post(bot.events, body, signedHeaders(body, JSON_TYPE));
    expect(res.status).toBe(400);
    nothingRan();
    await stillServes();
  });

  it('a command with no content type → 400', async () => {
    const body = command('edge');
    const headers: Record<string, string> = signedHeaders(body, FORM);
    delete headers['content-type'];
    const res = await post(bot.events, body, headers);
    expect(res.status).toBe(400);
    nothingRan();
    await stillServes();
  });

  it('a command sent as text/plain → 400', async () => {
    const body = command('edge');
    const res = await post(bot.events, body, signedHeaders(body, 'text/plain'));
    expect(res.status).toBe(400);
    nothingRan();
    await stillServes();
  });

  it('an event sent as a form (wrong content type) → 4xx', async () => {
    const body = mention('<@UBOT> edge');
    const res = await post(bot.events, body, signedHeaders(body, FORM));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    nothingRan();
    await stillServes();
  });

  it('a 1 MB body without a signature → 413, refused unread (over the 1 MB body limit)', async () => {
    const body = command(`edge ${'x'.repeat(1024 * 1024)}`);
    const res = await post(bot.events, body, { 'content-type': FORM });
    expect(res.status).toBe(413);
    nothingRan();
    await stillServes();
  });

  it('a 1 MB JSON body, correctly signed → 4xx', async () => {
    const body = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1024 * 1024) }).slice(0, -2);
    const res = await post(bot.events, body, signedHeaders(body, JSON_TYPE));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    nothingRan();
    await stillServes();
  });

  it('a 1 MB /stack command, correctly signed → 413, refused before any listener', async () => {
    const body = command(`edge ${'x'.repeat(1024 * 1024)}`);
    const res = await post(bot.events, body, signedHeaders(body, FORM));
    expect(res.status).toBe(413);
    nothingRan();
    await stillServes();
  });

  // Bolt checks the signature over the body decoded as UTF-8 (invalid bytes become U+FFFD), so a body signed byte for
  // byte, as Slack signs, no longer matches: 401. No listener ever reads a mangled request.
  it('invalid UTF-8, signed over its bytes as Slack signs → 4xx', async () => {
    const body = Buffer.concat([
      Buffer.from(command('edge ').replace(/&command=.*/, '')),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('&command=%2Fstack'),
    ]);
    const res = await post(bot.events, body, signedBytesHeaders(body, FORM));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    nothingRan();
    await stillServes();
  });

  it('invalid UTF-8 in a JSON event, signed over its bytes → 4xx', async () => {
    const [head, tail] = mention('<@UBOT> edge').split('edge');
    const body = Buffer.concat([Buffer.from(head), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from(tail)]);
    const res = await post(bot.events, body, signedBytesHeaders(body, JSON_TYPE));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 100));
    nothingRan();
    await stillServes();
  });
});

describe('load', () => {
  it('answers 1,000 concurrent signed /stack requests, every one with its answer', async () => {
    const asks = [
      { text: 'edge computing, cold start < 10ms, memory < 50MB', shows: 'Docker + WasmEdge' },
      { text: '强隔离+合规，多租户', shows: 'Kata + Istio Ambient' },
      { text: 'V∘C∘M∘C', shows: '`V∘C∘M`' },
      { text: 'compare V∘S∘C∘M | I∘C∘S∘Am', shows: 'Best on each dimension' },
    ];
    // 100 sockets at most, kept alive: 1,000 requests in flight at once from the test's side, queued by the agent.
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    try {
      const results = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          const ask = asks[i % asks.length];
          const body = command(ask.text);
          const res = await post(bot.events, body, signedHeaders(body, FORM), agent);
          return { ask, res };
        }),
      );
      const wrong = results.filter(
        ({ ask, res }) => res.status !== 200 || !visibleTexts(JSON.parse(res.body)).join('\n').includes(ask.shows),
      );
      expect(wrong.map(({ ask, res }) => `${ask.text}: ${res.status} ${res.body.slice(0, 80)}`)).toEqual([]);
      expect(bot.advisor.questions).toBe(1000);
      expect(bot.apiCalls()).toEqual([]);
      expect(bot.logger.lines.filter((l) => l.level === LogLevel.ERROR)).toEqual([]);
    } finally {
      agent.destroy();
    }
  });
});
