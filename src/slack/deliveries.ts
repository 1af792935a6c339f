import type { AnyMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';

/**
 * Slack redelivers an event when it did not see our acknowledgement in time (HTTP: `x-slack-retry-num`; Socket Mode:
 * `retry_attempt` > 0), and the same message can arrive twice under different events (a mention in a DM is both a
 * message and an app_mention). Either must not produce a second reply.
 */
export class SeenDeliveries {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** Records the keys; true when any of them was seen before. */
  check(keys: readonly string[]): boolean {
    const repeated = keys.some((k) => this.seen.has(k));
    for (const key of keys) {
      this.seen.delete(key);
      this.seen.add(key);
    }
    // A Set iterates in insertion order, so the first keys are the oldest.
    for (const old of this.seen) {
      if (this.seen.size <= this.capacity) break;
      this.seen.delete(old);
    }
    return repeated;
  }
}

/** The keys a delivery is known by: the event id, and the message it is about (channel and ts). */
function deliveryKeys(body: { event_id?: unknown }, event: { channel?: unknown; ts?: unknown }): string[] {
  const keys: string[] = [];
  if (typeof body.event_id === 'string') keys.push(`event:${body.event_id}`);
  if (typeof event.channel === 'string' && typeof event.ts === 'string')
    keys.push(`message:${event.channel}:${event.ts}`);
  return keys;
}

/** Listener middleware: events that are retries, or already seen, are acknowledged (Bolt did) and go no further. */
export function onlyFirstDelivery(seen: SeenDeliveries): Middleware<SlackEventMiddlewareArgs & AnyMiddlewareArgs> {
  return async ({ body, event, context, logger, next }) => {
    const retryNum = typeof context.retryNum === 'number' ? context.retryNum : 0;
    const repeated = seen.check(deliveryKeys(body, event as { channel?: unknown; ts?: unknown }));
    if (retryNum > 0 || repeated) {
      logger.debug(
        `Skipping a repeated delivery of ${event.type} (retry ${retryNum}, reason ${String(context.retryReason)})`,
      );
      return;
    }
    await next();
  };
}
