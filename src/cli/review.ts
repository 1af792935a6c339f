import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Advisor, AskContext } from '../advisor/advisor.js';
import { failure } from '../failure.js';
import type { Language } from '../language.js';
import { ADR_STATUSES, type AdrStatus, adrFileName, adrMarkdown } from '../render/adr.js';
import { diffJson, diffText } from '../render/diff.js';
import { messages } from '../render/messages/index.js';
import { reportFailure } from './failure-output.js';
import { type CliIO, EXIT } from './io.js';
import { exists, makeDirectory } from './kit.js';

/** `diff "<before>" "<after>"`: what changes in the recommendation from one request to the other. */
export function runDiff(
  advisor: Advisor,
  positionals: readonly string[],
  io: CliIO,
  json: boolean,
  context: AskContext,
): number {
  const frame = context.language ?? context.fallback;
  if (positionals.length !== 2) {
    return reportFailure(io, json, failure('diff-needs-two', { count: positionals.length }), frame);
  }
  const d = advisor.diff(positionals[0], positionals[1], context);
  if (!d.ok) return reportFailure(io, json, d.error, frame);
  io.stdout(`${json ? JSON.stringify(diffJson(d.value), null, 2) : diffText(d.value)}\n`);
  return EXIT.ok;
}

export interface AdrArguments {
  readonly request: string;
  readonly title?: string;
  readonly status?: string;
  readonly out?: string;
  readonly language: Language;
  /** Today, YYYY-MM-DD (the shell reads the clock, the renderer does not). */
  readonly date: string;
}

/**
 * `adr "<requirements>"`: the decision record on standard output, or with `--out` written into a directory as the next
 * `NNNN-title-as-slug.md` (or to the `.md` file named), never over an existing file.
 */
export function runAdr(advisor: Advisor, args: AdrArguments, io: CliIO, json: boolean): number {
  const { language } = args;
  const status = (args.status ?? 'proposed') as AdrStatus;
  if (!ADR_STATUSES.includes(status)) {
    return reportFailure(io, json, failure('bad-status', { value: String(args.status) }), language);
  }
  const advice = advisor.advise(args.request, undefined, language);
  if (!advice.ok) return reportFailure(io, json, advice.error, language);
  const adr = adrMarkdown(advice.value, {
    status,
    date: args.date,
    ...(args.title === undefined ? {} : { title: args.title }),
  });
  if (args.out === undefined) {
    io.stdout(
      json ? `${JSON.stringify({ title: adr.title, language, markdown: adr.markdown }, null, 2)}\n` : adr.markdown,
    );
    return EXIT.ok;
  }
  const out = args.out;
  let path: string;
  try {
    if (out.endsWith('.md')) {
      path = out;
    } else {
      if (exists(out) && !statSync(out).isDirectory()) {
        return reportFailure(io, json, failure('out-not-directory', { dir: out }), language);
      }
      makeDirectory(out);
      path = join(out, adrFileName(readdirSync(out), adr.title));
    }
    if (exists(path)) return reportFailure(io, json, failure('adr-exists', { file: path }), language);
    // `wx`: a file that appears between the check and the write is still not overwritten.
    writeFileSync(path, adr.markdown, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return reportFailure(io, json, failure('adr-exists', { file: out }), language);
    return reportFailure(io, json, failure('write-failed', { dir: out, reason: e.message }), language);
  }
  io.stdout(
    json
      ? `${JSON.stringify({ title: adr.title, language, file: path }, null, 2)}\n`
      : `${messages(language).review.recordWritten(path)}\n`,
  );
  return EXIT.ok;
}
