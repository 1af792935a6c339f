import type { Context } from '@slack/bolt';
import type { Answer, Comparator, Conflict, ConstraintCheck } from '../advisor/answer.js';
import type { Failure, FailureCode } from '../failure.js';
import type { Language } from '../language.js';
import type { Result } from '../result.js';

/**
 * What was answered, one record per answer, for `stack-advisor report`: a distributed app keeps them in PostgreSQL
 * (the `answers` table); without a database nothing is recorded. Recording never waits for the database and never
 * throws: the answer matters more than its record.
 */
export interface AnswerLog {
  record(answer: AnswerRecord): void;
}

/** Where a question was asked: the slash command, a mention, a DM, the message shortcut, the requirements form. */
export type Surface = 'command' | 'mention' | 'dm' | 'shortcut' | 'form';

export const CHANNEL_TYPES = ['channel', 'group', 'im', 'mpim', 'unknown'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** A numeric requirement the recommended stack does not meet (violated), or that no figure decides (unknown). */
export interface UnmetLimit {
  readonly quantity: ConstraintCheck['constraint']['quantity'];
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: 'ms' | 'MB';
  readonly status: 'violated' | 'unknown';
}

/** A conflict the answer reported: its kind and the ids it names (stacks, needs, quantities, radar entries). */
export interface ConflictFact {
  readonly kind: Conflict['kind'];
  readonly subjects: readonly string[];
}

/** The facts of one answer (the asker's words too: the store keeps them only when AUDIT_STORE_TEXT=true). */
export interface AnswerRecord {
  readonly enterpriseId: string;
  readonly teamId: string;
  readonly channelType: ChannelType;
  readonly surface: Surface;
  /** The answer's kind, or `refused` when the advisor turned the request down (`failureCode` says why). */
  readonly kind: Answer['kind'] | 'refused';
  readonly failureCode?: FailureCode;
  readonly normalForm?: string;
  readonly stackId?: string;
  readonly knowledgeVersion: string;
  readonly language: Language;
  readonly ms: number;
  readonly unmet: readonly UnmetLimit[];
  readonly conflicts: readonly ConflictFact[];
  readonly text: string;
}

/** The kind of a conversation: Slack's own word when it gives one, otherwise read from the id (C…, G…, D…). */
export function channelTypeOf(channel: string | undefined, given?: string): ChannelType {
  if (given !== undefined && (CHANNEL_TYPES as readonly string[]).includes(given)) return given as ChannelType;
  if (given === 'directmessage') return 'im';
  if (given === 'privategroup') return 'group';
  if (given === 'mpdm') return 'mpim';
  if (channel?.startsWith('C')) return 'channel';
  if (channel?.startsWith('G')) return 'group';
  if (channel?.startsWith('D')) return 'im';
  return 'unknown';
}

function conflictFact(c: Conflict): ConflictFact {
  switch (c.kind) {
    case 'no-stack-meets-all':
      return { kind: c.kind, subjects: [c.closest.id] };
    case 'unknown-for-all':
      return { kind: c.kind, subjects: [c.constraint.quantity] };
    case 'favorite-excluded':
      return { kind: c.kind, subjects: [c.need, c.favorite.id] };
    case 'contradiction':
      return { kind: c.kind, subjects: [c.first, c.second] };
    case 'radar-excludes-all':
      return { kind: c.kind, subjects: c.holds.map((h) => h.id) };
  }
}

/** The facts of an answer (or of a refusal) as recorded, without where it was asked. */
export function answerFacts(
  result: Result<Answer, Failure>,
  fallback: Language | undefined,
): Pick<AnswerRecord, 'kind' | 'failureCode' | 'normalForm' | 'stackId' | 'language' | 'unmet' | 'conflicts'> {
  if (!result.ok) {
    return {
      kind: 'refused',
      failureCode: result.error.code,
      language: result.error.language ?? fallback ?? 'en',
      unmet: [],
      conflicts: [],
    };
  }
  const a = result.value;
  const base = { kind: a.kind, language: a.language, unmet: [], conflicts: [] };
  switch (a.kind) {
    case 'advice': {
      const r = a.recommendation;
      const unmet = r.checks.flatMap((c): UnmetLimit[] =>
        c.status === 'met' || c.tolerance === true
          ? []
          : [
              {
                quantity: c.constraint.quantity,
                comparator: c.constraint.comparator,
                value: c.constraint.value,
                unit: c.constraint.unit,
                status: c.status,
              },
            ],
      );
      return {
        ...base,
        normalForm: r.normalForm,
        ...(r.stack.id === undefined ? {} : { stackId: r.stack.id }),
        unmet,
        conflicts: a.conflicts.map(conflictFact),
      };
    }
    case 'simplification':
      return { ...base, normalForm: a.normalForm, ...(a.stack.id === undefined ? {} : { stackId: a.stack.id }) };
    case 'explanation':
      return {
        ...base,
        ...(a.simplification === undefined ? {} : { normalForm: a.simplification.normalForm }),
        ...(a.simplification?.stack.id === undefined ? {} : { stackId: a.simplification.stack.id }),
      };
    default:
      return base;
  }
}

/** Where an answer is told: the metrics' count by stack, and the answer log when the app keeps one (distributed). */
export interface AnswerSinks {
  readonly answers?: AnswerLog;
  readonly answered?: (stackId: string) => void;
}

/** An answer given (to a command, a mention, a DM, the shortcut, the form): counted, and logged when there is a log. */
export function recordAnswer(
  sinks: AnswerSinks,
  where: {
    readonly context: Pick<Context, 'teamId' | 'enterpriseId'>;
    readonly surface: Surface;
    readonly channelType: ChannelType;
    readonly knowledgeVersion: string;
    readonly startedAt: number;
    readonly text: string;
  },
  result: Result<Answer, Failure>,
  fallback: Language | undefined,
): void {
  if (result.ok && result.value.kind === 'advice') sinks.answered?.(result.value.recommendation.stack.id ?? 'other');
  const log = sinks.answers;
  if (log === undefined) return;
  log.record({
    enterpriseId: where.context.enterpriseId ?? '',
    teamId: where.context.teamId ?? '',
    channelType: where.channelType,
    surface: where.surface,
    knowledgeVersion: where.knowledgeVersion,
    ms: Math.max(0, Math.round(performance.now() - where.startedAt)),
    text: where.text,
    ...answerFacts(result, fallback),
  });
}
