import type { Simplification } from '../advisor/answer.js';
import { blocks, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricsBlocks, stackViewBlocks, stepsText, warningsText } from './blocks-stack.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import { type Messages, messages } from './messages/index.js';
import { markLine } from './radar.js';

/** The body of a simplification, shared with an explanation of a form: word, trace, metrics, stack. */
export function simplificationBody(m: Messages, s: Simplification): Block[] {
  return blocks(
    section(
      `*${m.label(m.word)}* ${codeSpan(s.word)}${s.input === s.word ? '' : ` (${quoted(cutText(s.input, 300, m))})`}`,
    ),
    section([stepsText(m, s.steps, s.normalForm), warningsText(m, s.warnings)].filter((t) => t !== '').join('\n')),
    metricsBlocks(m, s.metrics, s.stack.figures),
    stackViewBlocks(m, s.stack, s.marks),
    // The word names its technologies itself: what the radar holds is shown as a warning, not ruled out.
    section(
      (s.marks ?? [])
        .filter((mark) => mark.ring === 'hold')
        .map((mark) => `⚠️ ${markLine(m, mark)}`)
        .join('\n'),
    ),
  );
}

/** An operator word simplified: the rewrite trace, the normal form, its metrics and the stack it lands on. */
export function simplificationMessage(s: Simplification, options: MessageOptions = {}): SlackMessage {
  const m = messages(s.language);
  return {
    text: `${s.word} → ${s.normalForm} ${s.metrics.label}: ${escapeText(m.text(s.stack.name))}`,
    blocks: blocks(
      header(`${s.normalForm} ${s.metrics.label}`),
      simplificationBody(m, s),
      footer(m, options, {
        version: s.knowledgeVersion,
        normalForm: s.normalForm,
        kitStack: s.stack.commandsFrom,
        ...(s.radar === undefined ? {} : { radar: s.radar.version }),
      }),
    ),
  };
}
