import { z } from 'zod';
import type { Carried } from '../advisor/answer.js';
import { FigureSchema } from '../knowledge/schema.js';

/**
 * The bot's memory of a thread, kept in Slack itself: each answer carries the recognised requirements as message
 * metadata, and a follow-up reads them back from the thread. No database, survives restarts, works with replicas.
 */
export const EVENT_TYPE = 'stack_advisor_answer';

const CarriedSchema = z.object({
  needs: z.array(z.object({ need: z.string(), negated: z.boolean(), text: z.string() })),
  constraints: z.array(
    z.object({
      quantity: FigureSchema.shape.quantity,
      comparator: z.enum(['<', '<=', '>', '>=', '=']),
      value: z.number(),
      unit: z.enum(['ms', 'MB']),
      text: z.string(),
      assumption: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<Carried>;

const PayloadSchema = CarriedSchema.extend({ version: z.string() });

/** The shape chat.postMessage takes (and Slack's types accept): flat objects in arrays. */
export interface AnswerMetadata {
  event_type: typeof EVENT_TYPE;
  event_payload: {
    version: string;
    needs: { need: string; negated: boolean; text: string }[];
    constraints: { [key: string]: string | number | boolean }[];
  };
}

/** The metadata to attach to an answer, stamped with the knowledge-base version it came from. */
export function answerMetadata(carried: Carried, version: string): AnswerMetadata {
  return {
    event_type: EVENT_TYPE,
    event_payload: {
      version,
      needs: carried.needs.map((n) => ({ need: n.need, negated: n.negated, text: n.text })),
      constraints: carried.constraints.map((c) => ({
        quantity: c.quantity,
        comparator: c.comparator,
        value: c.value,
        unit: c.unit,
        text: c.text,
        ...(c.assumption === undefined ? {} : { assumption: c.assumption }),
      })),
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

// A follow-up carries what a person asked for over a few questions: more than this is not a person's (2.66 of the
// reliability probe: 10,000 carried needs made a 1.35 MB post).
export const MAX_CARRIED = 50;

/** The carried requirements without repeats, at most MAX_CARRIED of each kind. */
export function capped(carried: Carried): Carried {
  const seen = new Set<string>();
  const needs = carried.needs.filter((n) => {
    const key = `${n.need}:${n.negated}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { needs: needs.slice(0, MAX_CARRIED), constraints: carried.constraints.slice(0, MAX_CARRIED) };
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
    const parsed = PayloadSchema.safeParse(m.metadata.event_payload);
    if (!parsed.success) continue;
    const { version, needs, constraints } = parsed.data;
    return { carried: capped({ needs, constraints }), version };
  }
  return undefined;
}
