import type { Logger, RespondArguments, RespondFn, types, webApi } from '@slack/bolt';
import type { Language } from '../language.js';
import { apologyMessage } from '../render/blocks.js';
import type { SlackMessage } from '../render/blocks-types.js';

type WebClient = webApi.WebClient;

/** Sends a button's answer: Bolt's respond(), or what stands in for it when the press came with no response URL. */
export type Reply = (message: RespondArguments) => Promise<unknown>;

/** After a button's handler failed: the apology, privately, and a log line if even that cannot be sent. */
export async function apologize(
  respond: Reply,
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

/**
 * Where a button's answer goes: its response URL, as Slack gives one for a press in a message. A press in the Home tab
 * or a modal has none (Bolt then gives no `respond`): the answer goes privately to the channel if there is one,
 * otherwise to the presser's DM with the bot.
 */
export function responder(
  respond: RespondFn | undefined,
  body: { readonly user: { readonly id: string }; readonly channel?: { readonly id?: string } },
  client: WebClient,
): Reply {
  if (typeof respond === 'function') return respond;
  return async (m) => {
    const channel = body.channel?.id;
    const text = m.text ?? '';
    const blocks = 'blocks' in m ? (m.blocks as (types.KnownBlock | types.Block)[]) : undefined;
    const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : undefined;
    if (channel !== undefined && m.response_type !== 'in_channel') {
      return client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text,
        ...(blocks === undefined ? {} : { blocks }),
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      });
    }
    return client.chat.postMessage({
      channel: m.response_type === 'in_channel' && channel !== undefined ? channel : body.user.id,
      text,
      ...(blocks === undefined ? {} : { blocks }),
      ...(m.metadata === undefined ? {} : { metadata: m.metadata }),
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}
