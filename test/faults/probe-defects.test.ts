import { createHmac } from 'node:crypto';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buttonBody,
  commandBody,
  eventBody,
  FORM,
  JSON_TYPE,
  mentionEvent,
  SIGNING_SECRET,
  send,
} from '../e2e/slack-requests.js';
import { visibleTexts } from '../render/block-kit-limits.js';
import { type RunningBot, startBot } from './running-bot.js';

/**
 * The defects of the reliability probe (shared/reviews/reliability-probe-2026-11.md) and the items of its notes that
 * issue 16 asked for, each reproduced against the real app over HTTP with real signatures and the fake Slack API.
 */

let bot: RunningBot;
let n = 0;
const ts = () => `17${String(Date.now()).slice(-8)}.${String(++n).padStart(6, '0')}`;
const postsIn = (thread: string) => bot.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === thread);

beforeAll(async () => {
  bot = await startBot({}, { threadReadMs: 500 });
});

afterAll(async () => {
  await bot.stop();
});

beforeEach(() => {
  bot.fake.reset();
  bot.logger.clear();
  bot.advisor.questions = 0;
});

describe('D1: an event whose first delivery arrives as a Slack retry', () => {
  it('D1: a mention first delivered as retry 1 (http_error: the original never reached us) is answered', async () => {
    const t = ts();
    const body = eventBody(mentionEvent(bot.fake, '<@UBOT> edge', t), `EvNeverSeen${n}`);
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' };
    expect((await send(bot.events, body, JSON_TYPE, {}, retry)).status).toBe(200);
    await vi.waitFor(() => expect(postsIn(t)).toHaveLength(1));
    expect(bot.logger.has(LogLevel.INFO, /first seen as Slack's retry 1/)).toBe(true);
    // The same retry again is a repeat: still one answer.
    await send(bot.events, body, JSON_TYPE, {}, { ...retry, 'x-slack-retry-num': '2' });
    await new Promise((r) => setTimeout(r, 200));
    expect(postsIn(t)).toHaveLength(1);
  });

  it('D1: a DM first delivered as retry 2 (http_timeout) is answered', async () => {
    const t = ts();
    const event = { type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0ASKER', text: 'edge', ts: t };
    const retry = { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' };
    expect((await send(bot.events, eventBody(event), JSON_TYPE, {}, retry)).status).toBe(200);
    await vi.waitFor(() => expect(postsIn(t)).toHaveLength(1));
  });
});

describe('D5: a mention in a thread reply also sent to the channel', () => {
  it('D5: app_mention with subtype thread_broadcast is answered in its thread', async () => {
    const root = ts();
    const event = { ...mentionEvent(bot.fake, '<@UBOT> edge', ts(), root), subtype: 'thread_broadcast' };
    await send(bot.events, eventBody(event), JSON_TYPE);
    await vi.waitFor(() => expect(postsIn(root)).toHaveLength(1));
  });

  it('D5: an app_mention of another subtype (an edit notice) is still not answered', async () => {
    const t = ts();
    const event = { ...mentionEvent(bot.fake, '<@UBOT> edge', t), subtype: 'message_changed' };
    await send(bot.events, eventBody(event), JSON_TYPE);
    await new Promise((r) => setTimeout(r, 200));
    expect(postsIn(t)).toEqual([]);
  });
});

describe('D7: correctly signed requests dated in the future', () => {
  const future = [
    ['10 minutes ahead', 600],
    ['a year ahead', 365 * 24 * 3600],
  ] as const;
  it.each(future)('D7: a request dated %s is refused with 401 and not answered', async (_, ahead) => {
    const body = commandBody('edge', bot.fake.responseUrl('future'));
    const r = await send(bot.events, body, FORM, { timestamp: Math.floor(Date.now() / 1000) + ahead });
    expect(r.status).toBe(401);
    expect(bot.advisor.questions).toBe(0);
  });

  it('D7b: a timestamp of "Infinity", signed over "Infinity", is refused', async () => {
    const body = commandBody('edge', bot.fake.responseUrl('inf'));
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:Infinity:${body}`).digest('hex')}`;
    const r = await send(
      bot.events,
      body,
      FORM,
      {},
      { 'x-slack-request-timestamp': 'Infinity', 'x-slack-signature': signature },
    );
    expect(r.status).toBe(401);
    expect(bot.advisor.questions).toBe(0);
  });

  it('D7: a request dated 4 minutes ahead (a clock a little fast) is still answered', async () => {
    const body = commandBody('edge', bot.fake.responseUrl('skew'));
    const r = await send(bot.events, body, FORM, { timestamp: Math.floor(Date.now() / 1000) + 240 });
    expect(r.status).toBe(200);
    expect(bot.advisor.questions).toBe(1);
  });
});

describe('D8: unauthenticated requests do not amplify into the logs', () => {
  const logged = () => bot.logger.lines.filter((l) => l.level !== LogLevel.DEBUG).map((l) => l.text);

  it('D8: an unauthenticated request for an unknown 8 KB path does not write 8 KB to the log', async () => {
    const res = await fetch(`${bot.base}/${'y'.repeat(8000)}`);
    expect(res.status).toBe(404);
    await new Promise((r) => setTimeout(r, 100));
    expect(bot.logger.lines.map((l) => l.text).join('\n').length).toBeLessThan(2000);
  });

  it('D8: 50 unsigned requests make at most one warning line, not 50', async () => {
    for (let i = 0; i < 50; i++) {
      const res = await fetch(bot.events, { method: 'POST', headers: { 'content-type': FORM }, body: 'x=1' });
      expect(res.status).toBe(401);
    }
    expect(logged().length).toBeLessThanOrEqual(1);
  });
});

describe('content types as proxies send them', () => {
  it.each(['application/x-www-form-urlencoded; charset=utf-8', 'Application/X-WWW-Form-Urlencoded'])(
    'a /stack command sent as %s is answered',
    async (type) => {
      const r = await send(bot.events, commandBody('V∘C∘M∘C', bot.fake.responseUrl('ct')), type);
      expect(r.status).toBe(200);
      expect(visibleTexts(r.json).join('\n')).toContain('`V∘C∘M`');
    },
  );
});

describe('replayed commands and button presses (five minutes, like events)', () => {
  it('a /stack command replayed with the same body is acknowledged and not answered again', async () => {
    const body = commandBody('edge', bot.fake.responseUrl('replay'));
    const first = await send(bot.events, body, FORM);
    expect(visibleTexts(first.json).join('\n')).toContain('Docker + WasmEdge');
    const again = await send(bot.events, body, FORM);
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    expect(bot.advisor.questions).toBe(1);
  });

  it('a Share press replayed three times posts publicly once', async () => {
    const press = buttonBody('share_in_channel', 'edge', bot.fake.responseUrl('share-replay'));
    for (let i = 0; i < 3; i++) expect((await send(bot.events, press, FORM)).status).toBe(200);
    await vi.waitFor(() => expect(bot.fake.responsesTo('share-replay')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.fake.responsesTo('share-replay')).toHaveLength(1);
  });
});

describe('interactions no listener handles are acknowledged at once', () => {
  const form = (payload: Record<string, unknown>) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const user = { id: 'U0ASKER', username: 'asker', team_id: 'T0001' };
  const cases: [string, Record<string, unknown>][] = [
    ['a view submission', { type: 'view_submission', user, view: { id: 'V1', callback_id: 'anything', state: {} } }],
    ['a global shortcut', { type: 'shortcut', user, callback_id: 'anything', trigger_id: '1.2.3' }],
    ['a block action with no actions', { type: 'block_actions', user, actions: [], trigger_id: '1.2.4' }],
  ];
  it.each(cases)('%s: 200 within a second, no error logged', async (_, payload) => {
    const started = Date.now();
    const r = await send(bot.events, form(payload), FORM);
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(bot.logger.lines.filter((l) => l.level === LogLevel.ERROR)).toEqual([]);
  });

  it('a JSON event sent with the form content type gets 400 at once, not a 404 after 3 s', async () => {
    const started = Date.now();
    const r = await send(bot.events, eventBody(mentionEvent(bot.fake, '<@UBOT> edge', ts())), FORM);
    expect(r.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('apologies that say what to do when trying again will not help', () => {
  const cases: [string, RegExp][] = [
    ['msg_too_long', /too long for Slack/],
    ['missing_scope', /lacks a permission/],
  ];
  it.each(cases)('%s: the apology in the thread says what to do', async (error, words) => {
    bot.fake.failNext('chat.postMessage', { error });
    const t = ts();
    await send(bot.events, eventBody(mentionEvent(bot.fake, '<@UBOT> edge', t)), JSON_TYPE);
    await vi.waitFor(() => expect(postsIn(t)).toHaveLength(2));
    expect(String(postsIn(t)[1].args.text)).toMatch(words);
  });

  it('not_in_channel: the asker hears it in their DM with the bot, with what to do', async () => {
    bot.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const t = ts();
    await send(bot.events, eventBody(mentionEvent(bot.fake, '<@UBOT> edge', t)), JSON_TYPE);
    await vi.waitFor(() => expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2));
    const [, apology] = bot.fake.callsTo('chat.postMessage');
    expect(apology.args.channel).toBe('U0ASKER');
    expect(String(apology.args.text)).toMatch(/Invite me with \/invite/);
  });
});

describe('reading a thread has one overall deadline', () => {
  it('a thread read that hangs: the follow-up is answered without the earlier context after the deadline', async () => {
    const root = ts();
    bot.fake.addMessage({ channel: 'C0DESIGN', ts: root, text: 'design review', user: 'U0ASKER' });
    const release = bot.fake.hold('conversations.replies');
    const started = Date.now();
    await send(bot.events, eventBody(mentionEvent(bot.fake, '<@UBOT> edge', ts(), root)), JSON_TYPE);
    await vi.waitFor(() => expect(postsIn(root)).toHaveLength(1), { timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bot.logger.has(LogLevel.WARN, /took more than 0.5 s/)).toBe(true);
    release();
  });
});

describe('carried needs are capped', () => {
  it('10,000 needs carried in the metadata of the earlier answer: the new answer carries at most 50', async () => {
    const root = ts();
    bot.fake.addMessage({ channel: 'C0DESIGN', ts: root, text: 'design review', user: 'U0ASKER' });
    const ids = bot.advisor.kb.needs.map((need) => need.id);
    const needs = Array.from({ length: 10_000 }, (_, i) => ({
      need: ids[i % ids.length],
      negated: i % 2 === 1,
      text: `n${i}`,
    }));
    bot.fake.addMessage({
      channel: 'C0DESIGN',
      ts: ts(),
      thread_ts: root,
      text: 'earlier answer',
      user: 'UBOT',
      bot_id: 'BBOT',
      metadata: {
        event_type: 'stack_advisor_answer',
        event_payload: {
          version: bot.advisor.version,
          needs: [{ need: 'edge', negated: false, text: 'edge' }, ...needs],
          constraints: [],
        },
      },
    });
    await send(bot.events, eventBody(mentionEvent(bot.fake, '<@UBOT> cold start < 10ms', ts(), root)), JSON_TYPE);
    await vi.waitFor(() => expect(postsIn(root)).toHaveLength(1), { timeout: 5_000 });
    const metadata = postsIn(root)[0].args.metadata as { event_payload: { needs: unknown[] } } | undefined;
    // It builds on the earlier answer (more than its own one need), within the cap (50 carried, plus its own).
    expect(metadata?.event_payload.needs.length ?? 0).toBeGreaterThan(1);
    expect(metadata?.event_payload.needs.length ?? 0).toBeLessThanOrEqual(51);
  });
});

describe('D14: calls to response URLs have a deadline', () => {
  let slow: RunningBot;
  beforeAll(async () => {
    slow = await startBot({ timeoutMs: 500 });
  });
  afterAll(async () => {
    await slow.stop();
  });

  it('D14: a response URL that hangs is given up on after the client timeout, logged, and apologised for', async () => {
    const release = slow.fake.hold('respond');
    const press = buttonBody('share_in_channel', 'edge', slow.fake.responseUrl('hang'));
    expect((await send(slow.events, press, FORM)).status).toBe(200);
    await vi.waitFor(() => expect(slow.logger.has(LogLevel.ERROR, /Share in channel failed/)).toBe(true), {
      timeout: 3000,
    });
    await vi.waitFor(() => expect(slow.fake.responsesTo('hang')).toHaveLength(2), { timeout: 3000 });
    expect(slow.fake.responsesTo('hang')[1]).toMatchObject({ response_type: 'ephemeral' });
    release();
  });
});
