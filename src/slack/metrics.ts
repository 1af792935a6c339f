import type { Counter, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics, on a registry of its own (several apps in one process, as in the tests, do not
 * collide). The per-request work is a counter increment and a histogram observation on label sets bound at start-up;
 * counts kept elsewhere (duplicate deliveries, the database pool) are read only when /metrics is scraped.
 *
 * prom-client (~17 ms to import) is not loaded at start-up: until it is (`load`: on the first scrape, or
 * `loadSoon` after the app has started), what is counted waits in a queue and is replayed into it in order, so that
 * no count and no observation is lost and /metrics shows exactly what it would have shown.
 */

/** What Slack sent, as far as metrics tell requests apart. */
export const REQUEST_KINDS = ['command', 'event', 'action', 'view', 'shortcut', 'options', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The kind of a request body (HTTP or Socket Mode, the same bodies). */
export function requestKind(body: Readonly<Record<string, unknown>>): RequestKind {
  if (body.command !== undefined) return 'command';
  switch (body.type) {
    case 'event_callback':
      return 'event';
    case 'block_actions':
    case 'interactive_message':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    case 'block_suggestion':
    case 'dialog_suggestion':
      return 'options';
    default:
      return body.event !== undefined ? 'event' : 'other';
  }
}

// Slack's error codes are short snake_case words; anything else (a proxy's page, a message) is one label value.
const ERROR_CODE = /^[a-z0-9_]{1,64}$/;
const METHOD = /^[a-zA-Z.]{1,64}$/;

/** A connection pool as far as its gauges read it (pg.Pool). */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** Something counted elsewhere, read at scrape time. */
interface Tally {
  readonly count: number;
}

/** The prom-client side: the registry and the metrics bound to it. */
class Exposition {
  readonly registry: Registry;
  readonly requests: Record<RequestKind, Counter.Internal>;
  readonly acks: Record<RequestKind, Histogram.Internal<'kind'>>;
  readonly answers: Counter<'stack'>;
  readonly apiErrors: Counter<'method' | 'error'>;
  readonly retries: Counter<'method'>;

  constructor(prom: typeof import('prom-client'), counted: Metrics) {
    const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = prom;
    this.registry = new Registry();
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const requests = new Counter({
      name: 'stack_advisor_requests_total',
      help: 'Requests from Slack (commands, events, actions, views, shortcuts, options), by kind.',
      labelNames: ['kind'],
      registers,
    });
    const acks = new Histogram({
      name: 'stack_advisor_ack_seconds',
      help: 'Time from a request reaching the app to its acknowledgement, by kind (Slack waits 3 s).',
      labelNames: ['kind'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    // Every kind is shown from the start, at 0, so that a rate over the first request is not lost.
    for (const kind of REQUEST_KINDS) {
      requests.inc({ kind }, 0);
      acks.zero({ kind });
    }
    this.requests = Object.fromEntries(REQUEST_KINDS.map((k) => [k, requests.labels(k)])) as Record<
      RequestKind,
      Counter.Internal
    >;
    this.acks = Object.fromEntries(REQUEST_KINDS.map((k) => [k, acks.labels(k)])) as Record<
      RequestKind,
      Histogram.Internal<'kind'>
    >;
    this.answers = new Counter({
      name: 'stack_advisor_answers_total',
      help: 'Recommendations given, by the stack recommended (the knowledge base ids).',
      labelNames: ['stack'],
      registers,
    });
    this.apiErrors = new Counter({
      name: 'stack_advisor_slack_api_errors_total',
      help: 'Failed Slack Web API calls, by method and error code.',
      labelNames: ['method', 'error'],
      registers,
    });
    this.retries = new Counter({
      name: 'stack_advisor_slack_api_retries_total',
      help: 'Slack Web API calls tried again (rate limit, server error, connection), by method.',
      labelNames: ['method'],
      registers,
    });
    new Counter({
      name: 'stack_advisor_duplicate_deliveries_total',
      help: 'Deliveries skipped as already seen: Slack retries of events, replayed commands and button presses.',
      labelNames: ['kind'],
      registers,
      collect() {
        this.reset();
        for (const [kind, tally] of counted.duplicates) this.inc({ kind }, tally.count);
      },
    });
    new Gauge({
      name: 'stack_advisor_db_pool_connections',
      help: 'The PostgreSQL connection pool (distributed mode): total, idle, and requests waiting for a connection.',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = counted.pool;
        if (pool === undefined) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}

// A delay after the start before prom-client is loaded, so that its import does not hold up the first requests.
const LOAD_AFTER_START_MS = 2_000;
// What may wait for prom-client: a few seconds of traffic are a few thousand counts.
const MAX_PENDING = 100_000;

export class Metrics {
  private readonly knownStacks: ReadonlySet<string>;
  /** @internal read by the exposition at each scrape */
  readonly duplicates = new Map<string, Tally>();
  /** @internal read by the exposition at each scrape */
  pool: PoolCounts | undefined;
  private exposition: Exposition | undefined;
  private loading: Promise<Exposition> | undefined;
  /** What was counted before prom-client was loaded, in order. */
  private pending: ((e: Exposition) => void)[] = [];

  /** `stacks`: the stack ids answers may be counted under (any other is counted as `other`). */
  constructor(stacks: readonly string[]) {
    this.knownStacks = new Set(stacks);
  }

  private count(step: (e: Exposition) => void): void {
    if (this.exposition !== undefined) step(this.exposition);
    else this.wait(step);
  }

  /** Keeps a count for prom-client; bounded, so that a prom-client that never loads cannot take the memory. */
  private wait(step: (e: Exposition) => void): void {
    if (this.pending.length < MAX_PENDING) this.pending.push(step);
  }

  /** Loads prom-client (once) and replays what was counted before. */
  load(): Promise<Exposition> {
    this.loading ??= import('prom-client').then((prom) => {
      const exposition = new Exposition(prom, this);
      for (const step of this.pending) step(exposition);
      this.pending = [];
      this.exposition = exposition;
      return exposition;
    });
    // A load that failed is tried again by the next call (a scrape answers 500 meanwhile).
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Loads prom-client a little after the start (unless a scrape has), so that the queue stays short. */
  loadSoon(delayMs = LOAD_AFTER_START_MS): void {
    if (this.loading !== undefined) return;
    // A failed load must not stop the bot: the next scrape tries again.
    setTimeout(() => this.load().catch(() => undefined), delayMs).unref();
  }

  /** A request came in. */
  received(kind: RequestKind): void {
    if (this.exposition !== undefined) this.exposition.requests[kind].inc();
    else this.wait((e) => e.requests[kind].inc());
  }

  /** A request was acknowledged; `startedAt` is the `performance.now()` of its arrival. */
  acknowledged(kind: RequestKind, startedAt: number): void {
    const seconds = (performance.now() - startedAt) / 1000;
    if (this.exposition !== undefined) this.exposition.acks[kind].observe(seconds);
    else this.wait((e) => e.acks[kind].observe(seconds));
  }

  /** A recommendation of the stack `stackId` was given. */
  answered(stackId: string): void {
    const stack = this.knownStacks.has(stackId) ? stackId : 'other';
    this.count((e) => e.answers.inc({ stack }));
  }

  /** A Web API call failed (every attempt is counted, retries included); `code` is Slack's error or the kind. */
  apiFailure(method: string, code: string): void {
    const labels = { method: METHOD.test(method) ? method : 'other', error: ERROR_CODE.test(code) ? code : 'other' };
    this.count((e) => e.apiErrors.inc(labels));
  }

  /** A Web API call is being tried again. */
  retried(method: string): void {
    const labels = { method: METHOD.test(method) ? method : 'other' };
    this.count((e) => e.retries.inc(labels));
  }

  /** Reads `tally.count` as the duplicates of `kind` at each scrape. */
  countDuplicates(kind: string, tally: Tally): void {
    this.duplicates.set(kind, tally);
  }

  /** Reads the pool's counts at each scrape. */
  watchPool(pool: PoolCounts): void {
    this.pool = pool;
  }

  /** The Prometheus text exposition, and its content type. */
  async exposed(): Promise<{ text: string; contentType: string }> {
    const { registry } = await this.load();
    return { text: await registry.metrics(), contentType: registry.contentType };
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    return (await this.exposed()).text;
  }
}
