import { basename } from 'node:path';
import type { Knowledge } from '../knowledge/schema.js';
import { readRegularFile } from '../read-file.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { matchRadar, type RadarBook } from './book.js';
import { parseRadar, type RadarError } from './model.js';

/** The edge of the radar: reads the file named by RADAR_PATH or --radar, then parses and matches it (pure). */

export type RadarFailure = Failure<'radar-unreadable' | 'radar-invalid'>;

/** A radar is a list of a few hundred technologies at most; a file larger than the knowledge base's limit is not one. */
export const MAX_RADAR_BYTES = 5 * 1024 * 1024;

function invalid(file: string, error: RadarError): RadarFailure {
  return failure('radar-invalid', {
    file,
    ...(error.format === undefined ? {} : { format: error.format }),
    ...(error.entry === undefined ? {} : { entry: error.entry }),
    ...(error.line === undefined ? {} : { line: error.line }),
    problem: error.problem,
  });
}

/** The radar from its text: parsed, stamped (its `version`, or the file name and modification time), matched. */
export function radarFromText(
  text: string,
  file: string,
  modified: Date | undefined,
  kb: Pick<Knowledge, 'operators'>,
): Result<RadarBook, RadarFailure> {
  const name = basename(file);
  const parsed = parseRadar(text, name);
  if (!parsed.ok) return fail(invalid(file, parsed.error));
  const when = modified?.toISOString();
  const stamp = {
    file: name,
    version: parsed.value.version ?? (when === undefined ? name : `${name}@${when}`),
    ...(when === undefined ? {} : { modified: when }),
  };
  const book = matchRadar(parsed.value, stamp, kb.operators);
  return book.ok ? ok(book.value) : fail(invalid(file, { ...book.error, format: parsed.value.format }));
}

/** Reads and matches the radar at `file`: a regular file of at most MAX_RADAR_BYTES, never a FIFO or a device. */
export function loadRadar(file: string, kb: Pick<Knowledge, 'operators'>): Result<RadarBook, RadarFailure> {
  const read = readRegularFile(file, MAX_RADAR_BYTES);
  if (!read.ok) return fail(failure('radar-unreadable', { file, reason: read.reason }));
  return radarFromText(read.value.text, file, read.value.modified, kb);
}
