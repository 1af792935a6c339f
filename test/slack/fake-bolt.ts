import { type Logger, LogLevel } from '@slack/bolt';
import { vi } from 'vitest';
import { SeenDeliveries } from '../../src/slack/deliveries.js';
import { kitService } from '../../src/slack/kits.js';
import type { AdvisorPort, Services } from '../../src/slack/services.js';
import { knowledge, advisor as realAdvisor } from '../support.js';

const kb = knowledge();

/** A Bolt logger that keeps what it was told, so tests can assert that failures are logged. */
export class RecordingLogger implements Logger {
  readonly lines: { readonly level: LogLevel; readonly text: string }[] = [];
  private level: LogLevel = LogLevel.DEBUG;

  debug(...msg: unknown[]): void {
    this.record(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.record(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.record(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.record(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}

  /** Forgets what was logged so far (between tests). */
  clear(): void {
    this.lines.length = 0;
  }

  /** True when a line at `level` matches `pattern`. */
  has(level: LogLevel, pattern: RegExp): boolean {
    return this.lines.some((l) => l.level === level && pattern.test(l.text));
  }

  private record(level: LogLevel, msg: unknown[]): void {
    const text = msg.map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : String(m))).join(' ');
    this.lines.push({ level, text });
  }
}

/** A logger whose methods are spies, as in the Bolt starter's listener tests. */
export function fakeLogger() {
  return {
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    setLevel: vi.fn(),
    getLevel: vi.fn(),
    setName: vi.fn(),
  };
}

let shared: AdvisorPort | undefined;

/** The services a listener is built with: the real advisor (built once per file) unless a test passes a fake. */
export function fakeServices(fake?: AdvisorPort): Services {
  if (shared === undefined) shared = realAdvisor();
  const advisor = fake ?? shared;
  return {
    advisor,
    home: { en: { type: 'home', blocks: [] }, zh: { type: 'home', blocks: [] } },
    userLanguage: async () => undefined,
    seen: new SeenDeliveries(),
    replays: new SeenDeliveries(),
    threadReadMs: 10_000,
    retry: { retries: 1, backoffMs: 1 },
    kits: kitService(kb),
  };
}

/** An advisor whose every answer throws: a bug inside the listener, which must end in an apology. */
export function brokenAdvisor(): AdvisorPort {
  const boom = () => {
    throw new Error('advisor exploded');
  };
  return {
    version: 'test',
    answer: boom,
    compare: boom,
    explain: boom,
    adviseFrom: boom,
    ownLanguage: () => undefined,
  };
}

/** A Web API client with the methods the listeners call, as spies answering like Slack. */
export function fakeClient(replies: Record<string, unknown>[] = []) {
  return {
    chat: { postMessage: vi.fn(async () => ({ ok: true, ts: '1800000000.000100' })) },
    conversations: { replies: vi.fn(async () => ({ ok: true, messages: replies })) },
    views: { publish: vi.fn(async () => ({ ok: true })) },
  };
}

/** Listener arguments for a unit test: only what the listener reads, cast to Bolt's full type. */
export const asArgs = <T>(args: Record<string, unknown>): T => args as unknown as T;
