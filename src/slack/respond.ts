import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { Language } from '../language.js';
import { apologyMessage } from '../render/blocks.js';
import type { SlackMessage } from '../render/blocks-types.js';

/** After a button's handler failed: the apology, privately, and a log line if even that cannot be sent. */
export async function apologize(
  respond: RespondFn,
  logger: Logger,
  what: string,
  error: unknown,
  language?: Language,
): Promise<void> {
  logger.error(`${what} failed:`, error);
  const apology: RespondArguments = {
    response_type: 'ephemeral',
    replace_original: false,
    ...apologyMessage(language),
  };
  try {
    await respond(apology);
  } catch (again) {
    logger.error('Could not send the apology either:', again);
  }
}

/** A private answer to a button, in the thread the button sits in. */
export function privately(message: SlackMessage, threadTs: unknown): RespondArguments {
  return {
    response_type: 'ephemeral',
    replace_original: false,
    ...message,
    ...(typeof threadTs === 'string' ? { thread_ts: threadTs } : {}),
  };
}
