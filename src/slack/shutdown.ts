import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { InFlight } from './in-flight.js';

/**
 * The graceful stop: stop taking requests, let acknowledged work finish within a deadline, cut whatever connection is
 * still open, return. Slack does not redeliver an event it saw acknowledged, so exiting while its answer is being
 * written loses the question; and a client holding a half-sent request must not keep the process past Kubernetes'
 * 30-second grace period.
 */

/** How long a stop waits for acknowledged work by default: with the rest of the stop, well under 30 s. */
export const DRAIN_MS = 20_000;

/** Kubernetes kills a pod 30 s after SIGTERM: whatever happens, the process is gone before this. */
export const STOP_BUDGET_MS = 25_000;

interface Stoppable {
  readonly inFlight: InFlight;
  /** Told first when the app stops (readiness turns to 503). */
  readonly stopping?: () => void;
  server?: Server;
}

const stoppables = new WeakMap<App, Stoppable>();

/** Called by createApp: the work counter of this app. */
export function registerForStop(app: App, inFlight: InFlight, stopping?: () => void): void {
  stoppables.set(app, stopping === undefined ? { inFlight } : { inFlight, stopping });
}

/** Called by startApp in HTTP mode: the server whose connections a stop may have to cut. */
export function registerServer(app: App, server: Server): void {
  const entry = stoppables.get(app);
  if (entry !== undefined) entry.server = server;
}

export interface Stopped {
  /** Listener work still running when the deadline passed (0: everything acknowledged was finished). */
  readonly abandoned: number;
}

/**
 * Stops `app` within about `drainMs` plus a second: HTTP mode stops listening and closes idle connections, Socket
 * Mode disconnects; then the work already acknowledged is given until the deadline to finish; then every connection
 * still open (a slow or stalled client) is closed.
 */
export async function stopApp(app: App, drainMs = DRAIN_MS): Promise<Stopped> {
  const entry = stoppables.get(app);
  const server = entry?.server;
  entry?.stopping?.();
  const stopping = app.stop().catch(() => undefined);
  server?.closeIdleConnections();
  const finished = entry === undefined ? true : await entry.inFlight.drain(drainMs);
  // Answers are out (or given up on); whatever is still connected is a client that has not finished its request.
  server?.closeAllConnections();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([stopping, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
  clearTimeout(timer);
  return { abandoned: finished ? 0 : (entry?.inFlight.size ?? 0) };
}
