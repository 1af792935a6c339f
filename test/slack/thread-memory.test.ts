import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import type { Carried } from '../../src/advisor/answer.js';
import { shareInThreadButton } from '../../src/render/buttons.js';
import { messages } from '../../src/render/messages/index.js';
import { type AnswerLog, type AnswerRecord, answerFacts, channelTypeOf } from '../../src/slack/answer-log.js';
import { shareInThreadCallback } from '../../src/slack/listeners/actions/share-in-thread.js';
import { stackCommandCallback } from '../../src/slack/listeners/commands/stack.js';
import { requirementsSubmittedCallback } from '../../src/slack/listeners/views/requirements-submitted.js';
import { answerMetadata } from '../../src/slack/metadata.js';
import type { Services } from '../../src/slack/services.js';
import type { ThreadKey, ThreadMemory } from '../../src/slack/thread-memory.js';
import { answerInThread, earlierAnswer } from '../../src/slack/thread-reply.js';
import { advisor } from '../support.js';
import { asArgs, fakeClient, fakeLogger, fakeServices } from './fake-bolt.js';

/** A thread memory in a Map, counting reads and writes; `failing` makes every call throw. */
class MapMemory implements ThreadMemory {
  readonly rows = new Map<string, { carried: Carried; version: string }>();
  reads = 0;
  failing = false;
  static id = (k: ThreadKey) => `${k.enterpriseId}|${k.teamId}|${k.channel}|${k.threadTs}`;
  async read(key: ThreadKey) {
    this.reads++;
    if (this.failing) throw new Error('connection refused');
    return this.rows.get(MapMemory.id(key))?.carried;
  }
  async write(key: ThreadKey, carried: Carried, version: string) {
    if (this.failing) throw new Error('connection refused');
    this.rows.set(MapMemory.id(key), { carried, version });
  }
}

class Recorded implements AnswerLog {
  readonly records: AnswerRecord[] = [];
  record(answer: AnswerRecord): void {
    this.records.push(answer);
  }
}

function distributed(): { services: Services; memory: MapMemory; log: Recorded } {
  const memory = new MapMemory();
  const log = new Recorded();
  return { services: { ...fakeServices(), threadMemory: memory, answers: log }, memory, log };
}

const context = { teamId: 'T1', botId: 'BBOT', botUserId: 'UBOT' };
const edge: Carried = {
  needs: [{ need: 'edge', negated: false, text: 'edge' }],
  constraints: [{ quantity: 'cold_start', comparator: '<', value: 10, unit: 'ms', text: 'cold start < 10ms' }],
  language: 'en',
};
const key = (threadTs: string, channel = 'C0DESIGN') => `|T1|${channel}|${threadTs}`;

describe('earlier answers with a thread memory', () => {
  it('come from the memory when it has the thread: Slack is not asked', async () => {
    const { services, memory } = distributed();
    memory.rows.set(key('1700.1'), { carried: edge, version: 'kb' });
    const client = fakeClient();
    const found = await earlierAnswer(services, asArgs({ client, context, logger: fakeLogger() }), {
      channel: 'C0DESIGN',
      ts: '1700.2',
      threadTs: '1700.1',
      text: '',
    });
    expect(found).toEqual(edge);
    expect(client.conversations.replies).not.toHaveBeenCalled();
  });

  it('are read from Slack when the memory has no row, and kept for the next time', async () => {
    const { services, memory } = distributed();
    const client = fakeClient([{ ts: '1700.1', bot_id: 'BBOT', metadata: answerMetadata(edge, 'kb-7') }]);
    const shell = asArgs<Parameters<typeof earlierAnswer>[1]>({ client, context, logger: fakeLogger() });
    const q = { channel: 'C0DESIGN', ts: '1700.2', threadTs: '1700.1', text: '' };
    expect(await earlierAnswer(services, shell, q)).toEqual(edge);
    expect(client.conversations.replies).toHaveBeenCalledTimes(1);
    expect(memory.rows.get(key('1700.1'))).toEqual({ carried: edge, version: 'kb-7' });
    expect(await earlierAnswer(services, shell, q)).toEqual(edge);
    expect(client.conversations.replies).toHaveBeenCalledTimes(1);
  });

  it('are read from Slack when the database fails, with a warning', async () => {
    const { services, memory } = distributed();
    memory.failing = true;
    const logger = fakeLogger();
    const client = fakeClient([{ ts: '1700.1', bot_id: 'BBOT', metadata: answerMetadata(edge, 'kb') }]);
    const found = await earlierAnswer(services, asArgs({ client, context, logger }), {
      channel: 'C0DESIGN',
      ts: '1700.2',
      threadTs: '1700.1',
      text: '',
    });
    expect(found).toEqual(edge);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/from the database; asking Slack: connection refused/),
    );
  });

  it('without a thread memory (one workspace): Slack, as before', async () => {
    const client = fakeClient([{ ts: '1700.1', bot_id: 'BBOT', metadata: answerMetadata(edge, 'kb') }]);
    const found = await earlierAnswer(fakeServices(), asArgs({ client, context, logger: fakeLogger() }), {
      channel: 'C0DESIGN',
      ts: '1700.2',
      threadTs: '1700.1',
      text: '',
    });
    expect(found).toEqual(edge);
    expect(client.conversations.replies).toHaveBeenCalledTimes(1);
  });
});

