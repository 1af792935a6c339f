import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/slack/in-flight.js';
import { freshTimestamp, loggablePath, normalisedContentType } from '../../src/slack/receiver.js';

describe('InFlight: what a graceful stop waits for', () => {
  it('drains at once when nothing is in progress', async () => {
    expect(await new InFlight().drain(10)).toBe(true);
  });

  it('waits for work to finish, whether it succeeds or fails', async () => {
    const work = new InFlight();
    work.track(new Promise((r) => setTimeout(r, 50)));
    work.track(new Promise((_, reject) => setTimeout(() => reject(new Error('x')), 30)).catch(() => undefined));
    expect(work.size).toBe(2);
    expect(await work.drain(2_000)).toBe(true);
    expect(work.size).toBe(0);
  });

  it('gives up at the deadline on work that never finishes, and says so', async () => {
    const work = new InFlight();
    work.track(new Promise(() => {}));
    const started = Date.now();
    expect(await work.drain(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(work.size).toBe(1);
  });
});

describe('the HTTP receiver guards', () => {
  it('normalises the content types proxies rewrite', () => {
    expect(normalisedContentType('application/x-www-form-urlencoded; charset=utf-8')).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(normalisedContentType('Application/JSON; charset=UTF-8')).toBe('application/json');
    expect(normalisedContentType('text/plain')).toBe('text/plain');
    expect(normalisedContentType(undefined)).toBeUndefined();
  });

  it('D7: accepts timestamps within five minutes either way, and nothing else', () => {
    const now = 1_764_000_000;
    expect(freshTimestamp(String(now - 299), now)).toBe(true);
    expect(freshTimestamp(String(now + 299), now)).toBe(true);
    for (const bad of [String(now + 301), String(now - 301), 'Infinity', '0x6920', `${now}.0`, '', 'abc']) {
      expect(freshTimestamp(bad, now)).toBe(false);
    }
  });

  it('D8: keeps a logged path short and printable', () => {
    expect(loggablePath(`/${'y'.repeat(8000)}?q=1`).length).toBeLessThan(120);
    expect(loggablePath('/a\u001b[31mb')).toBe('/a?[31mb');
  });
});
