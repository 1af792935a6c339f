import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger, webApi } from '@slack/bolt';

/** How often a failed Web API call is tried again, and the first pause between tries (doubled each time). */
export interface RetryPolicy {
  readonly retries: number;
  readonly backoffMs: number;
  /** Told of every retry (the metrics; failed calls are counted where the client fetches). */
  readonly observer?: ApiObserver;
}

/** What hears of Web API calls tried again. */
export interface ApiObserver {
  retried(method: string): void;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, backoffMs: 250 };

// A rate limit longer than this is not waited out: the answer would come too late to be useful.
const MAX_RATE_LIMIT_WAIT_S = 60;

// Connection errors that prove the request never reached Slack.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function neverSent(error: webApi.WebAPIRequestError): boolean {
  const cause = (error.original as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' && NOT_SENT.has(cause.code);
}

/**
 * True when a failed call may still have been carried out by Slack: it timed out, or the connection broke after the
 * request was sent. Repeating such a chat.postMessage, or apologising for it, would show the asker two messages.
 */
export function mayHaveHappened(error: unknown): boolean {
  return error instanceof webApi.WebAPIRequestError && !neverSent(error);
}

/**
 * Calls the Web API, trying again after a rate limit (waiting as long as Slack says), a server error (5xx) or a
 * connection that never reached Slack, and after a timeout only when the call is `idempotent`. The Web API client's
 * own retries are off (they would repeat a timed-out chat.postMessage), so this is the one retry policy.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  logger: Logger,
  method: string,
  options: { readonly idempotent: boolean },
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.retries) throw error;
      if (error instanceof webApi.WebAPIRateLimitedError && error.retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
        logger.info(`${method} failed due to rate limiting. Will retry in ${error.retryAfter} seconds.`);
        policy.observer?.retried(method);
        await sleep(error.retryAfter * 1000);
        continue;
      }
      const serverError = error instanceof webApi.WebAPIHTTPError && error.statusCode >= 500;
      const safeToRepeat = error instanceof webApi.WebAPIRequestError && (options.idempotent || neverSent(error));
      if (!serverError && !safeToRepeat) throw error;
      policy.observer?.retried(method);
      logger.warn(`${method} failed (${error instanceof Error ? error.message : String(error)}); trying again`);
      await sleep(policy.backoffMs * 2 ** attempt);
    }
  }
}
