import { type App, type Logger, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import type { LogFormat, LogLevelName } from './config.js';

/**
 * The operators' log: JSON lines (pino) with a level, the time, and, inside a request, its id and team; or readable
 * lines with LOG_FORMAT=pretty. It is Bolt's Logger, so Bolt, the receivers, the Web API client and the listeners
 * all write through it. Every line is scrubbed of the app's secrets and of anything shaped like a Slack token before
 * it is written; request bodies (which hold the users' text) are logged by Bolt at debug only.
 *
 * Each request gets a logger of its own (`forRequest`), handed to the listeners as their `logger` through the
 * request's context: its lines carry the request id and the team. (AsyncLocalStorage would also reach Bolt's own
 * lines, but on Node 20 it costs about 30 µs a request, a fifth of the bot's per-request CPU.)
 */

// A per-process prefix keeps ids from two replicas apart; the counter keeps them cheap.
const PROCESS_PREFIX = Math.floor(Math.random() * 36 ** 4)
  .toString(36)
  .padStart(4, '0');
let nextId = 0;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The workspace of a request body: commands and events carry team_id, interactions a team object. */
export function teamOf(body: Readonly<Record<string, unknown>>): string | undefined {
  const team = body.team as { id?: unknown } | null | undefined;
  const event = body.event as { team?: unknown } | undefined;
  const enterprise = body.enterprise as { id?: unknown } | null | undefined;
  return (
    str(body.team_id) ??
    str(team?.id) ??
    str(event?.team) ??
    str(body.enterprise_id) ??
    str(enterprise?.id) ??
    str((body.authorizations as { team_id?: unknown }[] | undefined)?.[0]?.team_id)
  );
}

/** The fields of a request's lines: its id and team, worked out when a line is written. */
function requestFields(id: number, body: Readonly<Record<string, unknown>>): Record<string, string> {
  const team = teamOf(body);
  const requestId = `${PROCESS_PREFIX}-${id.toString(36)}`;
  return team === undefined ? { request_id: requestId } : { request_id: requestId, team };
}

// Slack tokens by their shape: bot, user, app-level, configuration and refresh tokens.
const TOKEN = /\b(xox[abpers]|xapp|xoxe\.xox[bp])-[A-Za-z0-9.-]+/g;

/** Removes the given secrets and anything shaped like a Slack token from a line. */
export function scrub(line: string, secrets: readonly string[]): string {
  let out = line.replace(TOKEN, '[redacted token]');
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, '[redacted]');
  return out;
}

