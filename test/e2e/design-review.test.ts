import { type App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpConfig, startHttpApp } from '../faults/running-bot.js';
import { messageProblems, visibleTexts } from '../render/block-kit-limits.js';
import { MADR_HEADINGS, parseMadr } from '../render/madr.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { advisor } from '../support.js';
import { FakeSlack } from './fake-slack.js';
import {
  commandBody,
  eventBody,
  FORM,
  globalShortcutBody,
  JSON_TYPE,
  mentionEvent,
  messageShortcutBody,
  send,
  threadButtonBody,
  viewSubmissionBody,
} from './slack-requests.js';

/**
 * Design reviews end to end: the real app in HTTP mode, signed requests, a fake Slack Web API on 127.0.0.1. Ask on any
 * message, share into its thread, follow up with each change explained, and record the decision.
 */

const fake = new FakeSlack();
const logger = new RecordingLogger();
let app: App;
let events = '';

beforeAll(async () => {
  await fake.start();
  const config = httpConfig(fake, { LOG_LEVEL: 'info' });
  ({ app, events } = await startHttpApp(config, advisor(), { logger, webClient: { retries: 1, timeoutMs: 5_000 } }));
});

afterAll(async () => {
  await app.stop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
  logger.clear();
});

const blockText = (payload: unknown): string => visibleTexts(payload).join('\n');

async function eventually<T>(get: () => T[], count = 1): Promise<T[]> {
  return vi.waitFor(
    () => {
      const got = get();
      if (got.length < count) throw new Error(`${got.length} of ${count} so far`);
      return got;
    },
    { timeout: 5_000, interval: 10 },
  );
}

const posted = (count = 1) => eventually(() => fake.callsTo('chat.postMessage').map((c) => c.args), count);
const responses = (id: string, count = 1) => eventually(() => fake.responsesTo(id), count);

