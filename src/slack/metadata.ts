import { type Carried, carriedSchema } from '../advisor/answer.js';
import { MAX_CARRIED } from '../advisor/thread.js';
import { once, zod } from '../lazy-modules.js';

/**
 * The bot's memory of a thread, kept in Slack itself: each answer carries the recognised requirements as message
 * metadata, and a follow-up reads them back from the thread. No database, survives restarts, works with replicas.
 */

export const EVENT_TYPE = 'stack_advisor_answer';

const payloadSchema = once(() => carriedSchema().extend({ version: zod().z.string() }));

type Flat = { [key: string]: string | number | boolean };

/** The shape chat.postMessage takes (and Slack's types accept): flat objects in arrays. */
export interface AnswerMetadata {
  event_type: typeof EVENT_TYPE;
  event_payload: { version: string; needs: Flat[]; constraints: Flat[]; language?: string };
}

/** The metadata to attach to an answer (the carried requirements, one schema), stamped with the knowledge version. */
export function answerMetadata(carried: Carried, version: string): AnswerMetadata {
  const { needs, constraints, language } = carried;
  return {
    event_type: EVENT_TYPE,
    event_payload: {
      version,
      needs: needs.map((n) => ({ ...n })),
      constraints: constraints.map((c) => ({ ...c })),
      ...(language === undefined ? {} : { language }),
    },
  };
}

/** A message as conversations.replies returns it: only the fields read here. */
export interface ThreadMessage {
  readonly ts?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly metadata?: { readonly event_type?: string; readonly event_payload?: unknown };
}

// A follow-up carries what a person asked for over a few questions: more than MAX_CARRIED is not a person's (2.66 of
// the reliability probe: 10,000 carried needs made a 1.35 MB post).
/** The carried requirements without repeats, at most MAX_CARRIED of each kind. */
export function capped(carried: Carried): Carried {
  const seen = new Set<string>();
  const needs = carried.needs.filter((n) => {
    const key = `${n.need}:${n.negated}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...carried, needs: needs.slice(0, MAX_CARRIED), constraints: carried.constraints.slice(0, MAX_CARRIED) };
}

export interface Author {
  readonly botId?: string;
  readonly botUserId?: string;
}

/**
 * What the bot's latest answer in a thread carried, if any. Only apps can attach metadata, so a message with this
 * event type is the bot's unless it says it is another app's (a different bot id or user); a payload that does not
 * validate is skipped.
 */
export function carriedFromThread(
  messages: readonly ThreadMessage[],
  bot: Author,
): { carried: Carried; version: string } | undefined {
  const someoneElse = (m: ThreadMessage) =>
    (m.bot_id !== undefined && bot.botId !== undefined && m.bot_id !== bot.botId) ||
    (m.bot_id === undefined && m.user !== undefined && bot.botUserId !== undefined && m.user !== bot.botUserId);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.metadata?.event_type !== EVENT_TYPE || someoneElse(m)) continue;
    const parsed = payloadSchema().safeParse(m.metadata.event_payload);
    if (!parsed.success) continue;
    const { version, ...carried } = parsed.data;
    return { carried: capped(carried), version };
  }
  return undefined;
}
