import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { onlyFirstDelivery, SeenDeliveries } from '../../../src/slack/deliveries.js';
import { appHomeOpenedCallback } from '../../../src/slack/listeners/events/app-home-opened.js';
import { appMentionCallback } from '../../../src/slack/listeners/events/app-mention.js';
import { directMessageCallback } from '../../../src/slack/listeners/events/direct-message.js';
import { answerMetadata } from '../../../src/slack/metadata.js';
import { messageProblems, visibleTexts } from '../../render/block-kit-limits.js';
import { asArgs, brokenAdvisor, fakeClient, fakeLogger, fakeServices } from '../fake-bolt.js';

type MentionArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;
type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;
type HomeArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

const context = { botUserId: 'UBOT', botId: 'BBOT' };

function posted(client: ReturnType<typeof fakeClient>): Record<string, unknown>[] {
  return client.chat.postMessage.mock.calls.map((c) => (c as unknown as [Record<string, unknown>])[0]);
}

describe('app_mention', () => {
  it('answers in a new thread under the mention, without reading any thread', async () => {
    const client = fakeClient();
    const event = {
      type: 'app_mention',
      channel: 'C1',
      ts: '100.1',
      user: 'U1',
      text: '<@UBOT> edge, cold start < 10ms',
    };
    await appMentionCallback(fakeServices())(asArgs<MentionArgs>({ event, client, context, logger: fakeLogger() }));
    expect(client.conversations.replies).not.toHaveBeenCalled();
    const [message] = posted(client);
    expect(message).toMatchObject({
      channel: 'C1',
      thread_ts: '100.1',
      metadata: { event_type: 'stack_advisor_answer' },
    });
    expect(messageProblems(message)).toEqual([]);
    expect(visibleTexts(message).join('\n')).toContain('Docker + WasmEdge');
  });

  it('builds on the bot’s own earlier answer in the thread, not on another app’s', async () => {
    const earlier = fakeServices().advisor.answer('edge computing, cold start < 10ms');
    if (!earlier.ok || earlier.value.kind !== 'advice') throw new Error('expected advice');
    const metadata = answerMetadata(earlier.value.carried, 'v1');
    const impostor = answerMetadata(
      { needs: [{ need: 'strong-isolation', negated: false, text: 'x' }], constraints: [] },
      'v1',
    );
    const client = fakeClient([
      { ts: '100.1', user: 'U1', text: 'question' },
      { ts: '100.2', user: 'UBOT', bot_id: 'BBOT', metadata },
      { ts: '100.3', user: 'U9', bot_id: 'BOTHER', metadata: impostor },
    ]);
    const event = { channel: 'C1', ts: '100.4', thread_ts: '100.1', user: 'U1', text: '<@UBOT> and memory < 50MB' };
    await appMentionCallback(fakeServices())(asArgs<MentionArgs>({ event, client, context, logger: fakeLogger() }));
    expect(client.conversations.replies).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'C1', ts: '100.1', include_all_metadata: true }),
    );
    const [message] = posted(client);
    const shown = visibleTexts(message).join('\n');
    expect(shown).toContain('from earlier in this thread');
    expect(shown).not.toContain('strong');
    expect(message.thread_ts).toBe('100.1');
  });

  it('ignores mentions by other bots', async () => {
    const client = fakeClient();
    const event = { channel: 'C1', ts: '1.1', bot_id: 'B2', text: '<@UBOT> edge' };
    await appMentionCallback(fakeServices())(asArgs<MentionArgs>({ event, client, context, logger: fakeLogger() }));
    expect(client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('logs a failure and apologises in the thread', async () => {
    const client = fakeClient();
    const logger = fakeLogger();
    const event = { channel: 'C1', ts: '1.1', text: '<@UBOT> edge' };
    await appMentionCallback(fakeServices(brokenAdvisor()))(asArgs<MentionArgs>({ event, client, context, logger }));
    expect(logger.error).toHaveBeenCalled();
    const [apology] = posted(client);
    expect(apology).toMatchObject({ channel: 'C1', thread_ts: '1.1', text: expect.stringMatching(/^Sorry/) });
  });

  it('survives Slack refusing the reply and the apology alike', async () => {
    const client = fakeClient();
    client.chat.postMessage.mockRejectedValue(new Error('ratelimited'));
    const logger = fakeLogger();
    const event = { channel: 'C1', ts: '1.1', text: '<@UBOT> edge' };
    await expect(
      appMentionCallback(fakeServices())(asArgs<MentionArgs>({ event, client, context, logger })),
    ).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledTimes(2);
  });
});

describe('direct messages', () => {
  it.each([
    ['an edit', { subtype: 'message_changed', channel_type: 'im' }],
    ['a bot message', { bot_id: 'B2', channel_type: 'im', text: 'edge' }],
    ['a channel message', { channel_type: 'channel', text: 'edge' }],
  ])('ignores %s', async (_, extra) => {
    const client = fakeClient();
    const event = { type: 'message', channel: 'D1', ts: '1.1', user: 'U1', ...extra };
    await directMessageCallback(fakeServices())(asArgs<MessageArgs>({ event, client, context, logger: fakeLogger() }));
    expect(client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('answers a DM like a mention, in its thread', async () => {
    const client = fakeClient();
    const event = { type: 'message', channel: 'D1', channel_type: 'im', ts: '1.1', user: 'U1', text: 'V∘C∘M∘C' };
    await directMessageCallback(fakeServices())(asArgs<MessageArgs>({ event, client, context, logger: fakeLogger() }));
    expect(posted(client)[0]).toMatchObject({ channel: 'D1', thread_ts: '1.1' });
  });
});

describe('app_home_opened', () => {
  it('publishes the Home view for the user on the Home tab only', async () => {
    const client = fakeClient();
    const services = fakeServices();
    const callback = appHomeOpenedCallback(services);
    await callback(asArgs<HomeArgs>({ event: { tab: 'messages', user: 'U1' }, client, logger: fakeLogger() }));
    expect(client.views.publish).not.toHaveBeenCalled();
    await callback(asArgs<HomeArgs>({ event: { tab: 'home', user: 'U1' }, client, logger: fakeLogger() }));
    expect(client.views.publish).toHaveBeenCalledWith({ user_id: 'U1', view: services.home.en });
  });

  it('logs a failed publish', async () => {
    const client = fakeClient();
    client.views.publish.mockRejectedValue(new Error('not_enabled'));
    const logger = fakeLogger();
    await appHomeOpenedCallback(fakeServices())(
      asArgs<HomeArgs>({ event: { tab: 'home', user: 'U1' }, client, logger }),
    );
    expect(logger.error).toHaveBeenCalled();
  });
});

describe('repeated deliveries', () => {
  const middleware = onlyFirstDelivery(new SeenDeliveries());
  const call = async (body: Record<string, unknown>, retryNum?: number) => {
    const next = vi.fn(async () => {});
    await middleware(asArgs({ body, event: body.event, context: { retryNum }, logger: fakeLogger(), next }));
    return next.mock.calls.length;
  };

  it('lets a first delivery through, and stops its retries and its twins', async () => {
    const event = { type: 'app_mention', channel: 'C1', ts: '5.5' };
    expect(await call({ event_id: 'E1', event })).toBe(1);
    expect(await call({ event_id: 'E1', event }, 1)).toBe(0);
    expect(await call({ event_id: 'E2', event: { ...event, type: 'message' } })).toBe(0);
    expect(await call({ event_id: 'E3', event: { ...event, ts: '5.6' } })).toBe(1);
  });

  it('D1: answers a retry whose first delivery never reached this process (down, or answered 5xx)', async () => {
    expect(await call({ event_id: 'E9', event: { type: 'app_mention', channel: 'C1', ts: '9.9' } }, 2)).toBe(1);
    // ... and only once: the same retry again is a repeat.
    expect(await call({ event_id: 'E9', event: { type: 'app_mention', channel: 'C1', ts: '9.9' } }, 3)).toBe(0);
  });
});

describe('SeenDeliveries with a time window (replayed commands and presses)', () => {
  it('recognises a key within the window and forgets it after', () => {
    let now = 0;
    const seen = new SeenDeliveries(100, 5 * 60_000, () => now);
    expect(seen.check(['trigger:1'])).toBe(false);
    now = 4 * 60_000;
    expect(seen.check(['trigger:1'])).toBe(true);
    now += 5 * 60_000 + 1;
    expect(seen.check(['trigger:1'])).toBe(false);
  });

  it('stays within its capacity', () => {
    const seen = new SeenDeliveries(3);
    for (const k of ['a', 'b', 'c', 'd']) seen.check([k]);
    expect(seen.check(['a'])).toBe(false);
    expect(seen.check(['d'])).toBe(true);
  });
});
