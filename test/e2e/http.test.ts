import type { AddressInfo } from 'node:net';
import { type App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/slack/app.js';
import { httpConfig, startHttpApp } from '../faults/running-bot.js';
import { homeProblems, messageProblems, PINGS, visibleTexts } from '../render/block-kit-limits.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { advisor } from '../support.js';
import { FakeSlack } from './fake-slack.js';
import {
  buttonBody,
  commandBody,
  eventBody,
  FORM,
  JSON_TYPE,
  mentionEvent,
  type Sent,
  SIGNING_SECRET,
  send,
  signature,
} from './slack-requests.js';

/**
 * The real app in HTTP mode, real signature verification, on an ephemeral port, talking to a fake Slack Web API on
 * 127.0.0.1 (SLACK_API_URL). Requests are signed as Slack signs them.
 */

const fake = new FakeSlack();
const logger = new RecordingLogger();
let app: App;
let events = '';
let base = '';

beforeAll(async () => {
  await fake.start();
  ({ app, base, events } = await startHttpApp(httpConfig(fake), advisor(), {
    logger,
    webClient: { retries: 1, timeoutMs: 5_000 },
  }));
});

afterAll(async () => {
  await app.stop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
  logger.clear();
});

const command = (text: string, responseId = 'cmd'): Promise<Sent> =>
  send(events, commandBody(text, fake.responseUrl(responseId)), FORM);

const event = (e: Record<string, unknown>, eventId?: string, headers: Record<string, string> = {}): Promise<Sent> =>
  send(events, eventBody(e, eventId), JSON_TYPE, {}, headers);

const blockText = (payload: unknown): string => visibleTexts(payload).join('\n');

/** A message ts from the fake's clock, so the bot's replies and people's messages interleave as in Slack. */
const newTs = (): string => fake.nextTs();

const mention = (text: string, ts: string, threadTs?: string) => mentionEvent(fake, text, ts, threadTs);

async function postedReplies(count: number): Promise<Record<string, unknown>[]> {
  return vi.waitFor(
    () => {
      const posted = fake.callsTo('chat.postMessage').map((c) => c.args);
      if (posted.length < count) throw new Error(`${posted.length} of ${count} replies so far`);
      return posted;
    },
    { timeout: 5_000, interval: 10 },
  );
}

describe('HTTP mode: serving', () => {
  it('answers GET /healthz with the knowledge version', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, knowledge: advisor().version });
  });

  it('answers HEAD /healthz for load balancers', async () => {
    const res = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV', type: 'url_verification' });
    const res = await send(events, body, JSON_TYPE);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV' });
  });
});

