import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { stackCommandCallback } from '../../../src/slack/listeners/commands/stack.js';
import { messageProblems, visibleTexts } from '../../render/block-kit-limits.js';
import { asArgs, brokenAdvisor, fakeLogger, fakeServices } from '../fake-bolt.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

function run(text: string, services = fakeServices()) {
  const ack = vi.fn(async () => {});
  const respond = vi.fn(async () => ({}));
  const logger = fakeLogger();
  const args = asArgs<Args>({ ack, respond, logger, command: { command: '/stack', text, user_id: 'U1' } });
  return { ack, respond, logger, done: stackCommandCallback(services)(args) };
}

describe('/stack', () => {
  it.each([
    ['edge computing, cold start < 10ms, memory < 50MB', 'Docker + WasmEdge'],
    ['V∘C∘M∘C', 'V∘C∘M'],
    ['', '/stack compare'],
    ['explain Kc', 'Kata'],
    ['compare V∘S∘C∘M | I∘C∘S∘Am', 'Best on each dimension'],
    ['强隔离+合规，多租户', 'Kata + Istio Ambient'],
  ])('acknowledges %j with the answer, privately', async (text, expected) => {
    const { ack, respond, done } = run(text);
    await done;
    expect(ack).toHaveBeenCalledTimes(1);
    const [message] = ack.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(message.response_type).toBe('ephemeral');
    expect(messageProblems(message)).toEqual([]);
    expect(visibleTexts(message).join('\n')).toContain(expected);
    expect(respond).not.toHaveBeenCalled();
  });

  it('reads Slack-escaped text as the user typed it', async () => {
    const { ack, done } = run('edge, cold start &lt; 10ms');
    await done;
    const [message] = ack.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(visibleTexts(message).join('\n')).toContain('cold start &lt; 10 ms');
    const values = [...JSON.stringify(message).matchAll(/"value":("(?:[^"\\]|\\.)*")/g)].map(
      (m) => JSON.parse(JSON.parse(m[1]) as string) as { r?: string },
    );
    expect(values.map((v) => v.r)).toContain('edge, cold start < 10ms');
  });

  it('answers a request it cannot use with the reason', async () => {
    const { ack, logger, done } = run('V∘Kc');
    await done;
    const [message] = ack.mock.calls[0] as unknown as [{ text: string }];
    expect(message.text).toMatch(/two heads/);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs a failure inside the listener and apologises in the acknowledgement', async () => {
    const { ack, logger, done } = run('edge', fakeServices(brokenAdvisor()));
    await done;
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('/stack failed'), expect.any(Error));
    expect(ack).toHaveBeenCalledTimes(1);
    const [message] = ack.mock.calls[0] as unknown as [{ text: string; response_type: string }];
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(/^Sorry/);
  });

  it('apologises through the response URL when the acknowledgement itself failed', async () => {
    const ack = vi.fn(async () => {
      throw new Error('socket closed');
    });
    const respond = vi.fn(async () => ({}));
    const logger = fakeLogger();
    await stackCommandCallback(fakeServices())(asArgs<Args>({ ack, respond, logger, command: { text: 'edge' } }));
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({ response_type: 'ephemeral', text: expect.stringMatching(/^Sorry/) }),
    );
  });
});
