import type { Context, Logger } from '@slack/bolt';
import type { Carried } from '../advisor/answer.js';

/**
 * Where a distributed app keeps each thread's context beside the message metadata: Slack's conversations.replies is
 * limited to once a minute per workspace (15 messages a call) for commercially distributed apps outside the
 * Marketplace, so a follow-up reads the context from here and asks Slack only when it is missing. Without a database
 * there is none, and the metadata alone carries the thread, as before.
 */
export interface ThreadMemory {
  /** The context the bot's latest answer in the thread carried; undefined when missing, expired or unreadable. */
  read(key: ThreadKey): Promise<Carried | undefined>;
  /** Keeps what an answer posted in the thread carries (replacing the thread's earlier context). */
  write(key: ThreadKey, carried: Carried, knowledgeVersion: string): Promise<void>;
}

/** A thread: its workspace (or org) and its first message. Enterprise and team are '' when Slack gives none. */
export interface ThreadKey {
  readonly enterpriseId: string;
  readonly teamId: string;
  readonly channel: string;
  readonly threadTs: string;
}

/** The key of a thread in the request's workspace, from Bolt's context (its team and enterprise). */
export function threadKey(context: Pick<Context, 'teamId' | 'enterpriseId'>, channel: string, threadTs: string) {
  return { enterpriseId: context.enterpriseId ?? '', teamId: context.teamId ?? '', channel, threadTs };
}

/**
 * Keeps an answer's context when the app has a thread memory; a database that fails is logged, never thrown: the
 * answer is already posted, and its metadata still carries the thread.
 */
export async function remember(
  memory: ThreadMemory | undefined,
  logger: Pick<Logger, 'warn'>,
  key: ThreadKey,
  carried: Carried | undefined,
  knowledgeVersion: string,
): Promise<void> {
  if (memory === undefined || carried === undefined) return;
  try {
    await memory.write(key, carried, knowledgeVersion);
  } catch (error) {
    logger.warn(
      `Could not keep the context of thread ${key.channel}/${key.threadTs}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