describe('every answer posted into a thread is kept, and recorded', () => {
  it('a mention: the thread (the question itself when it starts one) keeps what the answer carries', async () => {
    const { services, memory, log } = distributed();
    const client = fakeClient();
    await answerInThread(services, asArgs({ client, context, logger: fakeLogger() }), {
      channel: 'C0DESIGN',
      ts: '1700.5',
      text: '<@UBOT> edge, cold start < 10ms',
      surface: 'mention',
    });
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    const kept = memory.rows.get(key('1700.5'));
    expect(kept?.carried.constraints).toMatchObject([{ quantity: 'cold_start', value: 10 }]);
    expect(kept?.version).toBe(services.advisor.version);
    expect(log.records).toHaveLength(1);
    expect(log.records[0]).toMatchObject({
      teamId: 'T1',
      enterpriseId: '',
      surface: 'mention',
      channelType: 'channel',
      kind: 'advice',
      normalForm: 'I∘C∘S∘W',
      language: 'en',
      text: 'edge, cold start < 10ms',
    });
  });

  it('a database that fails to keep it costs a warning, never an apology', async () => {
    const { services, memory } = distributed();
    memory.failing = true;
    const client = fakeClient();
    const logger = fakeLogger();
    await answerInThread(services, asArgs({ client, context, logger }), {
      channel: 'D0DM',
      ts: '1700.6',
      text: 'edge',
      surface: 'dm',
      channelType: 'im',
    });
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Could not keep the context of thread D0DM\/1700\.6/),
    );
  });

  it('Share in thread: the thread it posts into keeps the context', async () => {
    const { services, memory } = distributed();
    const value = shareInThreadButton(messages('en'), 'strong isolation, compliance', '1700.9').value ?? '';
    const client = { chat: { postMessage: vi.fn(async () => ({ ok: true, ts: '1700.10' })) } };
    await shareInThreadCallback(services)(
      asArgs<AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>>({
        ack: vi.fn(async () => {}),
        respond: vi.fn(async () => ({})),
        logger: fakeLogger(),
        client,
        context,
        action: { type: 'button', action_id: 'share_in_thread', value },
        body: { user: { id: 'U1' }, channel: { id: 'C0DESIGN' } },
      }),
    );
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(memory.rows.get(key('1700.9'))?.carried.needs.map((n) => n.need)).toContain('strong-isolation');
  });

  it('the requirements form: the answer starts a thread, which keeps the form’s requirements', async () => {
    const { services, memory, log } = distributed();
    const client = { chat: { postMessage: vi.fn(async () => ({ ok: true, channel: 'D0DM', ts: '1700.20' })) } };
    await requirementsSubmittedCallback(services)(
      asArgs<AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>>({
        ack: vi.fn(async () => {}),
        logger: fakeLogger(),
        client,
        context,
        body: { user: { id: 'U1' } },
        view: {
          private_metadata: '{"l":"en"}',
          state: { values: { cold_start: { value: { type: 'number_input', value: '10' } } } },
        },
      }),
    );
    expect(memory.rows.get(key('1700.20', 'D0DM'))?.carried.constraints).toMatchObject([
      { quantity: 'cold_start', value: 10 },
    ]);
    expect(log.records).toMatchObject([{ surface: 'form', channelType: 'im', kind: 'advice' }]);
  });

  it('/stack: recorded after the acknowledgement, with the conversation type', async () => {
    const { services, log } = distributed();
    const ack = vi.fn(async () => {
      expect(log.records).toHaveLength(0);
    });
    await stackCommandCallback(services)(
      asArgs<AllMiddlewareArgs & SlackCommandMiddlewareArgs>({
        ack,
        respond: vi.fn(async () => ({})),
        logger: fakeLogger(),
        client: {},
        context: { teamId: 'T9', enterpriseId: 'E9' },
        command: {
          command: '/stack',
          text: 'V∘C∘M∘C',
          user_id: 'U1',
          channel_id: 'D0DM',
          channel_name: 'directmessage',
        },
      }),
    );
    expect(ack).toHaveBeenCalledTimes(1);
    expect(log.records).toMatchObject([
      {
        surface: 'command',
        channelType: 'im',
        kind: 'simplification',
        normalForm: 'V∘C∘M',
        teamId: 'T9',
        enterpriseId: 'E9',
      },
    ]);
  });
});

describe('the facts of an answer', () => {
  const a = advisor();
  it('name the unmet numeric limits and the conflicts by id', () => {
    const facts = answerFacts(a.answer('latency < 1ms, memory < 5MB'), undefined);
    expect(facts.kind).toBe('advice');
    expect(facts.unmet.length).toBeGreaterThan(0);
    expect(facts.unmet.every((u) => ['latency', 'memory'].includes(u.quantity))).toBe(true);
    expect(facts.conflicts[0]).toMatchObject({ kind: 'no-stack-meets-all', subjects: [expect.any(String)] });
    const favorite = answerFacts(a.answer('compliance-grade strong isolation and cold start < 10 ms'), undefined);
    expect(favorite.conflicts[0]).toEqual({
      kind: 'favorite-excluded',
      subjects: [expect.any(String), 'strong-isolation'],
    });
    expect(favorite.unmet).toEqual([]);
  });

  it('of a refusal: its failure code, in the asker’s language', () => {
    const facts = answerFacts(a.answer('hello there'), 'zh');
    expect(facts).toMatchObject({ kind: 'refused', failureCode: expect.any(String), unmet: [], conflicts: [] });
  });

  it('the conversation type: Slack’s word, else the id', () => {
    expect(channelTypeOf('C1')).toBe('channel');
    expect(channelTypeOf('G1')).toBe('group');
    expect(channelTypeOf('D1')).toBe('im');
    expect(channelTypeOf('D1', 'mpim')).toBe('mpim');
    expect(channelTypeOf('C1', 'privategroup')).toBe('group');
    expect(channelTypeOf(undefined)).toBe('unknown');
  });
});
