import autocannon from 'autocannon';
import { commandBody, FORM, signedHeaders } from '../test/e2e/slack-requests.js';

/**
 * Load on `POST /slack/events` with autocannon: `/stack` commands as Slack posts them (form-encoded), signed as Slack
 * signs them. Every request is a command of its own (its own trigger id: the bot acknowledges a replayed one without
 * answering it), and the connections share one sequence through the texts: a run of at most `texts.length` requests
 * sends each text once. Signatures are computed before the run with one timestamp, which Bolt accepts for five
 * minutes; a run lasts seconds, and every run signs afresh.
 */

export const EVENTS_PATH = '/slack/events';

export interface LoadFigures {
  readonly requestsPerSecond: number;
  /** Milliseconds (autocannon's resolution is 1 ms). */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Connection errors, timeouts and non-2xx answers. */
  readonly errors: number;
  readonly ok: number;
  readonly seconds: number;
}

interface SignedCommand {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The requests autocannon cycles through on every connection, signed now. */
export function signedCommands(texts: readonly string[], responseUrl: string): SignedCommand[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return texts.map((text) => {
    const body = commandBody(text, responseUrl);
    return { method: 'POST', path: EVENTS_PATH, headers: signedHeaders(body, FORM, { timestamp }), body };
  });
}

export interface LoadOptions {
  readonly connections: number;
  /** Run for this long… */
  readonly seconds?: number;
  /** …or until this many requests have been answered. */
  readonly amount?: number;
}

/** One autocannon run against 127.0.0.1:`port`: `amount` requests (or `seconds` long), texts in turn. */
export async function load(
  port: number,
  texts: readonly string[],
  responseUrl: string,
  options: LoadOptions,
): Promise<LoadFigures> {
  // One body per request (plus one per connection, which autocannon builds ahead): new trigger ids, no replays.
  const count = (options.amount ?? 200_000) + options.connections + 1;
  const pool = signedCommands(texts, responseUrl);
  const timestamp = Math.floor(Date.now() / 1000);
  let next = 0;
  const body = (i: number) => {
    // Past the pool: the same texts again, as new commands (amount > texts, for the memory batches).
    if (i < pool.length) return pool[i];
    const fresh = commandBody(texts[i % texts.length], responseUrl);
    return {
      method: 'POST' as const,
      path: EVENTS_PATH,
      headers: signedHeaders(fresh, FORM, { timestamp }),
      body: fresh,
    };
  };
  const started = performance.now();
  let last = started;
  let done: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${port}`,
      connections: options.connections,
      ...(options.amount === undefined ? { duration: options.seconds ?? 5 } : { amount: options.amount }),
      requests: [
        {
          method: 'POST',
          path: EVENTS_PATH,
          setupRequest: (request) => {
            if (next >= count) next = 0;
            const { headers, body: payload } = body(next++);
            return { ...request, headers, body: payload };
          },
        },
      ],
      timeout: 10,
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  instance.on('response', () => {
    last = performance.now();
  });
  const result = await finished;
  // From the start to the last answer: autocannon's own duration is in whole seconds, and a run of `amount` requests
  // ends on its next one-second tick, both too coarse for runs of a second or two.
  const seconds = (last - started) / 1000;
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx + result.mismatches,
    ok: result['2xx'],
    seconds,
  };
}

export interface Checked {
  /** Average size of an answer body, in bytes. */
  readonly averageBytes: number;
}

/** Sends each request once and checks the answer: the benchmark must measure answers, not rejections. */
export async function checkAnswers(
  port: number,
  texts: readonly string[],
  responseUrl: string,
  expectBlocks: boolean,
): Promise<Checked> {
  let bytes = 0;
  for (const request of signedCommands(texts, responseUrl)) {
    const res = await fetch(`http://127.0.0.1:${port}${EVENTS_PATH}`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    const text = await res.text();
    bytes += Buffer.byteLength(text);
    const answered = res.status === 200 && (expectBlocks ? text.includes('"blocks"') : true);
    if (!answered) throw new Error(`port ${port}: ${res.status} ${text.slice(0, 200)}`);
  }
  return { averageBytes: bytes / texts.length };
}
