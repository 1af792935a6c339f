import type { Knowledge } from '../knowledge/schema.js';
import type { Language } from '../language.js';
import type { RadarBook } from '../radar/book.js';
import { loadRadar, type RadarFailure } from '../radar/load.js';
import { messages } from '../render/messages/index.js';
import { ok, type Result } from '../result.js';
import type { CliIO } from './io.js';

/**
 * The radar of `--radar FILE`, if given: read and matched to the knowledge base. Entries that match nothing are
 * listed on stderr (a warning: the answer still comes); an unreadable or invalid file is the failure to report.
 */
export function cliRadar(
  file: string | undefined,
  kb: Knowledge,
  io: CliIO,
  language: Language | undefined,
): Result<RadarBook | undefined, RadarFailure> {
  if (file === undefined) return ok(undefined);
  const radar = loadRadar(file, kb);
  if (!radar.ok) return radar;
  const { unmatched, stamp } = radar.value;
  if (unmatched.length > 0) {
    io.stderr(
      `stack-advisor: ${messages(language).radarUnmatched(
        stamp.file,
        unmatched.map((e) => e.title),
      )}\n`,
    );
  }
  return radar;
}
