import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fault } from '../e2e/fake-slack.js';
import { buttonBody, eventBody, FORM, JSON_TYPE, mentionEvent, type Sent, send } from '../e2e/slack-requests.js';
import { visibleTexts } from '../render/block-kit-limits.js';
import { type RunningBot, startBot } from './running-bot.js';

/**
 * Slack Web API faults, served by the fake Slack: HTTP 500, 429 with Retry-After, a call that does not answer. Whatever
 * Slack's API does, the acknowledgement of the request Slack sent us comes at once (Slack redelivers after 3 seconds),
 * the failure is logged, the bot keeps serving, and no answer appears twice in the channel.
 *
 * "At once" is asserted by order, not by a clock: the fake holds the slow call until the acknowledgement has arrived
 * (or, if it never does, releases it after a generous safety delay so that the test fails on an assertion, not a hang).
 */

const SAFETY_MS = 10_000;

interface Held {
  /** Resolves with the acknowledgement and whether it arrived while the API call was still held. */
  readonly acked: Promise<{ readonly ack: Sent; readonly whileHeld: boolean }>;
  readonly release: () => void;
}

/** Holds the next call to `method` (after `before` faults, one per call) while `request` is sent. */
function holdWhile(bot: RunningBot, method: string, before: readonly Fault[], request: () => Promise<Sent>): Held {
  let released = false;
  let resolveHold = () => {};
  const hold = new Promise<void>((resolve) => {
    resolveHold = resolve;
  });
  const release = () => {
    released = true;
    resolveHold();
  };
  bot.fake.failNext(method, ...before, { hold });
  const safety = setTimeout(release, SAFETY_MS);
  const acked = request().then((ack) => {
    const whileHeld = !released;
    clearTimeout(safety);
    return { ack, whileHeld };
  });
  return { acked, release };
}

interface ThreadMessage {
  readonly ts: string;
  readonly bot_id?: string;
  readonly text?: string;
}

/** The bot's messages in a thread, as Slack (the fake) stores them: what people in the channel see. */
async function botRepliesIn(bot: RunningBot, channel: string, threadTs: string): Promise<ThreadMessage[]> {
  const res = await fetch(`${bot.fake.apiUrl}conversations.replies`, {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: new URLSearchParams({ channel, ts: threadTs }).toString(),
  });
  const body = (await res.json()) as { messages?: ThreadMessage[] };
  return (body.messages ?? []).filter((m) => m.bot_id === bot.fake.botId);
}

function mentionBody(bot: RunningBot, text: string, threadTs?: string): { body: string; ts: string } {
  const ts = bot.fake.nextTs();
  return { body: eventBody(mentionEvent(bot.fake, text, ts, threadTs)), ts };
}

const sendEvent = (bot: RunningBot, body: string, headers: Record<string, string> = {}) =>
  send(bot.events, body, JSON_TYPE, {}, headers);

/** Waits until the fake has seen `count` calls to `method`. */
const callsReach = (bot: RunningBot, method: string, count: number) =>
  vi.waitFor(
    () => {
      const n = bot.fake.callsTo(method).length;
      if (n < count) throw new Error(`${n} of ${count} calls to ${method}`);
    },
    { timeout: 5_000, interval: 5 },
  );

/** Still serving: a slash command is answered in its acknowledgement and a mention gets its one reply. */
async function stillServes(bot: RunningBot): Promise<void> {
  const res = await send(bot.events, new URLSearchParams({ command: '/stack', text: 'V∘C∘M∘C' }).toString(), FORM);
  expect(res.status).toBe(200);
  expect(visibleTexts(res.json).join('\n')).toContain('`V∘C∘M`');
  const { body, ts } = mentionBody(bot, '<@UBOT> help');
  expect((await sendEvent(bot, body)).status).toBe(200);
  await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1), { timeout: 5_000 });
}

