import autocannon from 'autocannon';
import { commandBody, FORM, signedHeaders } from '../test/e2e/slack-requests.js';

/**
 * Load on `POST /slack/events` with autocannon: `/stack` commands as Slack posts them (form-encoded), signed as Slack
 * signs them. Signatures are computed before the run with one timestamp, which Bolt accepts for five minutes; a run
 * lasts seconds, and every run signs afresh.
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

/** One autocannon run against 127.0.0.1:`port`. */
export async function load(
  port: number,
  texts: readonly string[],
  responseUrl: string,
  options: LoadOptions,
): Promise<LoadFigures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.seconds ?? 5 } : { amount: options.amount }),
    requests: signedCommands(texts, responseUrl).map((r): autocannon.Request => ({ ...r })),
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx + result.mismatches,
    ok: result['2xx'],
    seconds: result.duration,
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
