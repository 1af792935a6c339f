import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type pg from 'pg';
import type { Metrics } from './metrics.js';

/**
 * The routes Kubernetes and Prometheus read, in both connection modes: `/healthz` (the process answers), `/readyz`
 * (Slack is reachable — the app started, and in Socket Mode its socket is connected — and the database answers when
 * there is one; 503 with the reason otherwise, and while stopping) and `/metrics`.
 */

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';

// A probe that waits longer than Kubernetes' default timeout (1 s) is a failed probe anyway.
const DATABASE_CHECK_MS = 900;

export type NotReady = 'starting' | 'stopping' | 'socket-disconnected' | 'database-unreachable';

/** What /readyz reads. */
export class Readiness {
  private started = false;
  private stopping = false;
  /** Socket Mode: whether the socket is connected; undefined in HTTP mode. */
  private socket: boolean | undefined;

  constructor(private readonly database?: pg.Pool) {}

  /** startApp succeeded: the bot's identity was checked (single workspace) and the app serves. */
  markStarted(): void {
    this.started = true;
  }

  /** The app is stopping: traffic should go elsewhere. */
  markStopping(): void {
    this.stopping = true;
  }

  /** Socket Mode: the socket's state as the client reports it. */
  socketConnected(connected: boolean): void {
    this.socket = connected;
  }

  /** Undefined when ready, or why not. */
  async check(): Promise<NotReady | undefined> {
    if (this.stopping) return 'stopping';
    if (!this.started) return 'starting';
    if (this.socket === false) return 'socket-disconnected';
    // pg (with store/database.js) is loaded only when there is a database: never in single-workspace mode.
    if (
      this.database !== undefined &&
      !(await (await import('../store/database.js')).databaseAnswers(this.database, DATABASE_CHECK_MS))
    ) {
      return 'database-unreachable';
    }
    return undefined;
  }
}

function json(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
}

/** The three routes, as Bolt custom routes (HTTPReceiver and SocketModeReceiver both serve them). */
export function probeRoutes(
  identity: () => Readonly<Record<string, unknown>>,
  readiness: Readiness,
  metrics: Metrics,
): CustomRoute[] {
  return [
    {
      path: HEALTH_PATH,
      method: ['GET', 'HEAD'],
      handler: (req, res) => json(req, res, 200, { ok: true, ...identity() }),
    },
    {
      path: READY_PATH,
      method: ['GET', 'HEAD'],
      handler: (req, res) => {
        readiness.check().then(
          (reason) => json(req, res, reason === undefined ? 200 : 503, { ready: reason === undefined, reason }),
          () => json(req, res, 503, { ready: false, reason: 'check-failed' }),
        );
      },
    },
    {
      path: METRICS_PATH,
      method: ['GET'],
      handler: (_req, res) => {
        metrics.exposed().then(
          ({ text, contentType }) => {
            res.writeHead(200, { 'Content-Type': contentType });
            res.end(text);
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
      },
    },
  ];
}