describe('Slack API faults, with the production retry policy scaled to test time', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    // One retry, as in production; a timeout long enough that a held call is released before it fires.
    bot = await startBot({ retries: 1, timeoutMs: SAFETY_MS * 2 });
  });

  afterAll(async () => {
    await bot.stop();
  });

  beforeEach(() => {
    bot.fake.reset();
    bot.logger.clear();
  });

  it('a slow chat.postMessage: the mention is acknowledged before the answer is posted, and posted once', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> edge computing, cold start < 10ms');
    const held = holdWhile(bot, 'chat.postMessage', [], () => sendEvent(bot, body));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    // The answer's post reached Slack and is still waiting there.
    await callsReach(bot, 'chat.postMessage', 1);
    expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toEqual([]);
    held.release();
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1);
    await stillServes(bot);
  });

  it('Slack redelivers while the slow post is held: still one answer', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> V∘C∘M');
    const held = holdWhile(bot, 'chat.postMessage', [], () => sendEvent(bot, body));
    expect((await held.acked).whileHeld).toBe(true);
    await callsReach(bot, 'chat.postMessage', 1);
    const retry = await sendEvent(bot, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    held.release();
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1));
    await vi.waitFor(() => expect(bot.logger.has(LogLevel.DEBUG, /repeated delivery of app_mention/)).toBe(true));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a slow conversations.replies (reading a thread): the follow-up is acknowledged at once and answered once', async () => {
    const root = mentionBody(bot, '<@UBOT> edge computing, cold start < 10ms');
    await sendEvent(bot, root.body);
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', root.ts)).toHaveLength(1));
    const followUp = mentionBody(bot, '<@UBOT> what if we also need memory < 50MB?', root.ts);
    const held = holdWhile(bot, 'conversations.replies', [], () => sendEvent(bot, followUp.body));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    await callsReach(bot, 'conversations.replies', 1);
    held.release();
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', root.ts)).toHaveLength(2));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('a slow views.publish: opening the Home tab is acknowledged at once, published once', async () => {
    const event = eventBody({ type: 'app_home_opened', user: 'U0NEWBIE', channel: 'D0DM', tab: 'home' });
    const held = holdWhile(bot, 'views.publish', [], () => sendEvent(bot, event));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    await callsReach(bot, 'views.publish', 1);
    held.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(bot.fake.callsTo('views.publish')).toHaveLength(1);
    expect(bot.logger.lines.filter((l) => l.level === LogLevel.ERROR)).toEqual([]);
  });

  it('a slow response URL: pressing Share is acknowledged at once, shared once', async () => {
    const press = buttonBody('share_in_channel', 'edge, cold start < 10ms', bot.fake.responseUrl('share'));
    const held = holdWhile(bot, 'respond', [], () => send(bot.events, press, FORM));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(whileHeld).toBe(true);
    await vi.waitFor(() => expect(bot.fake.responsesTo('share')).toHaveLength(1));
    held.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(bot.fake.responsesTo('share')).toHaveLength(1);
    expect(bot.fake.responsesTo('share')[0]).toMatchObject({ response_type: 'in_channel' });
  });

  it('HTTP 500 once: acknowledged before the retry finishes, retried, posted once', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> V∘C∘M');
    const held = holdWhile(bot, 'chat.postMessage', [{ status: 500 }], () => sendEvent(bot, body));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    await callsReach(bot, 'chat.postMessage', 2);
    held.release();
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2);
    await stillServes(bot);
  });

  it('HTTP 500 on every attempt: the failure is logged, no answer appears, the bot keeps serving', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> V∘C∘M');
    // The answer and its retry, then the apology and its retry.
    bot.fake.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await sendEvent(bot, body)).status).toBe(200);
    await vi.waitFor(() => expect(bot.logger.has(LogLevel.ERROR, /Could not post the apology either/)).toBe(true), {
      timeout: 5_000,
    });
    expect(bot.logger.has(LogLevel.ERROR, /Could not answer in thread C0DESIGN/)).toBe(true);
    expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toEqual([]);
    await stillServes(bot);
  });

  it('429 with Retry-After: acknowledged before the retry, which waits, then posted once', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> help');
    const held = holdWhile(bot, 'chat.postMessage', [{ status: 429, retryAfter: 1 }], () => sendEvent(bot, body));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    await callsReach(bot, 'chat.postMessage', 2);
    held.release();
    await vi.waitFor(async () => expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1));
    expect(bot.logger.has(LogLevel.INFO, /rate limiting\. Will retry in 1 seconds/)).toBe(true);
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2);
    await stillServes(bot);
  });

  it('a 500 from the response URL: the failure is logged, the apology is sent, the bot keeps serving', async () => {
    bot.fake.failNext('respond', { status: 500 });
    const press = buttonBody('share_in_channel', 'edge, cold start < 10ms', bot.fake.responseUrl('share500'));
    expect((await send(bot.events, press, FORM)).status).toBe(200);
    await vi.waitFor(() => expect(bot.logger.has(LogLevel.ERROR, /Share in channel failed/)).toBe(true));
    const [failed, apology] = await vi.waitFor(() => {
      const got = bot.fake.responsesTo('share500');
      if (got.length < 2) throw new Error('not yet');
      return got;
    });
    expect(failed).toMatchObject({ response_type: 'in_channel' });
    expect(apology).toMatchObject({ response_type: 'ephemeral' });
    expect(String(apology.text)).toMatch(/^Sorry/);
    await stillServes(bot);
  });
});

describe('a Slack API call slower than the client timeout', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    // Production: 10 s and 2 retries; scaled down here so a timeout happens in test time.
    bot = await startBot({ retries: 1, timeoutMs: 300 });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it('is acknowledged at once; the client gives up and does not post again, and the bot keeps serving', async () => {
    const { body, ts } = mentionBody(bot, '<@UBOT> V∘C∘M');
    // Slack is slow on the first attempt: it posts the message, but only after the client gave up waiting.
    const held = holdWhile(bot, 'chat.postMessage', [], () => sendEvent(bot, body));
    const { ack, whileHeld } = await held.acked;
    expect(ack.status).toBe(200);
    expect(whileHeld).toBe(true);
    // The client timed out while the post was still being processed, and knows Slack may still carry it out: no retry,
    // no apology.
    await callsReach(bot, 'chat.postMessage', 1);
    await vi.waitFor(() => expect(bot.logger.has(LogLevel.WARN, /may still have been posted/)).toBe(true));
    held.release();
    await vi.waitFor(async () => expect((await botRepliesIn(bot, 'C0DESIGN', ts)).length).toBeGreaterThan(0));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1);
    // The answer Slack did post in the end appears once (a retry after the timeout used to post it twice).
    await new Promise((r) => setTimeout(r, 100));
    expect(await botRepliesIn(bot, 'C0DESIGN', ts)).toHaveLength(1);
    await stillServes(bot);
  });
});
