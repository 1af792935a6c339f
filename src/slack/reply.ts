import type { Answer, Carried } from '../advisor/answer.js';
import { diffAnswers } from '../advisor/diff.js';
import type { Failure } from '../failure.js';
import type { Language } from '../language.js';
import { answerMessage, failureMessage, type MessageOptions } from '../render/blocks.js';
import type { SlackMessage } from '../render/blocks-types.js';
import { withDiff } from '../render/diff.js';
import { sharedValues } from '../render/shared.js';
import type { Result } from '../result.js';
import { type AnswerMetadata, answerMetadata } from './metadata.js';
import type { AdvisorPort } from './services.js';

export interface Reply {
  /** False when the advisor turned the request down: the message then explains why, and is not worth sharing. */
  readonly answered: boolean;
  readonly message: SlackMessage;
  /** What the next question in the thread builds on: this answer's requirements, or the thread's earlier ones. */
  readonly metadata?: AnswerMetadata;
  /** What the metadata carries: the thread's context after this answer (kept in the thread memory too). */
  readonly carried?: Carried;
  /** What the advisor said, as facts: recorded in the answer log. */
  readonly result: Result<Answer, Failure>;
}

/** Help and operator views, up to 512 per advisor (they differ by language, the words asked and the buttons). */
const views = sharedValues<AdvisorPort, SlackMessage>(512);

/**
 * Help and the explanation of an operator are the same for every user of a language and knowledge base (the advisor
 * stands for its knowledge base and radar): rendered once, then reused. Frozen, so that no caller can change what the
 * next one gets.
 */
function sameForEveryone(advisor: AdvisorPort, answer: Answer, options: MessageOptions): SlackMessage {
  const target = answer.kind === 'explanation' ? answer.target : '';
  const key = `${answer.kind}\u0000${answer.language}\u0000${target}\u0000${JSON.stringify(options)}`;
  return views(advisor, key, () => answerMessage(answer, options));
}

/**
 * Asks the advisor and renders what it says, with the metadata that carries the requirements on. `fallback` is the
 * asker's language for a request with none of its own; `language` an explicit choice (a button's).
 */
export function reply(
  advisor: AdvisorPort,
  text: string,
  previous?: Carried,
  options: MessageOptions = {},
  language: { readonly fallback?: Language; readonly language?: Language } = {},
): Reply {
  const result = advisor.answer(text, previous, language);
  if (!result.ok) {
    return {
      answered: false,
      message: failureMessage(result.error, language.language ?? language.fallback),
      ...(previous === undefined ? {} : { metadata: answerMetadata(previous, advisor.version), carried: previous }),
      result,
    };
  }
  const answer = result.value;
  if (previous === undefined && (answer.kind === 'help' || (answer.kind === 'explanation' && answer.operator))) {
    return { answered: true, message: sameForEveryone(advisor, answer, options), result };
  }
  const carried = answer.kind === 'advice' ? answer.carried : previous;
  // A follow-up in a thread leads with what changed since the thread's earlier answer.
  const earlier =
    previous === undefined || answer.kind !== 'advice' ? undefined : advisor.adviseFrom(previous, answer.language);
  const message = answerMessage(answer, options);
  return {
    answered: true,
    message:
      earlier?.ok === true && answer.kind === 'advice'
        ? withDiff(message, diffAnswers(earlier.value, answer))
        : message,
    ...(carried === undefined ? {} : { metadata: answerMetadata(carried, advisor.version), carried }),
    result,
  };
}