describe('HTTP mode: /stack', () => {
  it('answers advice in the acknowledgement itself, privately, with the four steps and the buttons', async () => {
    const res = await command('edge computing, cold start < 10ms, memory < 50MB');
    expect(res.status).toBe(200);
    const body = res.json ?? {};
    expect(body.response_type).toBe('ephemeral');
    expect(messageProblems(body)).toEqual([]);
    const text = blockText(body);
    expect(text).toContain('Docker + WasmEdge');
    expect(text).toContain('I∘C∘S∘W');
    expect(text).toContain('(5▼-4▼-4▼)');
    expect(text).toMatch(/```[\s\S]*docker build -t myapp:wasm \.[\s\S]*```/);
    for (const step of ['1 · Requirements', '2 · Simplify', '3 · Look up', '4 · Land it']) expect(text).toContain(step);
    expect(text).toContain(advisor().version);
    const actionIds = JSON.stringify(body.blocks).match(/"action_id":"[a-z_]+"/g);
    expect(actionIds).toEqual([
      '"action_id":"share_in_channel"',
      '"action_id":"compare_alternatives"',
      '"action_id":"explain_operators"',
      '"action_id":"deploy_kit"',
      '"action_id":"answer_feedback"',
    ]);
    // Nothing went to the channel: the answer is only in the private acknowledgement.
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it('answers the command under another name (installed as /stackx when /stack was taken)', async () => {
    const body = commandBody('V -> C -> M', fake.responseUrl('renamed')).replace(
      'command=%2Fstack',
      'command=%2Fstackx',
    );
    expect(body).toContain('command=%2Fstackx');
    const res = await send(events, body, FORM);
    expect(res.status).toBe(200);
    expect(blockText(res.json ?? {})).toContain('V∘C∘M');
  });

  it('simplifies an operator word with its rewrite steps', async () => {
    const res = await command('V∘C∘M∘C');
    const text = blockText(res.json);
    expect(res.json?.response_type).toBe('ephemeral');
    expect(messageProblems(res.json)).toEqual([]);
    expect(text).toContain('`V∘C∘M`');
    expect(text).toContain('`A2`');
    expect(text).toContain('`V∘C∘M∘C` → `V∘M∘C`');
  });

  it('accepts arrows in a word', async () => {
    const res = await command('V -> C -> M');
    expect(blockText(res.json)).toContain('*Normal form:* `V∘C∘M`');
  });

  it('shows help for an empty command and for help, in both languages', async () => {
    for (const text of ['', 'help']) {
      const res = await command(text);
      expect(messageProblems(res.json)).toEqual([]);
      const shown = blockText(res.json);
      expect(shown).toContain('/stack compare');
      expect(shown).toContain('示例（中文）');
    }
    const zh = blockText((await command('帮助')).json);
    expect(zh).toContain('/stack 比较');
    expect(zh).toContain('英文示例');
  });

  it('answers Chinese requirements in Chinese framing', async () => {
    const res = await command('强隔离+合规，多租户');
    const text = blockText(res.json);
    expect(messageProblems(res.json)).toEqual([]);
    expect(text).toContain('Kata + Istio Ambient');
    expect(text).toContain('V∘S∘C∘M');
    expect(text).toContain('1 · 需求 → 算子序列');
  });

  it('compares and explains', async () => {
    const compared = await command('compare V∘S∘C∘M | I∘C∘S∘Am');
    expect(messageProblems(compared.json)).toEqual([]);
    expect(blockText(compared.json)).toContain('Best on each dimension');
    const explained = await command('explain Am');
    expect(messageProblems(explained.json)).toEqual([]);
    expect(blockText(explained.json)).toContain('Istio ambient');
  });

  it('turns a request it cannot answer into a reason, not an error', async () => {
    const res = await command('V∘Kc');
    expect(res.status).toBe(200);
    expect(messageProblems(res.json)).toEqual([]);
    expect(blockText(res.json)).toContain('two heads');
  });

  it('never echoes pings typed by the user', async () => {
    for (const text of [
      '<!channel> edge, cold start < 10ms <@U0BOSS>',
      '&lt;!here&gt; hello &lt;@U0BOSS&gt; <#C0GEN|general>',
    ]) {
      const res = await command(text);
      expect(res.status).toBe(200);
      expect(messageProblems(res.json)).toEqual([]);
      for (const shown of visibleTexts(res.json)) expect(shown).not.toMatch(PINGS);
    }
  });

  it('cuts a very long request visibly instead of being rejected', async () => {
    const res = await command(`edge, cold start < 10ms, ${'memory < 50MB, '.repeat(250)}`);
    expect(res.status).toBe(200);
    expect(messageProblems(res.json)).toEqual([]);
    expect(blockText(res.json)).toMatch(/cut: [\d,]+ more/);
  });
});

describe('HTTP mode: signatures', () => {
  it('rejects a forged signature with 401 and answers nothing', async () => {
    const body = commandBody('edge', fake.responseUrl('forged'));
    const res = await send(events, body, FORM, {
      signature: signature('0'.repeat(32), Math.floor(Date.now() / 1000), body),
    });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('blocks');
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a correctly signed request that is six minutes old (a replay)', async () => {
    const body = commandBody('edge', fake.responseUrl('old'));
    const res = await send(events, body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
  });

  it('rejects an event with a signature over a different body', async () => {
    const body = eventBody(mention('<@UBOT> edge', newTs()));
    const res = await send(events, body, JSON_TYPE, {
      signature: signature(SIGNING_SECRET, Math.floor(Date.now() / 1000), `${body} `),
    });
    expect(res.status).toBe(401);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('HTTP mode: mentions and threads', () => {
  it('answers a mention in a thread under it, with the requirements as message metadata', async () => {
    const ts = newTs();
    const res = await event(mention('<@UBOT> edge computing, cold start < 10ms', ts));
    expect(res.status).toBe(200);
    const [posted] = await postedReplies(1);
    expect(posted.channel).toBe('C0DESIGN');
    expect(posted.thread_ts).toBe(ts);
    expect(messageProblems(posted)).toEqual([]);
    expect(blockText(posted)).toContain('Docker + WasmEdge');
    expect(blockText(posted)).not.toContain('UBOT');
    expect(posted.metadata).toMatchObject({
      event_type: 'stack_advisor_answer',
      event_payload: {
        version: advisor().version,
        constraints: [{ quantity: 'cold_start', comparator: '<', value: 10 }],
      },
    });
  });

  it('combines a follow-up in the same thread with the earlier answer there', async () => {
    const root = newTs();
    await event(mention('<@UBOT> edge computing, cold start < 10ms', root));
    await postedReplies(1);
    const followUp = newTs();
    await event(mention('<@UBOT> what if we also need memory < 50MB?', followUp, root));
    const [, second] = await postedReplies(2);
    const read = fake.callsTo('conversations.replies');
    expect(read).toHaveLength(1);
    expect(read[0].args).toMatchObject({ channel: 'C0DESIGN', ts: root, include_all_metadata: 'true' });
    expect(second.thread_ts).toBe(root);
    expect(blockText(second)).toContain('from earlier in this thread');
    const payload = (second.metadata as { event_payload: { constraints: { quantity: string }[] } }).event_payload;
    expect(payload.constraints.map((c) => c.quantity).sort()).toEqual(['cold_start', 'memory']);
  });

  it('does not read the thread for a mention that starts one', async () => {
    await event(mention('<@UBOT> edge', newTs()));
    await postedReplies(1);
    expect(fake.callsTo('conversations.replies')).toEqual([]);
  });

  it('answers a direct message in its thread and ignores edits and bot messages', async () => {
    const ts = newTs();
    await event({
      type: 'message',
      subtype: 'message_changed',
      channel: 'D0DM',
      channel_type: 'im',
      ts: newTs(),
      hidden: true,
    });
    await event({
      type: 'message',
      channel: 'D0DM',
      channel_type: 'im',
      user: 'U0OTHERBOT',
      bot_id: 'B0OTHER',
      text: 'edge',
      ts: newTs(),
    });
    await event({ type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0ASKER', text: 'V∘C∘M∘C', ts });
    const [posted] = await postedReplies(1);
    expect(posted).toMatchObject({ channel: 'D0DM', thread_ts: ts });
    expect(blockText(posted)).toContain('V∘C∘M');
    await event({ type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0ASKER', text: 'help', ts: newTs() });
    await postedReplies(2);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers a direct message with a file attached, or without channel_type on a D channel', async () => {
    const withFile = newTs();
    await event({
      type: 'message',
      subtype: 'file_share',
      channel: 'D0DM',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'edge, cold start < 10ms (diagram attached)',
      files: [{ id: 'F0DIAGRAM', name: 'arch.png' }],
      ts: withFile,
    });
    const untyped = newTs();
    await event({ type: 'message', channel: 'D0DM', user: 'U0ASKER', text: '强隔离+合规', ts: untyped });
    const replies = await postedReplies(2);
    expect(replies.map((r) => r.thread_ts).sort()).toEqual([withFile, untyped].sort());
    expect(replies.map((r) => blockText(r)).join('\n')).toContain('Docker + WasmEdge');
    expect(replies.map((r) => blockText(r)).join('\n')).toContain('Kata + Istio Ambient');
  });

  it('answers a mention whose channel message arrived first (both events for one message)', async () => {
    const ts = newTs();
    const text = '<@UBOT> V∘C∘M';
    await event({ type: 'message', channel: 'C0DESIGN', channel_type: 'channel', user: 'U0ASKER', text, ts });
    await event(mention(text, ts));
    const [posted] = await postedReplies(1);
    expect(posted.thread_ts).toBe(ts);
  });

  it('answers a retried or repeated delivery only once', async () => {
    const ts = newTs();
    const e = mention('<@UBOT> edge', ts);
    await event(e, 'EvRETRY1');
    await postedReplies(1);
    const retry = await event(e, 'EvRETRY1', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await vi.waitFor(() => expect(logger.has(LogLevel.DEBUG, /repeated delivery of app_mention \(retry 1/)).toBe(true));
    // The same message delivered again under a new event id (no retry header) is also recognised.
    await event(e, 'EvRETRY2');
    await vi.waitFor(() => expect(logger.has(LogLevel.DEBUG, /repeated delivery of app_mention \(retry 0/)).toBe(true));
    // A fresh question afterwards is answered: the bot is still serving, and the repeats added nothing.
    await event(mention('<@UBOT> help', newTs()));
    const replies = await postedReplies(2);
    expect(replies.map((r) => r.thread_ts)).toEqual([ts, expect.any(String)]);
    expect(replies[1].thread_ts).not.toBe(ts);
  });
});

describe('HTTP mode: App Home', () => {
  it('publishes the Home tab when it is opened, within 100 blocks', async () => {
    await event({ type: 'app_home_opened', user: 'U0NEWBIE', channel: 'D0DM', tab: 'home', event_ts: newTs() });
    const view = await vi.waitFor(() => {
      const [call] = fake.callsTo('views.publish');
      if (call === undefined) throw new Error('not yet');
      return call.args;
    });
    expect(view.user_id).toBe('U0NEWBIE');
    expect(homeProblems(view.view)).toEqual([]);
    const text = blockText(view.view);
    for (const part of [
      'How to ask',
      'canonical stacks',
      'Operator glossary',
      'Example questions',
      'Docker + WasmEdge',
      '中文',
    ])
      expect(text).toContain(part);
  });

  it('sets four suggested prompts when the Messages tab is opened, in the user’s language, and publishes no Home tab', async () => {
    await event({ type: 'app_home_opened', user: 'U0NEWBIE', channel: 'D0DM', tab: 'messages', event_ts: newTs() });
    const [set] = await vi.waitFor(() => {
      const got = fake.callsTo('assistant.threads.setSuggestedPrompts');
      if (got.length === 0) throw new Error('not yet');
      return got;
    });
    expect(set.args).toMatchObject({ channel_id: 'D0DM', title: 'Try asking' });
    const prompts = set.args.prompts as { title: string; message: string }[];
    expect(prompts).toHaveLength(4);
    for (const p of prompts) expect(answerable(p.message)).toBe(true);
    fake.locales.set('U0ZHNEW', 'zh-CN');
    await event({ type: 'app_home_opened', user: 'U0ZHNEW', channel: 'D0ZH', tab: 'messages', event_ts: newTs() });
    const zh = await vi.waitFor(() => {
      const got = fake.callsTo('assistant.threads.setSuggestedPrompts');
      if (got.length < 2) throw new Error('not yet');
      return got[1];
    });
    expect(zh.args).toMatchObject({ channel_id: 'D0ZH', title: '可以这样问' });
    expect(fake.callsTo('views.publish')).toEqual([]);
  });
});

/** Every suggested prompt is a question the bot answers. */
const answerable = (text: string): boolean => advisor().answer(text).ok;

describe('HTTP mode: buttons', () => {
  it('Share in channel posts the same answer visibly through the response URL', async () => {
    const request = 'edge computing, cold start < 10ms, memory < 50MB';
    const privateAnswer = (await command(request)).json;
    const res = await send(events, buttonBody('share_in_channel', request, fake.responseUrl('share')), FORM);
    expect(res.status).toBe(200);
    const shared = await vi.waitFor(() => {
      const [body] = fake.responsesTo('share');
      if (body === undefined) throw new Error('not yet');
      return body;
    });
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(messageProblems(shared)).toEqual([]);
    expect(blockText(shared)).toContain('Shared by <@U0PRESSER>');
    // The same answer: every block of the private one except the buttons and the footer line.
    const body = (m: unknown) =>
      (m as { blocks: { type: string }[] }).blocks.filter((b) => b.type !== 'actions' && b.type !== 'context');
    expect(body(shared)).toEqual(body(privateAnswer));
    expect(JSON.stringify(shared)).not.toContain('share_in_channel');
    expect(shared.metadata).toMatchObject({ event_type: 'stack_advisor_answer' });
  });

  it('Compare alternatives and Explain operators answer privately', async () => {
    await send(events, buttonBody('compare_alternatives', 'I∘C∘S∘W | I∘C∘S∘Am', fake.responseUrl('cmp')), FORM);
    await send(
      events,
      buttonBody('explain_operators', 'V∘S∘C∘M', fake.responseUrl('exp'), { threadTs: '1700000000.000001' }),
      FORM,
    );
    const [compared, explained] = await vi.waitFor(() => {
      const both = [fake.responsesTo('cmp')[0], fake.responsesTo('exp')[0]];
      if (both.some((b) => b === undefined)) throw new Error('not yet');
      return both;
    });
    expect(compared).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(compared)).toContain('Docker + Istio Ambient');
    expect(explained).toMatchObject({ response_type: 'ephemeral', thread_ts: '1700000000.000001' });
    for (const op of ['*V*', '*S*', '*C*', '*M*']) expect(blockText(explained)).toContain(op);
    expect(messageProblems(compared)).toEqual([]);
    expect(messageProblems(explained)).toEqual([]);
  });

  it('Deploy kit under a private answer shows the files privately', async () => {
    const res = await send(events, buttonBody('deploy_kit', 'I∘C∘S∘W', fake.responseUrl('kit')), FORM);
    expect(res.status).toBe(200);
    const [answer] = await vi.waitFor(() => {
      const got = fake.responsesTo('kit');
      if (got.length === 0) throw new Error('not yet');
      return got;
    });
    expect(answer.response_type).toBe('ephemeral');
    expect(blockText(answer)).toContain('wasmedge-runtimeclass.yaml');
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(messageProblems(answer)).toEqual([]);
  });

  it('Deploy kit under a posted answer uploads the files to its thread', async () => {
    const body = buttonBody('deploy_kit', 'V∘S∘C∘M', fake.responseUrl('kit-thread'), {
      threadTs: '1700000000.000001',
      ephemeral: false,
    });
    const res = await send(events, body, FORM);
    expect(res.status).toBe(200);
    const [completed] = await vi.waitFor(() => {
      const got = fake.callsTo('files.completeUploadExternal');
      if (got.length === 0) throw new Error('not yet');
      return got;
    });
    expect(completed.args).toMatchObject({ channel_id: 'C0DESIGN', thread_ts: '1700000000.000001' });
    const names = fake.callsTo('files.getUploadURLExternal').map((c) => c.args.filename);
    expect(names).toEqual([
      'README.md',
      'kata-runtimeclass.yaml',
      'namespace.yaml',
      'seccomp-installer.yaml',
      'deployment-with-seccomp.yaml',
      'mesh-policy.yaml',
      'custom.json',
    ]);
    const contents = [...fake.uploads.values()].join('\n');
    expect(contents).toContain('handler: kata-qemu');
    expect(contents).toContain('SCMP_ACT_ERRNO');
    expect(fake.responsesTo('kit-thread')).toEqual([]);
  });

  it('Deploy kit falls back to showing the files when the upload is refused', async () => {
    fake.failNext('files.getUploadURLExternal', { error: 'not_in_channel' });
    const body = buttonBody('deploy_kit', 'I∘C∘S∘Am', fake.responseUrl('kit-refused'), {
      threadTs: '1700000000.000001',
      ephemeral: false,
    });
    await send(events, body, FORM);
    const [answer] = await vi.waitFor(() => {
      const got = fake.responsesTo('kit-refused');
      if (got.length === 0) throw new Error('not yet');
      return got;
    });
    expect(blockText(answer)).toContain('could not be uploaded');
    expect(blockText(answer)).toContain('namespace.yaml');
  });
});

describe('HTTP mode: keeps serving', () => {
  it('rejects malformed bodies and still serves afterwards', async () => {
    const signedGarbage = await send(events, '{"type": "event_callback", "event": ', JSON_TYPE);
    expect(signedGarbage.status).toBe(400);
    const unsigned = await fetch(events, { method: 'POST', body: 'payload=%7B%7D', headers: { 'content-type': FORM } });
    expect(unsigned.status).toBe(401);
    const empty = await fetch(events, { method: 'POST' });
    expect(empty.status).toBe(401);
    const unknownEvent = await event({ type: 'reaction_added', user: 'U0ASKER', reaction: 'tada', event_ts: newTs() });
    expect(unknownEvent.status).toBe(200);
    const notFound = await fetch(`${base}/nowhere`);
    expect(notFound.status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(blockText((await command('V∘C∘M')).json)).toContain('V∘C∘M');
  });

  it('logs a failing chat.postMessage and answers the next question', async () => {
    fake.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await event(mention('<@UBOT> edge', newTs()));
    // Two attempts at the answer, two at the apology: all four fail, and both failures are logged.
    await vi.waitFor(() => expect(logger.has(LogLevel.ERROR, /Could not post the apology either/)).toBe(true), {
      timeout: 5_000,
    });
    expect(logger.has(LogLevel.ERROR, /Could not answer in thread/)).toBe(true);
    fake.reset();
    await event(mention('<@UBOT> help', newTs()));
    const [posted] = await postedReplies(1);
    expect(blockText(posted)).toContain('How to ask');
  });

  it('posts the apology when the answer is refused by Slack but a plain message is not', async () => {
    fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await event(mention('<@UBOT> edge', newTs()));
    const [, apology] = await postedReplies(2);
    expect(String(apology.text)).toMatch(/^Sorry/);
  });

  it('waits out a 429 with Retry-After and then answers', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await event(mention('<@UBOT> V∘C∘M', newTs()));
    const posted = await vi.waitFor(
      () => {
        const ok = fake.callsTo('chat.postMessage');
        if (ok.length < 2) throw new Error('not yet');
        return ok[1].args;
      },
      { timeout: 5_000 },
    );
    expect(blockText(posted)).toContain('V∘C∘M');
  });

  it('answers without the earlier context when the thread cannot be read', async () => {
    const root = newTs();
    fake.failNext('conversations.replies', { error: 'missing_scope' });
    await event(mention('<@UBOT> edge', newTs(), root));
    const [posted] = await postedReplies(1);
    expect(posted.thread_ts).toBe(root);
    expect(logger.has(LogLevel.WARN, /answering without its earlier context/)).toBe(true);
  });

  it('answers commands and health checks while a Slack API call hangs', async () => {
    const release = fake.hold('chat.postMessage');
    await event(mention('<@UBOT> edge', newTs()));
    await vi.waitFor(() => expect(fake.callsTo('chat.postMessage')).toHaveLength(1));
    // The call is still held: everything else is served meanwhile.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const res = await command('V∘C∘M');
    expect(blockText(res.json)).toContain('V∘C∘M');
    release();
    await postedReplies(1);
    expect(logger.has(LogLevel.ERROR, /Could not answer/)).toBe(false);
  });

  it('answers a response URL failure with a log line, not a crash', async () => {
    fake.failNext('respond', { status: 500 }, { status: 500 });
    await send(events, buttonBody('compare_alternatives', 'I∘C∘S∘W | V∘C∘M', fake.responseUrl('broken')), FORM);
    await vi.waitFor(() => expect(logger.has(LogLevel.ERROR, /Compare alternatives failed/)).toBe(true));
    expect((await command('help')).status).toBe(200);
  });
});

describe('HTTP mode: started by Bolt alone', () => {
  it('serves with a plain app.start(), asking Slack who the bot is on first use and again after a failure', async () => {
    const plain = createApp(httpConfig(fake), advisor(), { logger: new RecordingLogger(), webClient: { retries: 0 } });
    const server = await plain.start({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      fake.failNext('auth.test', { error: 'fatal_error' });
      const first = await send(url, commandBody('V∘C∘M', fake.responseUrl('plain')), FORM);
      expect(first.status).toBe(200);
      expect(first.text).toBe('');
      const second = await send(url, commandBody('V∘C∘M', fake.responseUrl('plain')), FORM);
      expect(blockText(second.json)).toContain('V∘C∘M');
      const third = await send(url, commandBody('help', fake.responseUrl('plain')), FORM);
      expect(blockText(third.json)).toContain('How to ask');
      // Asked twice (the failure, then the success), then remembered.
      expect(fake.callsTo('auth.test')).toHaveLength(2);
    } finally {
      await plain.stop();
    }
  });
});

describe('HTTP mode: the asker’s language', () => {
  const commandAs = (text: string, userId: string): Promise<Sent> =>
    send(events, commandBody(text, fake.responseUrl('lang'), userId), FORM);

  it('a /stack V∘C∘M from a user whose Slack locale is zh-CN is answered in Chinese', async () => {
    fake.locales.set('U0ZHLOCALE', 'zh-CN');
    const res = await commandAs('V∘C∘M', 'U0ZHLOCALE');
    expect(res.status).toBe(200);
    const text = blockText(res.json);
    expect(text).toContain('化简 → 范式');
    expect(text).toContain('V∘C∘M');
    expect(text).not.toContain('Simplify → normal form');
    const [lookup] = fake.callsTo('users.info');
    expect(lookup.args).toMatchObject({ user: 'U0ZHLOCALE', include_locale: 'true' });
    // The buttons carry the language: what they answer stays Chinese.
    expect(JSON.stringify(res.json)).toContain('\\"l\\":\\"zh\\"');
  });

  it('the same user writing English gets English, without asking Slack for the locale', async () => {
    fake.locales.set('U0ZHWRITER', 'zh-CN');
    const res = await commandAs('edge, cold start < 10ms', 'U0ZHWRITER');
    const text = blockText(res.json);
    expect(text).toContain('1 · Requirements → operator word');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(fake.callsTo('users.info')).toEqual([]);
  });

  it('a failing users.info still gets an answer, in English', async () => {
    fake.failNext('users.info', { error: 'ratelimited' });
    const res = await commandAs('V∘C∘M', 'U0LOOKUPFAILS');
    expect(res.status).toBe(200);
    expect(blockText(res.json)).toContain('Simplify → normal form');
  });

  it('a hanging users.info does not hold the acknowledgement near Slack’s 3 seconds', async () => {
    const release = fake.hold('users.info');
    const started = Date.now();
    const res = await commandAs('V∘C∘M', 'U0LOOKUPHANGS');
    const took = Date.now() - started;
    release();
    expect(res.status).toBe(200);
    expect(took).toBeLessThan(2_500);
    expect(blockText(res.json)).toContain('Simplify → normal form');
  });

  it('a mention with an operator word follows the asker’s locale; the Home tab too', async () => {
    fake.locales.set('U0ZHMENTION', 'zh-CN');
    const ts = newTs();
    const text = '<@UBOT> V -> C -> M -> C';
    fake.addMessage({ channel: 'C0DESIGN', ts, text, user: 'U0ZHMENTION' });
    await event({ type: 'app_mention', user: 'U0ZHMENTION', text, ts, channel: 'C0DESIGN', event_ts: ts });
    const [posted] = await postedReplies(1);
    expect(blockText(posted)).toContain('化简 → 范式');
    fake.locales.set('U0ZHHOME', 'zh-CN');
    await event({ type: 'app_home_opened', user: 'U0ZHHOME', channel: 'D0DM', tab: 'home', event_ts: newTs() });
    const call = await vi.waitFor(() => {
      const [c] = fake.callsTo('views.publish');
      if (c === undefined) throw new Error('not yet published');
      return c;
    });
    expect(blockText(call.args.view)).toContain('典型技术栈');
  });
});
