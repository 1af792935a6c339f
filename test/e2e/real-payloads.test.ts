import { readdirSync, readFileSync } from 'node:fs';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningBot, startBot } from '../faults/running-bot.js';
import { visibleTexts } from '../render/block-kit-limits.js';
import { FORM, JSON_TYPE, type Sent, send } from './slack-requests.js';

/**
 * Payloads that Slack wrote (Slack's docs, Slack's SDK fixtures, captures published in other SDKs' tests), kept in
 * test/fixtures/real-payloads with their source and the adaptations made, replayed signed against the real app.
 */

interface RealPayload {
  readonly source: string;
  readonly adaptations: string;
  /** json: the body as JSON; form: an interaction, as `payload=`; form-raw: a form body as Slack sent it (a command). */
  readonly contentType: 'json' | 'form' | 'form-raw';
  readonly expect: {
    /** Words the acknowledgement itself shows (a command's answer). */
    readonly ackText?: string;
    readonly silent?: boolean;
    readonly postsInThread?: string;
    readonly teamId?: string;
    readonly dmTo?: string;
  };
  readonly body: Record<string, unknown> | string;
}

const DIR = new URL('../fixtures/real-payloads/', import.meta.url);
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => ({ name, payload: JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as RealPayload }));

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
});

const settle = () => new Promise((r) => setTimeout(r, 300));

async function replay(p: RealPayload, id: string): Promise<Sent> {
  const url = bot.fake.responseUrl(id);
  let body: string;
  if (typeof p.body === 'string') body = p.body.replaceAll('{{response_url}}', encodeURIComponent(url));
  else {
    const json = JSON.stringify(p.body).replaceAll('{{response_url}}', url);
    body = p.contentType === 'json' ? json : new URLSearchParams({ payload: json }).toString();
  }
  const started = Date.now();
  const res = await send(bot.events, body, p.contentType === 'json' ? JSON_TYPE : FORM);
  expect(Date.now() - started).toBeLessThan(1000);
  return res;
}

describe('real payloads, replayed', () => {
  it('has the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const { payload } of fixtures) expect(payload.source).not.toBe('');
  });

  it.each(fixtures)(
    '$name: acknowledged at once, without an error, and answered as expected',
    async ({ name, payload }) => {
      const ack = await replay(payload, name);
      expect(ack.status).toBe(200);
      if (payload.expect.ackText !== undefined)
        expect(visibleTexts(ack.json).join('\n')).toContain(payload.expect.ackText);
      const posts = () => bot.fake.callsTo('chat.postMessage');
      const thread = payload.expect.postsInThread;
      if (thread !== undefined) {
        await vi.waitFor(() => expect(posts().map((c) => c.args.thread_ts)).toEqual([thread]));
        if (payload.expect.teamId !== undefined) expect(posts()[0].args.team_id).toBe(payload.expect.teamId);
      }
      if (payload.expect.dmTo !== undefined) {
        const to = payload.expect.dmTo;
        await vi.waitFor(() => expect(posts().map((c) => c.args.channel)).toEqual([to]));
      }
      await settle();
      if (payload.expect.silent === true) {
        expect(bot.apiCalls()).toEqual([]);
        expect(bot.fake.responses).toEqual([]);
      }
      expect(bot.logger.lines.filter((l) => l.level === LogLevel.ERROR).map((l) => l.text)).toEqual([]);
    },
  );

  it('R4: each request is answered with its own team, not the first request of the process', async () => {
    const a = fixtures.find((f) => f.name.startsWith('R4a'));
    const b = fixtures.find((f) => f.name.startsWith('R4b'));
    if (a === undefined || b === undefined) throw new Error('R4 fixtures missing');
    // New event ids and message ts: the fixtures were replayed above, and a repeat is (rightly) not answered again.
    const again = (p: RealPayload, id: string, ts: string): RealPayload => {
      if (typeof p.body === 'string') throw new Error('R4 fixtures are JSON');
      return { ...p, body: { ...p.body, event_id: id, event: { ...(p.body.event as Record<string, unknown>), ts } } };
    };
    const other = again(a.payload, 'EvR4A2', '1355517524.000001');
    const second = again(b.payload, 'EvR4B2', '1664408650.000001');
    await replay(other, 'r4a');
    await vi.waitFor(() => expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1));
    await replay(second, 'r4b');
    await vi.waitFor(() => expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2));
    expect(bot.fake.callsTo('chat.postMessage').map((c) => c.args.team_id)).toEqual(['T123ABC456', 'T043DB835ML']);
  });
});