/** An error as a log line shows it: its kind, message and stack, none of the data a Web API error carries. */
function describeError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}`;
}

function text(msg: readonly unknown[]): { msg: string; stack?: string } {
  let stack: string | undefined;
  const parts = msg.map((m) => {
    if (m instanceof Error) {
      stack ??= m.stack;
      return describeError(m);
    }
    if (typeof m === 'string') return m;
    try {
      return JSON.stringify(m) ?? String(m);
    } catch {
      return String(m);
    }
  });
  return stack === undefined ? { msg: parts.join(' ') } : { msg: parts.join(' '), stack };
}

export interface LogDestination {
  write(line: string): unknown;
}

const COLOURS: Record<string, string> = { debug: '\x1b[90m', info: '\x1b[32m', warn: '\x1b[33m', error: '\x1b[31m' };

/** LOG_FORMAT=pretty: `12:04:05.123 INFO  [request team] message`, the stack indented below. */
export function prettyLine(json: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = String(entry.level ?? 'info');
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const label = level.toUpperCase().padEnd(5);
  const where =
    entry.request_id === undefined
      ? ''
      : ` [${String(entry.request_id)}${entry.team === undefined ? '' : ` ${String(entry.team)}`}]`;
  const stack = typeof entry.stack === 'string' ? `\n    ${entry.stack.split('\n').slice(1).join('\n    ')}` : '';
  const shown = colour ? `${COLOURS[level] ?? ''}${label}\x1b[0m` : label;
  return `${time} ${shown}${where} ${String(entry.msg ?? '')}${stack}\n`;
}

export interface LoggerOptions {
  readonly level: LogLevelName;
  readonly format: LogFormat;
  /** Values that must never be written: the tokens and secrets of the configuration. */
  readonly secrets: readonly string[];
  /** Where lines go: standard output by default. */
  readonly destination?: LogDestination;
}

/** Bolt's Logger over pino. */
export class PinoLogger implements Logger {
  private readonly pino: pino.Logger;

  constructor(options: LoggerOptions) {
    const out = options.destination ?? process.stdout;
    const secrets = options.secrets.filter((s) => s.length >= 6);
    const colour = options.destination === undefined && process.stdout.isTTY === true;
    const destination: LogDestination = {
      write:
        options.format === 'pretty'
          ? (line: string) => out.write(prettyLine(scrub(line, secrets), colour))
          : (line: string) => out.write(scrub(line, secrets)),
    };
    this.pino = pino(
      {
        level: options.level,
        base: undefined,
        messageKey: 'msg',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    );
  }

  /** Writes a line, with the request's fields when written in one. */
  write(level: LogLevelName, msg: readonly unknown[], request?: RequestLogger): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { msg: line, stack } = text(msg);
    const fields = request === undefined ? undefined : request.fields();
    if (stack === undefined && fields === undefined) this.pino[level](line);
    else this.pino[level](stack === undefined ? fields : { ...fields, stack }, line);
  }

  /** A logger for one request: its lines carry the request id and the team of `body`. */
  forRequest(body: Readonly<Record<string, unknown>>): RequestLogger {
    nextId = (nextId + 1) % Number.MAX_SAFE_INTEGER;
    return new RequestLogger(this, nextId, body);
  }

  debug(...msg: unknown[]): void {
    this.write('debug', msg);
  }
  info(...msg: unknown[]): void {
    this.write('info', msg);
  }
  warn(...msg: unknown[]): void {
    this.write('warn', msg);
  }
  error(...msg: unknown[]): void {
    this.write('error', msg);
  }
  setLevel(level: LogLevel): void {
    this.pino.level = level;
  }
  getLevel(): LogLevel {
    const level = this.pino.level;
    return level === 'debug' || level === 'trace'
      ? LogLevel.DEBUG
      : level === 'warn'
        ? LogLevel.WARN
        : level === 'error' || level === 'fatal'
          ? LogLevel.ERROR
          : LogLevel.INFO;
  }
  setName(): void {}
}

/** The logger of one request: the app's, with the request id and team on every line. */
export class RequestLogger implements Logger {
  constructor(
    private readonly root: PinoLogger,
    private readonly id: number,
    private readonly body: Readonly<Record<string, unknown>>,
  ) {}

  fields(): Record<string, string> {
    return requestFields(this.id, this.body);
  }

  debug(...msg: unknown[]): void {
    this.root.write('debug', msg, this);
  }
  info(...msg: unknown[]): void {
    this.root.write('info', msg, this);
  }
  warn(...msg: unknown[]): void {
    this.root.write('warn', msg, this);
  }
  error(...msg: unknown[]): void {
    this.root.write('error', msg, this);
  }
  setLevel(level: LogLevel): void {
    this.root.setLevel(level);
  }
  getLevel(): LogLevel {
    return this.root.getLevel();
  }
  setName(): void {}
}

/** The context key the request's logger travels under (a custom property, which Bolt copies into the context). */
export const REQUEST_LOGGER = 'requestLogger';

type Registration = (...args: unknown[]) => unknown;

/**
 * Makes every listener and middleware registered on `app` from now on receive the request's own logger as its
 * `logger`, when the request has one in its context.
 */
export function requestLoggersFor(app: App): void {
  const target = app as unknown as Record<string, Registration>;
  for (const name of ['use', 'command', 'event', 'message', 'action', 'view', 'shortcut', 'options']) {
    const register = target[name].bind(app) as Registration;
    target[name] = (...args) =>
      register(...args.map((a) => (typeof a === 'function' ? withRequestLogger(a as (args: unknown) => unknown) : a)));
  }
}

function withRequestLogger(
  listener: (args: unknown) => unknown,
): (args: { context?: Record<string, unknown>; logger?: unknown }) => unknown {
  return (args) => {
    const logger = args.context?.[REQUEST_LOGGER];
    // Bolt gives each middleware and listener an arguments object of its own (a spread per call), so setting the
    // logger on it reaches only this call; copying it again cost a few µs a request.
    if (logger !== undefined) args.logger = logger;
    return listener(args);
  };
}
