import type { Answer } from '../advisor/answer.js';
import type { Language } from '../language.js';
import type { Failure } from '../result.js';
import { adviceMessage } from './blocks-advice.js';
import { comparisonMessage } from './blocks-comparison.js';
import { context, section } from './blocks-elements.js';
import { explanationMessage } from './blocks-explanation.js';
import type { MessageOptions } from './blocks-footer.js';
import { helpMessage } from './blocks-help.js';
import { simplificationMessage } from './blocks-simplification.js';
import type { SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { fitMessage } from './limits.js';
import { messages } from './messages/index.js';

export type { MessageOptions } from './blocks-footer.js';

/** Any answer as a Slack message within Block Kit limits, with a `text` fallback. Pure: same answer, same message. */
export function answerMessage(answer: Answer, options: MessageOptions = {}): SlackMessage {
  const m = messages(answer.language);
  switch (answer.kind) {
    case 'advice':
      return fitMessage(adviceMessage(answer, options), m);
    case 'simplification':
      return fitMessage(simplificationMessage(answer, options), m);
    case 'explanation':
      return fitMessage(explanationMessage(answer, options), m);
    case 'comparison':
      return fitMessage(comparisonMessage(answer, options), m);
    case 'help':
      return fitMessage(helpMessage(answer, options), m);
  }
}

/** A request the advisor could not answer: its reason, and where to look next, in the request's language. */
export function failureMessage(failure: Failure, language?: Language): SlackMessage {
  const m = messages(failure.language ?? language);
  const reason = m.failure(failure);
  return fitMessage(
    {
      text: `${m.label(m.failureFallback)} ${escapeText(reason)}`,
      blocks: [...section(`⚠️ ${escapeText(reason)}`), ...context([`${m.failureHint} · ${codeSpan(failure.code)}`])],
    },
    m,
  );
}

/** What the user sees when the bot itself failed: short, and never silent. */
export function apologyMessage(language?: Language): SlackMessage {
  const text = messages(language).apology;
  return { text, blocks: section(`:warning: ${text}`) };
}
