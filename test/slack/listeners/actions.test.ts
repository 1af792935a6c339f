import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { compareAlternativesCallback } from '../../../src/slack/listeners/actions/compare-alternatives.js';
import { deployKitCallback } from '../../../src/slack/listeners/actions/deploy-kit.js';
import { explainOperatorsCallback } from '../../../src/slack/listeners/actions/explain-operators.js';
import { shareInChannelCallback } from '../../../src/slack/listeners/actions/share-in-channel.js';
import { englishLeaks } from '../../kit/prose.js';
import { messageProblems, visibleTexts } from '../../render/block-kit-limits.js';
import { asArgs, brokenAdvisor, fakeLogger, fakeServices } from '../fake-bolt.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

function press(value: string, threadTs?: string, options: { posted?: boolean; upload?: () => Promise<unknown> } = {}) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async () => ({}));
  const logger = fakeLogger();
  const uploadV2 = vi.fn(options.upload ?? (async () => ({ ok: true })));
  const message = threadTs ? { message: { ts: '1700000000.000300', thread_ts: threadTs } } : {};
  const args = asArgs<Args>({
    ack,
    respond,
    logger,
    client: { files: { uploadV2 } },
    action: { type: 'button', action_id: 'x', value },
    body: {
      user: { id: 'U0PRESSER' },
      channel: { id: 'C0DESIGN' },
      container: { type: 'message', is_ephemeral: options.posted !== true },
      ...message,
    },
  });
  const responded = () => respond.mock.calls.map((c) => (c as unknown as [Record<string, unknown>])[0]);
  return { ack, respond, logger, args, responded, uploadV2 };
}

describe('Share in channel', () => {
  it('acks, then posts the answer in the channel with its metadata', async () => {
    const p = press('edge computing, cold start < 10ms');
    await shareInChannelCallback(fakeServices())(p.args);
    expect(p.ack).toHaveBeenCalledTimes(1);
    const [shared] = p.responded();
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared.metadata).toMatchObject({ event_type: 'stack_advisor_answer' });
    expect(messageProblems(shared)).toEqual([]);
    expect(visibleTexts(shared).join('\n')).toContain('<@U0PRESSER>');
  });

  it('keeps a refusal private', async () => {
    const p = press('V∘Kc');
    await shareInChannelCallback(fakeServices())(p.args);
    expect(p.responded()[0]).toMatchObject({ response_type: 'ephemeral' });
  });

  it('apologises privately when it fails', async () => {
    const p = press('edge');
    await shareInChannelCallback(fakeServices(brokenAdvisor()))(p.args);
    expect(p.logger.error).toHaveBeenCalled();
    expect(p.responded()[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Sorry/) });
  });
});

describe('Compare alternatives', () => {
  it('compares the forms on the button, privately, in the thread', async () => {
    const p = press('I∘C∘S∘W | I∘C∘S∘Am | V∘S∘C∘M', '42.1');
    await compareAlternativesCallback(fakeServices())(p.args);
    const [message] = p.responded();
    expect(message).toMatchObject({ response_type: 'ephemeral', replace_original: false, thread_ts: '42.1' });
    expect(visibleTexts(message).join('\n')).toContain('Comparison of 3');
  });
});

describe('Explain operators', () => {
  it('explains each operator of the form', async () => {
    const p = press('V∘S∘C∘M');
    await explainOperatorsCallback(fakeServices())(p.args);
    const shown = visibleTexts(p.responded()[0]).join('\n');
    for (const name of ['Virtualization', 'Sandbox', 'Containerization', 'Service mesh']) expect(shown).toContain(name);
  });

  it('says so when there is nothing to explain', async () => {
    const p = press('∅');
    await explainOperatorsCallback(fakeServices())(p.args);
    expect(String(p.responded()[0].text)).toContain('no operators');
  });
});

describe('Deploy kit', () => {
  it('shows the kit privately, inline, under a private answer (an upload would make it public)', async () => {
    const p = press('I∘C∘S∘W', '1700000000.000001');
    await deployKitCallback(fakeServices())(p.args);
    expect(p.ack).toHaveBeenCalledTimes(1);
    expect(p.uploadV2).not.toHaveBeenCalled();
    const [shown] = p.responded();
    expect(shown).toMatchObject({ response_type: 'ephemeral', thread_ts: '1700000000.000001' });
    const text = visibleTexts(shown).join('\n');
    for (const file of ['wasmedge-runtimeclass.yaml', 'deployment.yaml', 'custom.json']) expect(text).toContain(file);
    expect(text).toContain('docker build -t myapp:wasm .');
    expect(text).toContain('stack-advisor kit edge --out');
    expect(messageProblems(shown)).toEqual([]);
  });

  it('uploads the files to the thread of a posted answer, with the commands as the comment', async () => {
    const p = press('V∘S∘C∘M', '1700000000.000001', { posted: true });
    await deployKitCallback(fakeServices())(p.args);
    expect(p.uploadV2).toHaveBeenCalledTimes(1);
    const [upload] = p.uploadV2.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(upload).toMatchObject({ channel_id: 'C0DESIGN', thread_ts: '1700000000.000001' });
    const names = (upload.file_uploads as { filename: string }[]).map((f) => f.filename);
    expect(names).toEqual([
      'README.md',
      'kata-runtimeclass.yaml',
      'namespace.yaml',
      'seccomp-installer.yaml',
      'deployment-with-seccomp.yaml',
      'mesh-policy.yaml',
      'custom.json',
    ]);
    expect(String(upload.initial_comment)).toContain('1. kubectl apply -f kata-runtimeclass.yaml');
    expect(p.respond).not.toHaveBeenCalled();
  });

  it('shows the kit inline when the upload is refused, and logs why', async () => {
    const refused = async () => {
      throw new Error('An API error occurred: not_in_channel');
    };
    const p = press('I∘C∘S∘Am', '1700000000.000001', { posted: true, upload: refused });
    await deployKitCallback(fakeServices())(p.args);
    expect(p.logger.warn).toHaveBeenCalled();
    const text = visibleTexts(p.responded()[0]).join('\n');
    expect(text).toContain('could not be uploaded');
    expect(text).toContain('istioctl install --set profile=ambient');
  });

  it('uploads a Chinese README under a Chinese answer, the other files as in English', async () => {
    const zh = press(JSON.stringify({ l: 'zh', r: 'V∘S∘C∘M' }), '1700000000.000001', { posted: true });
    const en = press(JSON.stringify({ l: 'en', r: 'V∘S∘C∘M' }), '1700000000.000001', { posted: true });
    await deployKitCallback(fakeServices())(zh.args);
    await deployKitCallback(fakeServices())(en.args);
    const files = (p: typeof zh) =>
      (
        p.uploadV2.mock.calls[0] as unknown as [{ file_uploads: { filename: string; file: Buffer }[] }]
      )[0].file_uploads.map((f) => ({ path: f.filename, content: f.file.toString('utf8') }));
    const [zhReadme, ...zhOthers] = files(zh);
    const [enReadme, ...enOthers] = files(en);
    expect(zhReadme.path).toBe('README.md');
    expect(zhReadme.content).toMatch(/^# 部署套件：/);
    expect(englishLeaks(zhReadme.content)).toEqual([]);
    expect(enReadme.content).toMatch(/^# Deploy kit: /);
    expect(zhOthers).toEqual(enOthers);
  });

  it('answers a form without a stack with the closest stack, not an error', async () => {
    const p = press('V∘C∘S');
    await deployKitCallback(fakeServices())(p.args);
    expect(String(p.responded()[0].text)).toMatch(/closest stack is kata-seccomp/);
  });
});
