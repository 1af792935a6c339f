import { describe, expect, it, vi } from 'vitest';
import { userLanguages } from '../../src/slack/locale.js';
import { fakeLogger } from './fake-bolt.js';

function client(locales: Record<string, string | undefined>) {
  const info = vi.fn(async ({ user }: { user: string; include_locale: boolean }) => ({
    user: { locale: locales[user] },
  }));
  return { users: { info }, info };
}

describe("the Slack user's language", () => {
  it('reads the locale with include_locale, and remembers it for a while', async () => {
    let now = 0;
    const lookup = userLanguages({ ttlMs: 1000, timeoutMs: 100, maxUsers: 10, now: () => now });
    const c = client({ U1: 'zh-CN', U2: 'en-GB', U3: 'fr-FR' });
    expect(await lookup(c, 'U1', fakeLogger())).toBe('zh');
    expect(await lookup(c, 'U2', fakeLogger())).toBe('en');
    expect(await lookup(c, 'U3', fakeLogger())).toBeUndefined();
    expect(c.info).toHaveBeenCalledWith({ user: 'U1', include_locale: true });
    await lookup(c, 'U1', fakeLogger());
    expect(c.info).toHaveBeenCalledTimes(3);
    now = 2000;
    await lookup(c, 'U1', fakeLogger());
    expect(c.info).toHaveBeenCalledTimes(4);
  });

  it('forgets the oldest user beyond its size', async () => {
    const lookup = userLanguages({ ttlMs: 60_000, timeoutMs: 100, maxUsers: 2 });
    const c = client({ A: 'zh', B: 'zh', C: 'zh' });
    for (const u of ['A', 'B', 'C', 'A']) await lookup(c, u, fakeLogger());
    expect(c.info).toHaveBeenCalledTimes(4);
  });

  it('answers undefined, with a warning, when the lookup fails or is slow; never throws', async () => {
    const lookup = userLanguages({ ttlMs: 60_000, timeoutMs: 20, maxUsers: 10 });
    const logger = fakeLogger();
    const failing = { users: { info: async () => Promise.reject(new Error('ratelimited')) } };
    expect(await lookup(failing, 'U1', logger)).toBeUndefined();
    const hanging = { users: { info: () => new Promise<never>(() => {}) } };
    const started = Date.now();
    expect(await lookup(hanging, 'U2', logger)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(await lookup(hanging, undefined, logger)).toBeUndefined();
  });
});
