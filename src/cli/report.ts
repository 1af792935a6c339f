import { parseArgs } from 'node:util';
import { type Failure, failure } from '../failure.js';
import type { Language } from '../language.js';
import { messages } from '../render/messages/index.js';
import { reportText } from '../render/report.js';
import { fail, ok, type Result } from '../result.js';
import { openPool } from '../store/database.js';
import { readReport } from '../store/report.js';
import { reportFailure } from './failure-output.js';
import { type CliIO, EXIT } from './io.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_SINCE = '30d';
const MAX_DAYS = 3650;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `--since`: days (`30d`), weeks (`8w`), a date (`2026-11-01`, UTC midnight) or an ISO 8601 instant, in the past. */
export function parseSince(value: string, now: number): Result<Date, Failure<'bad-since'>> {
  const bad = fail(failure('bad-since', { value }));
  const relative = /^(\d{1,5})([dw])$/.exec(value.trim());
  if (relative !== null) {
    const days = Number(relative[1]) * (relative[2] === 'w' ? 7 : 1);
    return days >= 1 && days <= MAX_DAYS ? ok(new Date(now - days * DAY_MS)) : bad;
  }
  let date: Date | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    // 2026-02-30 parses as March: only a date that reads back the same is one.
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value) date = d;
  } else if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    date = new Date(value);
  }
  return date !== undefined && date.getTime() <= now ? ok(date) : bad;
}

/** The host of a database URL, as it may be printed: never the user's password. */
const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : '(DATABASE_URL)');

/** A database error as it may be printed: without the URL or its password. */
function why(error: unknown, url: string): string {
  let text = error instanceof Error ? error.message : String(error);
  text = text.replaceAll(url, '(DATABASE_URL)');
  const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  if (password !== '') text = text.replaceAll(password, '***');
  return text.slice(0, 200) || 'no answer';
}

/** `stack-advisor report [--since 30d] [--json] [--lang en|zh]`: what a distributed bot answered, per week. */
export async function runReport(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv,
  { language, fallback }: { readonly language: Language | undefined; readonly fallback: Language | undefined },
): Promise<number> {
  const json = argv.includes('--json');
  const frame = language ?? fallback;
  let values: { since?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return reportFailure(io, json, failure('bad-option', { detail: (error as Error).message }), frame);
  }
  if (values.help) {
    io.stdout(`${messages(frame).cliHelp}\n`);
    return EXIT.ok;
  }
  const now = Date.now();
  const since = parseSince(values.since ?? DEFAULT_SINCE, now);
  if (!since.ok) return reportFailure(io, json, since.error, frame);
  const url = (env.DATABASE_URL ?? '').trim();
  if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url)) {
    return reportFailure(io, json, failure('report-no-database', {}), frame);
  }
  const pool = openPool(url, () => {}, 1);
  try {
    const report = await readReport(pool, since.value, new Date(now));
    io.stdout(`${json ? JSON.stringify(report, null, 2) : reportText(report, messages(frame))}\n`);
    return EXIT.ok;
  } catch (error) {
    // 42P01: no such table, the bot never ran in distributed mode on this database.
    const missingTable = (error as { code?: string }).code === '42P01';
    const f = missingTable
      ? failure('report-not-set-up', { host: hostOf(url) })
      : failure('report-database-unreachable', { host: hostOf(url), why: why(error, url) });
    return reportFailure(io, json, f, frame);
  } finally {
    await pool.end().catch(() => undefined);
  }
}
