import type { App, Logger, ReceiverEvent } from '@slack/bolt';

/** Listener work in progress (answers being posted, threads being read), so that a stop can wait for it. */
export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  get size(): number {
    return this.work.size;
  }

  /** Keeps `promise` counted until it settles. */
  track(promise: Promise<unknown>): void {
    const settled: Promise<unknown> = promise.then(
      () => this.work.delete(settled),
      () => this.work.delete(settled),
    );
    this.work.add(settled);
  }

  /** Resolves true when nothing is in progress, or false when `ms` passed first. */
  async drain(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.work.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([Promise.allSettled([...this.work]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}

/** A body Bolt cannot tell the type of (a JSON event sent as a form, a form with no payload): refused with 400. */
export class UnrecognisedRequestError extends Error {
  constructor() {
    super('The request is not one Slack sends (no type, command or payload could be read)');
    this.name = 'UnrecognisedRequestError';
  }
}

const KNOWN_SHAPE = ['type', 'command', 'event', 'actions', 'view'];

/**
 * Wraps the app's `processEvent`, which both receivers (HTTP and Socket Mode) call for every request:
 * - `app_rate_limited` (an Events API body with no event) is acknowledged with a warning: Slack disables an app's
 *   events when too few deliveries get a 200, and Bolt alone never acknowledges it;
 * - a body of no known shape is refused (`UnrecognisedRequestError`) instead of waiting 3 s for an ack;
 * - the work of every request is counted in `inFlight` until its listeners are done, for the graceful stop;
 * - a request that no listener acknowledged is acknowledged afterwards, so Slack never shows the user an error.
 */
export function guardProcessEvent(app: App, inFlight: InFlight, logger: Logger): void {
  const process = app.processEvent.bind(app);
  let lastRateLimitWarning = 0;
  app.processEvent = async (event: ReceiverEvent): Promise<void> => {
    const body = (typeof event.body === 'object' && event.body !== null ? event.body : {}) as Record<string, unknown>;
    if (body.type === 'app_rate_limited') {
      await event.ack();
      if (Date.now() - lastRateLimitWarning > 60_000) {
        lastRateLimitWarning = Date.now();
        logger.warn(
          `Slack is rate-limiting this app's events (app_rate_limited, minute ${String(body.minute_rate_limited)}): some events of that minute were not delivered`,
        );
      }
      return;
    }
    if (!KNOWN_SHAPE.some((k) => body[k] !== undefined)) throw new UnrecognisedRequestError();
    let acknowledged = false;
    const ack: ReceiverEvent['ack'] = async (response) => {
      acknowledged = true;
      await event.ack(response);
    };
    const work = process({ ...event, ack });
    inFlight.track(work);
    await work;
    if (!acknowledged) {
      await ack();
      logger.debug('Acknowledged a request that no listener handled');
    }
  };
}
