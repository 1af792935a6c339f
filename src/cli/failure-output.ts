import { type Failure, PROGRAM_FAILURES } from '../failure.js';
import type { Language } from '../language.js';
import { failureJson } from '../render/json.js';
import { messages } from '../render/messages/index.js';
import { type CliIO, EXIT } from './io.js';

/** Reports a failure in the asker's language: one line on stderr, the error object on stdout with --json. */
export function reportFailure(io: CliIO, json: boolean, error: Failure, language: Language | undefined): number {
  const message = messages(error.language ?? language).failure(error);
  io.stderr(`stack-advisor: ${message.split('\n')[0]}\n`);
  if (json) io.stdout(`${JSON.stringify(failureJson(error, language))}\n`);
  return PROGRAM_FAILURES.has(error.code) ? EXIT.failure : EXIT.usage;
}
