import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  ErrorCode,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Logger,
  SocketModeReceiver,
  type SocketModeReceiverOptions,
  type webApi,
} from '@slack/bolt';
import { UnrecognisedRequestError } from './in-flight.js';

// Slack's rule: a request whose timestamp is more than five minutes from now, either way, is refused.
const MAX_CLOCK_SKEW_S = 5 * 60;
// What a log line keeps of a path an unauthenticated client chose.
const LOGGED_PATH_CHARS = 80;
// Unauthenticated requests are counted, and said once a minute: anyone can send them, the log must not grow with them.
const REFUSALS_LOGGED_EVERY_MS = 60_000;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** The media type alone, lower-case: proxies add `; charset=utf-8` or change the case, which Bolt compares exactly. */
export function normalisedContentType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const type = header.split(';')[0].trim().toLowerCase();
  return type === FORM || type === JSON_TYPE ? type : header;
}

/** True when the header is a whole number of seconds within five minutes of `nowS` (Bolt checks only the past). */
export function freshTimestamp(header: string | string[] | undefined, nowS = Date.now() / 1000): boolean {
  if (typeof header !== 'string' || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(nowS - Number(header)) <= MAX_CLOCK_SKEW_S;
}

/** A short, printable form of a path someone else chose, for a log line. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0].replace(/[^\x21-\x7e]/g, '?');
  return path.length > LOGGED_PATH_CHARS ? `${path.slice(0, LOGGED_PATH_CHARS)}… (${path.length} characters)` : path;
}

/** Logs refused requests at most once a minute, with how many there were. */
class RefusalLog {
  private count = 0;
  private last = 0;

  constructor(private readonly logger: Logger) {}

  refused(why: string): void {
    this.count++;
    this.logger.debug(`Refused a request to the Slack endpoint: ${why}`);
    const now = Date.now();
    if (now - this.last < REFUSALS_LOGGED_EVERY_MS) return;
    this.logger.warn(
      `Refused ${this.count} unsigned or malformed request(s) to the Slack endpoint (one such line a minute at most); the latest: ${why}`,
    );
    this.count = 0;
    this.last = now;
  }
}

/** The receiver's logger: Bolt's warning for every unsigned request goes through the once-a-minute count instead. */
function quietLogger(logger: Logger, refusals: RefusalLog): Logger {
  return new Proxy(logger, {
    get(target, key, receiver) {
      if (key === 'warn') {
        return (...msg: unknown[]) => {
          const text = msg.map(String).join(' ');
          if (text.startsWith('Failed to parse and verify')) refusals.refused(text.slice(0, 200));
          else target.warn(...msg);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * Bolt's HTTP receiver with what it leaves out: requests dated more than five minutes in the future are refused like
 * stale ones, form and JSON content types are matched as media types, unknown paths and unsigned requests cost one
 * short log line a minute rather than a line each, and a body Bolt cannot type gets 400 at once.
 */
export function guardedReceiver(
  options: HTTPReceiverOptions & { readonly logger: Logger; readonly eventsPath: string },
): HTTPReceiver {
  const refusals = new RefusalLog(options.logger);
  const logger = quietLogger(options.logger, refusals);
  const receiver = new HTTPReceiver({
    ...options,
    logger,
    dispatchErrorHandler: ({ error, request, response }) => {
      const noRoute = 'code' in error && error.code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (noRoute) logger.debug(`No route for ${request.method} ${loggablePath(request.url)}`);
      else logger.error(`A request to ${loggablePath(request.url)} failed: ${error.message.slice(0, 200)}`);
      if (!response.headersSent) response.writeHead(noRoute ? 404 : 500);
      response.end();
    },
    processEventErrorHandler: async ({ error, response }) => {
      if (error instanceof UnrecognisedRequestError) {
        refusals.refused(error.message);
        if (!response.headersSent) response.writeHead(400);
        response.end();
        return true;
      }
      if (!response.headersSent) {
        logger.error('An unhandled error occurred while Bolt processed a request:', error);
        response.writeHead(500);
        response.end();
      }
      return false;
    },
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === options.eventsPath) {
      const type = normalisedContentType(req.headers['content-type']);
      if (type !== undefined) req.headers['content-type'] = type;
      // A missing timestamp is Bolt's to refuse (after the body limit); one that is there must be within 5 minutes.
      const timestamp = req.headers['x-slack-request-timestamp'];
      if (timestamp !== undefined && !freshTimestamp(timestamp)) {
        refusals.refused('x-slack-request-timestamp missing or more than five minutes from now');
        res.writeHead(401, { connection: 'close' }).end();
        req.resume();
        return;
      }
    }
    bolt(req, res);
  };
  return receiver;
}

/**
 * Bolt's Socket Mode receiver, whose HTTP server (the custom routes: /healthz, /readyz, /metrics, and the OAuth pages
 * when distributed) listens on the given host and port and reports a port in use as a failed start: Bolt's own
 * listens without an error handler (a busy port would crash the process) and on every interface.
 */
export class ServedSocketModeReceiver extends SocketModeReceiver {
  /** The port the routes are served on, once started. */
  port: number | undefined;

  private readonly listenOn: { readonly port: number; readonly host?: string };

  constructor(
    options: SocketModeReceiverOptions & { readonly listen: { readonly port: number; readonly host?: string } },
  ) {
    super(options);
    this.listenOn = options.listen;
    // Bolt logs every request to an unknown path at info, with the path: anyone could fill the log. Those get 404 here.
    const server = this.server;
    const bolt = server?.listeners('request')[0] as ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
    if (server !== undefined && bolt !== undefined) {
      const installer = options.installerOptions;
      const known = [
        ...(options.customRoutes ?? []).map((r) => r.path),
        ...(options.clientId === undefined
          ? []
          : [installer?.installPath ?? '/slack/install', installer?.redirectUriPath ?? '/slack/oauth_redirect']),
      ];
      server.removeAllListeners('request');
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const path = (req.url ?? '').split('?')[0];
        if (known.some((k) => path === k || path.startsWith(`${k}/`))) bolt(req, res);
        else res.writeHead(404).end();
      });
    }
  }

  private get server(): Server | undefined {
    return (this as unknown as { httpServer?: Server }).httpServer;
  }

  override async start(): Promise<webApi.AppsConnectionsOpenResponse> {
    const server = this.server;
    if (server !== undefined) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.listenOn, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address();
      this.port = typeof address === 'object' && address !== null ? address.port : this.listenOn.port;
    }
    try {
      return await this.client.start();
    } catch (error) {
      server?.close();
      throw error;
    }
  }
}
