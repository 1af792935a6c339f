import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenDeliveries } from '../../src/slack/deliveries.js';

/** The Map-only SeenDeliveries the queue replaced (it walked the Map's deleted slots on every check): the reference. */
class MapOnly {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}
  check(keys: readonly string[]): boolean {
    const now = this.now();
    for (const [old, at] of this.seen) {
      if (now - at <= this.ttlMs && this.seen.size <= this.capacity) break;
      this.seen.delete(old);
    }
    const repeated = keys.some((k) => this.seen.has(k));
    for (const key of keys) {
      this.seen.delete(key);
      this.seen.set(key, now);
    }
    for (const old of this.seen.keys()) {
      if (this.seen.size <= this.capacity) break;
      this.seen.delete(old);
    }
    return repeated;
  }
}

describe('SeenDeliveries', () => {
  it('answers every check as the Map-only version did (keys, capacity, time to live, keys seen again)', () => {
    const step = fc.record({
      keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 3 }),
      advance: fc.constantFrom(0, 0, 1, 5, 20),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(10, 30, Number.POSITIVE_INFINITY),
        fc.array(step, { maxLength: 300 }),
        (capacity, ttl, steps) => {
          let t = 0;
          const clock = () => t;
          const fast = new SeenDeliveries(capacity, ttl, clock);
          const reference = new MapOnly(capacity, ttl, clock);
          for (const s of steps) {
            t += s.advance;
            expect(fast.check(s.keys)).toBe(reference.check(s.keys));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps its memory bounded over many checks', () => {
    const seen = new SeenDeliveries(100);
    for (let i = 0; i < 50_000; i++) seen.check([`k${i}`, `k${i % 7}`]);
    expect(seen.check(['k49999'])).toBe(true);
    expect(seen.check(['k0'])).toBe(true);
    expect(seen.check(['k100'])).toBe(false);
    const inside = seen as unknown as { order: unknown[]; head: number };
    expect(inside.order.length - inside.head).toBeLessThan(5_000);
  });
});
