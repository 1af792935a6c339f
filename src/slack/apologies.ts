import { webApi } from '@slack/bolt';
import { failure } from '../failure.js';
import type { Language } from '../language.js';
import { apologyMessage, failureMessage } from '../render/blocks.js';
import type { SlackMessage } from '../render/blocks-types.js';

/** Slack's refusals that asking again will not fix: the apology says what to do instead of "please try again". */
export type LastingRefusal = 'not_in_channel' | 'missing_scope' | 'msg_too_long';

/** The Slack error code of a refused Web API call, when it is one that a retry will not fix. */
export function lastingRefusal(error: unknown): LastingRefusal | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) return;
  const code = (error as webApi.WebAPIPlatformError).data.error;
  return code === 'not_in_channel' || code === 'missing_scope' || code === 'msg_too_long' ? code : undefined;
}

/** The scope Slack said is missing, when it said. */
export function neededScope(error: unknown): string | undefined {
  const needed = (error as { data?: { needed?: unknown } }).data?.needed;
  return typeof needed === 'string' && /^[\w:.,]{1,100}$/.test(needed) ? needed : undefined;
}

/** The apology for a failed answer: what to do about a lasting refusal, otherwise the generic one. */
export function apologyFor(error: unknown, language?: Language): SlackMessage {
  switch (lastingRefusal(error)) {
    case 'not_in_channel':
      return failureMessage(failure('not-in-channel', {}), language);
    case 'missing_scope': {
      const scope = neededScope(error);
      return failureMessage(failure('missing-scope', scope === undefined ? {} : { scope }), language);
    }
    case 'msg_too_long':
      return failureMessage(failure('msg-too-long', {}), language);
    default:
      return apologyMessage(language);
  }
}
