import { webApi } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { mayHaveHappened, withRetries } from '../../src/slack/web-api-retry.js';
import { fakeLogger } from './fake-bolt.js';

const policy = { retries: 2, backoffMs: 1 };
const timeout = () =>
  new webApi.WebAPIRequestError(
    Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
  );
const refused = () => new webApi.WebAPIRequestError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));

/** A call failing with `errors` in turn, then answering. */
function flaky(...errors: Error[]) {
  return vi.fn(async () => {
    const next = errors.shift();
    if (next !== undefined) throw next;
    return 'ok';
  });
}

describe('withRetries', () => {
  it.each([
    ['a rate limit, after waiting', () => new webApi.WebAPIRateLimitedError(0)],
    ['a server error', () => new webApi.WebAPIHTTPError(503, 'Service Unavailable', {})],
    ['a connection Slack never got', refused],
  ])('tries again after %s', async (_, error) => {
    const call = flaky(error());
    await expect(withRetries(policy, fakeLogger(), 'chat.postMessage', { idempotent: false }, call)).resolves.toBe(
      'ok',
    );
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a timed-out post, which Slack may have made', async () => {
    const call = flaky(timeout());
    await expect(withRetries(policy, fakeLogger(), 'chat.postMessage', { idempotent: false }, call)).rejects.toThrow();
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('repeats a timed-out read', async () => {
    const call = flaky(timeout());
    await expect(withRetries(policy, fakeLogger(), 'conversations.replies', { idempotent: true }, call)).resolves.toBe(
      'ok',
    );
  });

  it('does not repeat what Slack refused', async () => {
    const call = flaky(new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' }));
    await expect(withRetries(policy, fakeLogger(), 'chat.postMessage', { idempotent: true }, call)).rejects.toThrow();
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('gives up after the policy’s retries', async () => {
    const call = flaky(...Array.from({ length: 5 }, () => new webApi.WebAPIHTTPError(500, 'err', {})));
    await expect(withRetries(policy, fakeLogger(), 'views.publish', { idempotent: true }, call)).rejects.toThrow();
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('tells an ambiguous failure from a definite one', () => {
    expect(mayHaveHappened(timeout())).toBe(true);
    expect(mayHaveHappened(refused())).toBe(false);
    expect(mayHaveHappened(new webApi.WebAPIHTTPError(500, 'err', {}))).toBe(false);
    expect(mayHaveHappened(new Error('advisor bug'))).toBe(false);
  });
});

describe('withRetries tells its observer (the metrics)', () => {
  it('of each retry, by method', async () => {
    const seen: string[] = [];
    const observer = { retried: (method: string) => seen.push(method) };
    const call = flaky(new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}), timeout());
    await expect(
      withRetries({ ...policy, observer }, fakeLogger(), 'chat.postMessage', { idempotent: false }, call),
    ).rejects.toThrow();
    expect(seen).toEqual(['chat.postMessage']);
  });
});
