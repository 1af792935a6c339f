import { setTimeout as sleep } from 'node:timers/promises';
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Carried } from '../advisor/answer.js';
import type { Language } from '../language.js';
import type { SlackMessage } from '../render/blocks-types.js';
import { channelTypeOf, recordAnswer } from './answer-log.js';
import { apologyFor, lastingRefusal, neededScope } from './apologies.js';
import { typedText } from './incoming-text.js';
import { type AnswerMetadata, carriedFromThread, type ThreadMessage } from './metadata.js';
import { reply } from './reply.js';
import type { Services } from './services.js';
import { remember, threadKey } from './thread-memory.js';
import { mayHaveHappened, withRetries } from './web-api-retry.js';

/** A question asked by mention or direct message. */
export interface ThreadQuestion {
  readonly channel: string;
  /** The message that asked. */
  readonly ts: string;
  /** The thread it was asked in, if any. */
  readonly threadTs?: string;
  /** As Slack sent it (escaped, with mentions). */
  readonly text: string;
  /** Who asked: their Slack language answers a question with none of its own, and an apology goes to their DM when
   * the channel itself refuses the bot. */
  readonly user?: string;
  /** Where it was asked, for the answer log (a mention when not said). */
  readonly surface?: 'mention' | 'dm';
  /** The conversation's kind as Slack gave it (`channel_type`), when it did. */
  readonly channelType?: string;
}

type Shell = Pick<AllMiddlewareArgs, 'client' | 'context' | 'logger'>;

// A thread longer than this many pages of 200 is read only in part: the earliest answers are the ones left out.
const MAX_PAGES = 5;

/**
 * The bot's latest answer in the question's thread: from the thread memory when the app has one (distributed), else
 * (or when the memory has no row for the thread) read from Slack within the thread deadline, and then kept in the
 * memory; undefined when none or unreadable.
 */
export async function earlierAnswer(services: Services, shell: Shell, q: ThreadQuestion): Promise<Carried | undefined> {
  const threadTs = q.threadTs;
  if (threadTs === undefined) return undefined;
  const memory = services.threadMemory;
  if (memory === undefined) return (await fromSlack(services, shell, q.channel, threadTs))?.carried;
  const key = threadKey(shell.context, q.channel, threadTs);
  try {
    const kept = await memory.read(key);
    if (kept !== undefined) return kept;
  } catch (error) {
    shell.logger.warn(
      `Could not read the context of thread ${q.channel}/${threadTs} from the database; asking Slack: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const read = await fromSlack(services, shell, q.channel, threadTs);
  if (read !== undefined) await remember(memory, shell.logger, key, read.carried, read.version);
  return read?.carried;
}

/** The bot's latest answer in a thread as Slack has it (conversations.replies), within the thread deadline. */
async function fromSlack(
  services: Services,
  { client, context, logger }: Shell,
  channel: string,
  threadTs: string,
): Promise<{ carried: Carried; version: string } | undefined> {
  // One deadline for the whole read, retries and pages included: the asker is waiting for the answer.
  const deadline = new AbortController();
  const read = async (): Promise<{ carried: Carried; version: string } | undefined> => {
    const messages: ThreadMessage[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < MAX_PAGES && !deadline.signal.aborted; pages++) {
      const from = cursor;
      const res = await withRetries(services.retry, logger, 'conversations.replies', { idempotent: true }, () =>
        client.conversations.replies({
          channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: 200,
          ...(from === undefined ? {} : { cursor: from }),
        }),
      );
      messages.push(...((res.messages ?? []) as ThreadMessage[]));
      cursor = res.response_metadata?.next_cursor || undefined;
      if (cursor === undefined) break;
    }
    return carriedFromThread(messages, { botId: context.botId, botUserId: context.botUserId });
  };
  try {
    const late = sleep(services.threadReadMs, undefined, { signal: deadline.signal }).then(() => {
      throw new Error(`reading the thread took more than ${services.threadReadMs / 1000} s`);
    });
    late.catch(() => undefined);
    return await Promise.race([read(), late]);
  } catch (error) {
    logger.warn(`Could not read thread ${channel}/${threadTs}; answering without its earlier context:`, error);
    return undefined;
  } finally {
    deadline.abort();
  }
}

/**
 * Answers a mention or a direct message in its thread (the thread it was asked in, or a new one under it), building on
 * the bot's earlier answer in that thread. Never throws: failures are logged, and the asker gets an apology if Slack
 * lets the bot post one.
 */
export async function answerInThread(services: Services, shell: Shell, q: ThreadQuestion): Promise<void> {
  const startedAt = performance.now();
  const { client, context, logger } = shell;
  const threadTs = q.threadTs ?? q.ts;
  const post = (message: SlackMessage, metadata?: AnswerMetadata) =>
    withRetries(services.retry, logger, 'chat.postMessage', { idempotent: false }, () =>
      client.chat.postMessage({
        channel: q.channel,
        thread_ts: threadTs,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(metadata === undefined ? {} : { metadata }),
      }),
    );
  let language: Language | undefined;
  try {
    const previous = await earlierAnswer(services, shell, q);
    const text = typedText(q.text);
    language =
      services.advisor.ownLanguage(text) ?? previous?.language ?? (await services.userLanguage(client, q.user, logger));
    const answer = reply(services.advisor, text, previous, { recordDecision: true }, { fallback: language });
    await post(answer.message, answer.metadata);
    recordAnswer(
      services,
      {
        context,
        surface: q.surface ?? 'mention',
        channelType: channelTypeOf(q.channel, q.channelType),
        knowledgeVersion: services.advisor.version,
        startedAt,
        text,
      },
      answer.result,
      language,
    );
    await remember(
      services.threadMemory,
      logger,
      threadKey(context, q.channel, threadTs),
      answer.carried,
      services.advisor.version,
    );
  } catch (error) {
    logger.error(`Could not answer in thread ${q.channel}/${threadTs}:`, error);
    if (mayHaveHappened(error)) {
      // Slack may have posted the answer after all: an apology now could sit under it.
      logger.warn(`The answer in ${q.channel}/${threadTs} may still have been posted: no apology sent`);
      return;
    }
    const refusal = lastingRefusal(error);
    if (refusal === 'missing_scope') {
      logger.warn(
        `Slack says the app lacks the scope ${neededScope(error) ?? '(not named)'}: reinstall it with manifest.yml`,
      );
    }
    try {
      if (refusal === 'not_in_channel' && q.user !== undefined) {
        // The channel refuses every post: the asker hears it in their DM with the bot instead.
        const apology = apologyFor(error, language);
        await client.chat.postMessage({ channel: q.user, text: apology.text, blocks: apology.blocks });
      } else {
        await post(apologyFor(error, language));
      }
    } catch (again) {
      logger.error('Could not post the apology either:', again);
    }
  }
}
