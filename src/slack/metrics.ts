import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics, on a registry of its own (several apps in one process, as in the tests, do not
 * collide). The per-request work is a counter increment and a histogram observation on label sets bound at start-up;
 * counts kept elsewhere (duplicate deliveries, the database pool) are read only when /metrics is scraped.
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

export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Record<RequestKind, Counter.Internal>;
  private readonly acks: Record<RequestKind, Histogram.Internal<'kind'>>;
  private readonly answers: Counter<'stack'>;
  private readonly apiErrors: Counter<'method' | 'error'>;
  private readonly retries: Counter<'method'>;
  private readonly knownStacks: ReadonlySet<string>;
  private readonly duplicates = new Map<string, Tally>();
  private pool: PoolCounts | undefined;

  /** `stacks`: the stack ids answers may be counted under (any other is counted as `other`). */
  constructor(stacks: readonly string[]) {
    this.knownStacks = new Set(stacks);
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
    const duplicates = this.duplicates;
    new Counter({
      name: 'stack_advisor_duplicate_deliveries_total',
      help: 'Deliveries skipped as already seen: Slack retries of events, replayed commands and button presses.',
      labelNames: ['kind'],
      registers,
      collect() {
        this.reset();
        for (const [kind, tally] of duplicates) this.inc({ kind }, tally.count);
      },
    });
    const metrics = this;
    new Gauge({
      name: 'stack_advisor_db_pool_connections',
      help: 'The PostgreSQL connection pool (distributed mode): total, idle, and requests waiting for a connection.',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = metrics.pool;
        if (pool === undefined) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  /** A request came in. */
  received(kind: RequestKind): void {
    this.requests[kind].inc();
  }

  /** A request was acknowledged; `startedAt` is the `performance.now()` of its arrival. */
  acknowledged(kind: RequestKind, startedAt: number): void {
    this.acks[kind].observe((performance.now() - startedAt) / 1000);
  }

  /** A recommendation of the stack `stackId` was given. */
  answered(stackId: string): void {
    this.answers.inc({ stack: this.knownStacks.has(stackId) ? stackId : 'other' });
  }

  /** A Web API call failed (every attempt is counted, retries included); `code` is Slack's error or the kind. */
  apiFailure(method: string, code: string): void {
    this.apiErrors.inc({
      method: METHOD.test(method) ? method : 'other',
      error: ERROR_CODE.test(code) ? code : 'other',
    });
  }

  /** A Web API call is being tried again. */
  retried(method: string): void {
    this.retries.inc({ method: METHOD.test(method) ? method : 'other' });
  }

  /** Reads `tally.count` as the duplicates of `kind` at each scrape. */
  countDuplicates(kind: string, tally: Tally): void {
    this.duplicates.set(kind, tally);
  }

  /** Reads the pool's counts at each scrape. */
  watchPool(pool: PoolCounts): void {
    this.pool = pool;
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