/** The value of the button `actionId` in a message's blocks. */
function buttonValue(message: Record<string, unknown>, actionId: string): string {
  const found = JSON.stringify(message.blocks).match(
    new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`),
  );
  if (found === null) {
    const elements = (message.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === actionId);
    if (elements?.value === undefined) throw new Error(`no ${actionId} button`);
    return elements.value;
  }
  return JSON.parse(`"${found[1]}"`) as string;
}

/** The file inside a multipart upload body, as the Web API client sends it to the upload URL. */
function fileOf(multipart: string): string {
  const start = multipart.indexOf('\r\n\r\n');
  const end = multipart.lastIndexOf('\r\n------');
  return multipart.slice(start + 4, end);
}

const actionIds = (message: Record<string, unknown>): string[] =>
  (message.blocks as { type: string; elements?: { action_id?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));

describe('the message shortcut "Ask stack-advisor"', () => {
  it('answers a message privately through its response URL; Share in thread posts it there with thread memory; a follow-up builds on it and says what changed', async () => {
    const root = fake.nextTs();
    fake.addMessage({
      channel: 'C0DESIGN',
      ts: root,
      text: 'Proposal: multi-tenant &amp; <@U0BOSS> ok?',
      user: 'U0AUTHOR',
    });
    const res = await send(
      events,
      messageShortcutBody(
        'ask_stack_advisor',
        { ts: root, text: 'Proposal: multi-tenant &amp; <@U0BOSS> ok?', user: 'U0AUTHOR' },
        fake.responseUrl('ask'),
      ),
      FORM,
    );
    expect(res.status).toBe(200);
    const [answer] = await responses('ask');
    expect(answer.response_type).toBe('ephemeral');
    expect(messageProblems(answer)).toEqual([]);
    expect(blockText(answer)).toContain('Kata + Istio Ambient');
    expect(actionIds(answer)).toContain('share_in_thread');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);

    // Share in thread, pressed on the private answer.
    const value = buttonValue(answer, 'share_in_thread');
    await send(
      events,
      threadButtonBody('share_in_thread', value, fake.responseUrl('share'), { ts: '1700000000.000900' }).replace(
        '%22is_ephemeral%22%3Afalse',
        '%22is_ephemeral%22%3Atrue',
      ),
      FORM,
    );
    const [shared] = await posted(1);
    expect(shared).toMatchObject({ channel: 'C0DESIGN', thread_ts: root });
    expect(shared.metadata).toMatchObject({
      event_type: 'stack_advisor_answer',
      event_payload: { needs: [{ need: 'multi-tenant' }] },
    });
    expect(blockText(shared)).toContain('Kata + Istio Ambient');
    expect(actionIds(shared)).toContain('record_decision');

    // A follow-up mention in that thread changes the stack: the reply leads with what changed and why.
    const followUp = fake.nextTs();
    await send(
      events,
      eventBody(mentionEvent(fake, '<@UBOT> what if we also need cold start < 10ms?', followUp, root)),
      JSON_TYPE,
    );
    const [, second] = await posted(2);
    expect(second.thread_ts).toBe(root);
    const text = blockText(second);
    expect(text.indexOf('What changed')).toBeLessThan(text.indexOf('1 · Requirements'));
    expect(text).toContain('The recommendation changed: Kata + Istio Ambient `V∘S∘C∘M`');
    expect(text).toContain('→ Docker + WasmEdge `I∘C∘S∘W`');
    expect(text).toContain('added cold start &lt; 10 ms');
    expect(text).toContain('Latency 4 → 5');
    expect(text).toContain('cold start &lt; 10 ms: not asked before → met');
    expect(String(second.text)).toContain('The recommendation changed');

    // A follow-up that changes nothing says so in one line.
    await send(events, eventBody(mentionEvent(fake, '<@UBOT> and memory < 50MB', fake.nextTs(), root)), JSON_TYPE);
    const [, , third] = await posted(3);
    const lead = blockText(third)
      .split('\n')
      .filter((l) => l.includes('What changed'));
    expect(lead).toHaveLength(1);
    expect(lead[0]).toContain('No change: still Docker + WasmEdge `I∘C∘S∘W`');
    expect(blockText(third)).not.toContain('The recommendation changed');
  });

  it('explains, privately, that a message without text has nothing to ask about', async () => {
    const ts = fake.nextTs();
    await send(
      events,
      messageShortcutBody('ask_stack_advisor', { ts, text: '', files: [{ id: 'F1' }] }, fake.responseUrl('empty')),
      FORM,
    );
    const [answer] = await responses('empty');
    expect(answer.response_type).toBe('ephemeral');
    expect(blockText(answer)).toContain('This message has no text to ask about');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    // A bot message made of blocks only, from a Chinese-speaking user: the explanation is in Chinese.
    fake.locales.set('U0ZH', 'zh-CN');
    await send(
      events,
      messageShortcutBody(
        'ask_stack_advisor',
        { ts: fake.nextTs(), bot_id: 'B0OTHER', blocks: [] },
        fake.responseUrl('empty-zh'),
        'U0ZH',
      ),
      FORM,
    );
    const [zh] = await responses('empty-zh');
    expect(blockText(zh)).toContain('这条消息没有可供提问的文字');
  });
});

describe('Record decision', () => {
  async function threadWithAnswer(request: string): Promise<{ root: string; answer: Record<string, unknown> }> {
    const root = fake.nextTs();
    await send(events, eventBody(mentionEvent(fake, `<@UBOT> ${request}`, root)), JSON_TYPE);
    const [answer] = await posted(1);
    return { root, answer };
  }

  it('uploads a MADR file into the thread, with the thread permalink, in the thread’s language', async () => {
    const { root, answer } = await threadWithAnswer('边缘计算，冷启动小于10毫秒，内存小于50MB');
    const value = buttonValue(answer, 'record_decision');
    const ts = String(
      (fake.callsTo('chat.postMessage')[0] as unknown as { args: { ts?: string } }).args.ts ?? fake.nextTs(),
    );
    await send(
      events,
      threadButtonBody('record_decision', value, fake.responseUrl('record'), { ts, thread_ts: root }),
      FORM,
    );
    const [completed] = await eventually(() => fake.callsTo('files.completeUploadExternal'));
    expect(completed.args).toMatchObject({ channel_id: 'C0DESIGN', thread_ts: root });
    expect(fake.callsTo('chat.getPermalink')[0].args).toMatchObject({ channel: 'C0DESIGN', message_ts: root });
    const [name] = fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename));
    expect(name).toMatch(/^采用-docker-wasmedge.*\.md$/);
    const doc = parseMadr(fileOf([...fake.uploads.values()].join('')));
    expect(doc.front).toMatchObject({ status: 'proposed', 'decision-makers': ['@presser'] });
    expect(String(doc.front.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.headings).toEqual(MADR_HEADINGS.zh);
    expect(doc.sections.get('背景与问题陈述')).toContain(`/archives/C0DESIGN/p${root.replace('.', '')}`);
    expect(doc.sections.get('背景与问题陈述')).toContain('冷启动小于10毫秒');
    expect(doc.sections.get('考虑过的方案')).toContain('I∘C∘S∘W');
    expect(doc.codeBlocks.join('\n')).toContain('docker build -t myapp:wasm .');
    expect(fake.responsesTo('record')).toEqual([]);
  });

  it('shows the record privately as a code block when the upload is refused', async () => {
    const { root, answer } = await threadWithAnswer('multi-tenant, PCI');
    fake.failNext('files.getUploadURLExternal', { error: 'not_in_channel' });
    await send(
      events,
      threadButtonBody('record_decision', buttonValue(answer, 'record_decision'), fake.responseUrl('refused'), {
        ts: fake.nextTs(),
        thread_ts: root,
      }),
      FORM,
    );
    const [shown] = await responses('refused');
    expect(shown.response_type).toBe('ephemeral');
    expect(messageProblems(shown)).toEqual([]);
    const text = blockText(shown);
    expect(text).toContain('could not be uploaded');
    expect(text).toMatch(/```[\s\S]*## Decision Drivers[\s\S]*```/);
  });

  it('says there is nothing to record in a thread without an answer', async () => {
    const root = fake.nextTs();
    fake.addMessage({ channel: 'C0DESIGN', ts: root, text: 'hello', user: 'U0ASKER' });
    await send(events, threadButtonBody('record_decision', '{"l":"en"}', fake.responseUrl('none'), { ts: root }), FORM);
    const [shown] = await responses('none');
    expect(blockText(shown)).toContain('no recommendation in this thread');
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });
});

