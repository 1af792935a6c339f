import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { compareAlternativesCallback } from '../../../src/slack/listeners/actions/compare-alternatives.js';
import { deployKitCallback } from '../../../src/slack/listeners/actions/deploy-kit.js';
import { explainOperatorsCallback } from '../../../src/slack/listeners/actions/explain-operators.js';
import { shareInChannelCallback } from '../../../src/slack/listeners/actions/share-in-channel.js';
import { messageProblems, visibleTexts } from '../../render/block-kit-limits.js';
import { asArgs, brokenAdvisor, fakeLogger, fakeServices } from '../fake-bolt.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

function press(value: string, threadTs?: string) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async () => ({}));
  const logger = fakeLogger();
  const args = asArgs<Args>({
    ack,
    respond,
    logger,
    action: { type: 'button', action_id: 'x', value },
    body: { user: { id: 'U0PRESSER' }, ...(threadTs ? { message: { thread_ts: threadTs } } : {}) },
  });
  const responded = () => respond.mock.calls.map((c) => (c as unknown as [Record<string, unknown>])[0]);
  return { ack, respond, logger, args, responded };
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
  it('is acknowledged and answered until the deploy-kit feature takes it over', async () => {
    const p = press('I∘C∘S∘W');
    await deployKitCallback(p.args);
    expect(p.ack).toHaveBeenCalled();
    expect(String(p.responded()[0].text)).toContain('coming soon');
  });
});
