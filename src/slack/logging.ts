import { AsyncLocalStorage } from 'node:async_hooks';
import { type Logger, LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import type { LogFormat, LogLevelName } from './config.js';

/**
 * The operators' log: JSON lines (pino) with a level, the time, and, inside a request, its id and team; or readable
 * lines with LOG_FORMAT=pretty. It is Bolt's Logger, so Bolt, the receivers, the Web API client and the listeners
 * all write through it. Every line is scrubbed of the app's secrets and of anything shaped like a Slack token before
 * it is written; request bodies (which hold the users' text) are logged by Bolt at debug only.
 */

/** What a log line says about the request it was written in. */
interface RequestContext {
  readonly id: number;
  readonly body: Readonly<Record<string, unknown>>;
}

const requests = new AsyncLocalStorage<RequestContext>();
// A per-process prefix keeps ids from two replicas apart; the counter keeps them cheap.
const PROCESS_PREFIX = Math.floor(Math.random() * 36 ** 4)
  .toString(36)
  .padStart(4, '0');
let nextId = 0;

/** Runs `work` as request `body`: the lines it logs carry the request's id and team. */
export function inRequest<T>(body: Readonly<Record<string, unknown>>, work: () => T): T {
  nextId = (nextId + 1) % Number.MAX_SAFE_INTEGER;
  return requests.run({ id: nextId, body }, work);
}

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

/** The fields of the request a line is written in (none outside a request). */
function requestFields(): Record<string, string> {
  const context = requests.getStore();
  if (context === undefined) return {};
  const team = teamOf(context.body);
  const id = `${PROCESS_PREFIX}-${context.id.toString(36)}`;
  return team === undefined ? { request_id: id } : { request_id: id, team };
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
        mixin: requestFields,
      },
      destination,
    );
  }

  private write(level: LogLevelName, msg: readonly unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { msg: line, stack } = text(msg);
    if (stack === undefined) this.pino[level](line);
    else this.pino[level]({ stack }, line);
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