describe('the requirements form', () => {
  const v = (value: unknown) => ({ value: { type: 'number_input', value } });
  const opened = () => eventually(() => fake.callsTo('views.open'));

  it('opens from the global shortcut, the Home tab button and /stack form, each before anything slow', async () => {
    fake.locales.set('U0ZHFORM', 'zh-CN');
    await send(events, globalShortcutBody('requirements_form', 'U0ZHFORM'), FORM);
    const [first] = await opened();
    const view = first.args.view as { callback_id: string; title: { text: string }; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('stack_requirements');
    expect(view.title.text).toBe('需求表单');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'latency',
      'cold_start',
      'memory',
      'compliance',
      'tenancy',
      'edge',
      'mesh',
      'isolation',
      'text',
      'conversation',
    ]);
    expect(JSON.stringify(view)).toContain('等保');
    expect(JSON.stringify(view)).toContain('PCI DSS');
    fake.reset();
    const home = threadButtonBody('open_requirements_form', '{"l":"en"}', fake.responseUrl('home'), { ts: '1' });
    await send(events, home, FORM);
    expect(((await opened())[0].args.view as { title: { text: string } }).title.text).toBe('Requirements');
    fake.reset();
    const res = await send(events, commandBody('form', fake.responseUrl('form')), FORM);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await opened())[0].args.trigger_id).toMatch(/^1337\./);
  });

  it('a valid submission builds the requirements directly and delivers the four steps privately', async () => {
    const values = {
      cold_start: v('10'),
      memory: v('50'),
      edge: { value: { type: 'checkboxes', selected_options: [{ value: 'edge' }] } },
      mesh: { value: { type: 'radio_buttons', selected_option: { value: 'any' } } },
      text: { value: { type: 'plain_text_input', value: 'OpenTelemetry tracing' } },
    };
    const answers = async () => {
      const text = await (await fetch(events.replace('/slack/events', '/metrics'))).text();
      return [...text.matchAll(/^stack_advisor_answers_total\{stack="[^"]+"\} (\d+)$/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
    };
    const before = await answers();
    const res = await send(events, viewSubmissionBody('stack_requirements', values, '{"l":"en"}'), FORM);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [answer] = await posted(1);
    expect(answer.channel).toBe('U0ASKER');
    // The form's recommendation is counted in the metrics like any other.
    expect(await answers()).toBe(before + 1);
    expect(messageProblems(answer)).toEqual([]);
    const text = blockText(answer);
    expect(text).toContain('Docker + WasmEdge');
    expect(text).toContain('Cold-start limit ≤ 10 ms');
    expect(text).toContain('OpenTelemetry');
    expect(text).not.toContain('from earlier in this thread');
    expect(answer.metadata).toMatchObject({
      event_payload: {
        constraints: [
          { quantity: 'cold_start', value: 10 },
          { quantity: 'memory', value: 50 },
        ],
      },
    });
  });

  it('sends the answer to the conversation picked in the form', async () => {
    const values = {
      tenancy: { value: { type: 'radio_buttons', selected_option: { value: 'multi' } } },
      compliance: {
        value: { type: 'multi_static_select', selected_options: [{ value: 'pci' }, { value: 'dengbao' }] },
      },
      conversation: { value: { type: 'conversations_select', selected_conversation: 'C0DESIGN' } },
    };
    await send(events, viewSubmissionBody('stack_requirements', values, '{"l":"zh"}'), FORM);
    const [answer] = await posted(1);
    expect(answer.channel).toBe('C0DESIGN');
    expect(blockText(answer)).toContain('Kata + Istio Ambient');
    expect(blockText(answer)).toContain('PCI DSS, 等保 (MLPS)');
  });

  it('answers invalid and forged values with inline errors per field, in the form’s language, and delivers nothing', async () => {
    const values = {
      latency: v('-5'),
      cold_start: v('ten'),
      memory: v('1e400'),
      tenancy: { value: { type: 'radio_buttons', selected_option: { value: 'everyone' } } },
      compliance: { value: { type: 'multi_static_select', selected_options: [{ value: '<!channel>' }] } },
      conversation: { value: { type: 'conversations_select', selected_conversation: 'not a channel' } },
    };
    const res = await send(events, viewSubmissionBody('stack_requirements', values, '{"l":"en"}'), FORM);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        latency: 'Enter zero or more.',
        cold_start: 'Enter a number, such as 20.',
        memory: 'Enter a number, such as 20.',
        tenancy: 'Pick one of the choices offered.',
        compliance: 'Pick one of the choices offered.',
        conversation: 'Pick one of the choices offered.',
      },
    });
    const zh = await send(events, viewSubmissionBody('stack_requirements', { latency: v('-1') }, '{"l":"zh"}'), FORM);
    expect(zh.json).toEqual({ response_action: 'errors', errors: { latency: '请输入零或正数。' } });
    const empty = await send(events, viewSubmissionBody('stack_requirements', {}, 'not json'), FORM);
    expect(empty.json).toEqual({ response_action: 'errors', errors: { latency: 'Fill in at least one requirement.' } });
    const nothing = await send(
      events,
      viewSubmissionBody(
        'stack_requirements',
        { text: { value: { type: 'plain_text_input', value: 'hello there' } } },
        '{"l":"en"}',
      ),
      FORM,
    );
    expect((nothing.json as { errors: Record<string, string> }).errors.text).toBeTruthy();
    const forged = await send(
      events,
      viewSubmissionBody('stack_requirements', { latency: 'x', memory: { value: 5 } } as never, '{"l":"en"}'),
      FORM,
    );
    expect(forged.status).toBe(200);
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: { latency: 'Fill in at least one requirement.' },
    });
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('feedback under answers', () => {
  it('logs each press with the normal form, the knowledge version and the language, no user text, and thanks privately', async () => {
    const root = fake.nextTs();
    await send(
      events,
      eventBody(mentionEvent(fake, '<@UBOT> secret-project-x edge, cold start < 10ms', root)),
      JSON_TYPE,
    );
    const [answer] = await posted(1);
    const block = (answer.blocks as { type: string; elements?: Record<string, unknown>[] }[]).find(
      (b) => b.type === 'context_actions',
    );
    const element = block?.elements?.[0] as { type: string; action_id: string; negative_button: { value: string } };
    expect(element).toMatchObject({ type: 'feedback_buttons', action_id: 'answer_feedback' });
    await send(
      events,
      threadButtonBody('answer_feedback', element.negative_button.value, fake.responseUrl('fb'), {
        ts: fake.nextTs(),
        thread_ts: root,
      }),
      FORM,
    );
    const [thanks] = await responses('fb');
    expect(thanks.response_type).toBe('ephemeral');
    expect(blockText(thanks)).toContain('Thank you for the feedback');
    const logged = logger.lines.map((l) => l.text).filter((t) => t.startsWith('Feedback:'));
    expect(logged).toEqual([`Feedback: negative on I∘C∘S∘W (knowledge ${advisor().version}, en)`]);
    const atInfo = logger.lines.filter((l) => l.level !== LogLevel.DEBUG).map((l) => l.text);
    expect(atInfo.join('\n')).not.toContain('secret-project-x');
  });
});
