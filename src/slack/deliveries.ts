import type { AnyMiddlewareArgs, Logger, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';

/**
 * Slack redelivers an event when it did not see our acknowledgement in time (HTTP: `x-slack-retry-num`; Socket Mode:
 * `retry_attempt` > 0), and the same message can arrive twice under different events (a mention in a DM is both a
 * message and an app_mention). Either must not produce a second reply. A retry of a delivery this process never saw
 * (the bot was down, or answered 5xx) is the only delivery there will be, so it is answered.
 */
export class SeenDeliveries {
  /** Each key, when it was last seen, and the number of that sighting (which `order` entry is its latest). */
  private readonly seen = new Map<string, { at: number; n: number }>();
  /**
   * The sightings, oldest first, from `head` on: the order keys are forgotten in. A key seen again gets a new entry;
   * its older ones are skipped. (A Map iterated from its start would do the same, but V8 walks over every key deleted
   * since the table was last rebuilt: thousands per request at this size.)
   */
  private order: { key: string; n: number }[] = [];
  private head = 0;
  private sightings = 0;
  /** How many checks found a key seen before (read by the metrics). */
  count = 0;

  /** `ttlMs`: how long a key is remembered (forever, within `capacity`, when not given). */
  constructor(
    private readonly capacity = 5000,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets the oldest keys while `drop` says so of the oldest. */
  private forget(drop: (at: number) => boolean): void {
    while (this.head < this.order.length) {
      const { key, n } = this.order[this.head];
      const latest = this.seen.get(key);
      if (latest !== undefined && latest.n === n) {
        if (!drop(latest.at)) break;
        this.seen.delete(key);
      }
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  /** Records the keys; true when any of them was seen before (within the time it is remembered). */
  check(keys: readonly string[]): boolean {
    const now = this.now();
    this.forget((at) => !(now - at <= this.ttlMs && this.seen.size <= this.capacity));
    const repeated = keys.some((k) => this.seen.has(k));
    if (repeated) this.count++;
    for (const key of keys) {
      const n = ++this.sightings;
      this.seen.set(key, { at: now, n });
      this.order.push({ key, n });
    }
    this.forget(() => this.seen.size > this.capacity);
    return repeated;
  }
}

/** How long a replayed command or button press is recognised: Slack's signatures are good for five minutes. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** The keys a delivery is known by: the event id, and the message it is about (channel and ts). */
function deliveryKeys(body: { event_id?: unknown }, event: { channel?: unknown; ts?: unknown }): string[] {
  const keys: string[] = [];
  if (typeof body.event_id === 'string') keys.push(`event:${body.event_id}`);
  if (typeof event.channel === 'string' && typeof event.ts === 'string')
    keys.push(`message:${event.channel}:${event.ts}`);
  return keys;
}

/** Listener middleware: events already seen are acknowledged (Bolt did) and go no further. */
export function onlyFirstDelivery(seen: SeenDeliveries): Middleware<SlackEventMiddlewareArgs & AnyMiddlewareArgs> {
  return async ({ body, event, context, logger, next }) => {
    const retryNum = typeof context.retryNum === 'number' ? context.retryNum : 0;
    const repeated = seen.check(deliveryKeys(body, event as { channel?: unknown; ts?: unknown }));
    if (repeated) {
      logger.debug(
        `Skipping a repeated delivery of ${event.type} (retry ${retryNum}, reason ${String(context.retryReason)})`,
      );
      return;
    }
    if (retryNum > 0) {
      logger.info(
        `Answering ${event.type} first seen as Slack's retry ${retryNum} (reason ${String(context.retryReason)})`,
      );
    }
    await next();
  };
}

/**
 * The key of one interaction: its trigger id, which Slack makes for every command and press (with the press's
 * action_ts). A replay carries the same body, so the same key. A body without one (no request Slack sends today) is
 * not recognised: two identical requests could then be two people's.
 */
function interactionKey(body: Record<string, unknown>): string | undefined {
  const actions = Array.isArray(body.actions) ? (body.actions as { action_ts?: unknown }[]) : [];
  const actionTs = typeof actions[0]?.action_ts === 'string' ? actions[0].action_ts : '';
  return typeof body.trigger_id === 'string' && body.trigger_id !== ''
    ? `trigger:${body.trigger_id}:${actionTs}`
    : undefined;
}

/** What a command's or an action's middleware is given, as far as this check reads it. */
interface InteractionArgs {
  readonly body: unknown;
  readonly ack: () => Promise<void>;
  readonly logger: Logger;
  readonly next: () => Promise<void>;
}

/**
 * Listener middleware: a command or button press replayed within five minutes (a captured request sent again) is
 * acknowledged with nothing and goes no further, so a replayed Share does not post again.
 */
export function onlyFirstInteraction(seen: SeenDeliveries): (args: InteractionArgs) => Promise<void> {
  return async (args) => {
    const key = interactionKey(args.body as Record<string, unknown>);
    if (key !== undefined && seen.check([key])) {
      args.logger.info('Ignoring a replayed command or button press (same trigger within five minutes)');
      await args.ack();
      return;
    }
    await args.next();
  };
}
