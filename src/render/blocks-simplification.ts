import type { Simplification } from '../advisor/answer.js';
import { blocks, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricsBlocks, stackViewBlocks, stepsText, warningsText } from './blocks-stack.js';
import type { Block, SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import { type Phrases, phrases } from './phrases.js';

/** The body of a simplification, shared with an explanation of a form: word, trace, metrics, stack. */
export function simplificationBody(p: Phrases, s: Simplification): Block[] {
  return blocks(
    section(`*${p.word}:* ${codeSpan(s.word)}${s.input === s.word ? '' : ` (${quoted(cutText(s.input, 300))})`}`),
    section([stepsText(p, s.steps, s.normalForm), warningsText(s.warnings)].filter((t) => t !== '').join('\n')),
    metricsBlocks(p, s.metrics, s.stack.figures),
    stackViewBlocks(p, s.stack),
  );
}

/** An operator word simplified: the rewrite trace, the normal form, its metrics and the stack it lands on. */
export function simplificationMessage(s: Simplification, options: MessageOptions = {}): SlackMessage {
  const p = phrases('en');
  return {
    text: `${s.word} → ${s.normalForm} ${s.metrics.label}: ${escapeText(s.stack.name)}`,
    blocks: blocks(
      header(`${s.normalForm} ${s.metrics.label}`),
      simplificationBody(p, s),
      footer(p, options, { version: s.knowledgeVersion, normalForm: s.normalForm, kitStack: s.stack.commandsFrom }),
    ),
  };
}
