import { type Logger, LogLevel } from '@slack/bolt';
import { vi } from 'vitest';

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
