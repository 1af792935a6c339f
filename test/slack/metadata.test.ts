import { describe, expect, it } from 'vitest';
import type { Carried } from '../../src/advisor/answer.js';
import { answerMetadata, carriedFromThread, EVENT_TYPE } from '../../src/slack/metadata.js';
import { advisor, say } from '../support.js';

const bot = { botId: 'BBOT', botUserId: 'UBOT' };
const theAdvisor = advisor();

function carriedOf(request: string): Carried {
  const advice = theAdvisor.advise(request);
  if (!advice.ok) throw new Error(say(advice.error));
  return advice.value.carried;
}

describe('thread memory in message metadata', () => {
  it('round-trips what an answer carries', () => {
    const carried = carriedOf('edge computing, cold start < 10ms, memory < 50MB, not a service mesh');
    const metadata = answerMetadata(carried, 'v7');
    expect(metadata.event_type).toBe(EVENT_TYPE);
    // As Slack returns it: the JSON the bot sent, parsed back.
    const back = JSON.parse(JSON.stringify(metadata)) as typeof metadata;
    expect(carriedFromThread([{ ts: '1.0', bot_id: 'BBOT', metadata: back }], bot)).toEqual({ carried, version: 'v7' });
  });

  it('feeds a follow-up: the earlier requirements are kept', () => {
    const first = carriedOf('edge computing, cold start < 10ms');
    const followUp = theAdvisor.advise('memory < 50MB', first);
    if (!followUp.ok) throw new Error(say(followUp.error));
    expect(followUp.value.constraints.map((c) => c.quantity).sort()).toEqual(['cold_start', 'memory']);
  });

  it('takes the latest answer of this bot in the thread, and skips other apps’ and broken ones', () => {
    const older = answerMetadata(carriedOf('edge'), 'v1');
    const newer = answerMetadata(carriedOf('strong isolation'), 'v1');
    expect(newer).not.toEqual(older);
    const messages = [
      { ts: '1.0', user: 'U1' },
      { ts: '2.0', bot_id: 'BBOT', metadata: older },
      { ts: '3.0', user: 'UBOT', metadata: newer },
      { ts: '4.0', bot_id: 'BOTHER', metadata: answerMetadata(carriedOf('service mesh'), 'v1') },
      {
        ts: '5.0',
        bot_id: 'BBOT',
        metadata: { event_type: EVENT_TYPE, event_payload: { version: 'v1', needs: 'junk' } },
      },
      { ts: '6.0', user: 'U2', metadata: answerMetadata(carriedOf('memory < 50MB'), 'v1') },
    ];
    expect(carriedFromThread(messages, bot)?.carried).toEqual(carriedOf('strong isolation'));
    // A message that does not say whose it is (a thin API response) still counts: only apps attach metadata.
    expect(carriedFromThread([...messages, { ts: '7.0', metadata: older }], bot)?.carried).toEqual(carriedOf('edge'));
    expect(carriedFromThread(messages.slice(0, 2), bot)?.carried).toEqual(carriedOf('edge'));
    expect(carriedFromThread([{ ts: '1.0', user: 'U1' }], bot)).toBeUndefined();
  });
});
