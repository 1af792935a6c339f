import type { Advice, Candidate, ConstraintCheck } from '../advisor/answer.js';
import { blocks, bullets, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricsBlocks, stackBlocks, stepsText, warningsText } from './blocks-stack.js';
import type { SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import type { Phrases } from './phrases.js';
import { phrases } from './phrases.js';

/** How much of the request is quoted back; the rest is cut visibly. */
const REQUEST_SHOWN = 500;
const ALTERNATIVES_SHOWN = 5;

function requirementsText(p: Phrases, a: Advice): string {
  // A need a number implies ("cold start < 10ms" is also the need "cold start") is shown once, as the number.
  const needs = a.requirements
    .filter((r) => r.from !== 'constraint')
    .map((r) => {
      const label = `${r.negated ? `${p.not} ` : ''}${escapeText(r.label)}`;
      const from = r.from === 'thread' ? ` _(${p.fromThread})_` : '';
      return `${quoted(r.text)} → *${label}*${from}`;
    });
  const constraints = a.constraints.map((c) => {
    const assumed = c.assumption === undefined ? '' : ` _(${p.assumed}: ${escapeText(c.assumption)})_`;
    const from = c.from === 'thread' ? ` _(${p.fromThread})_` : '';
    return `${quoted(c.text)} → *${escapeText(c.label)} ${escapeText(c.comparator)} ${c.value} ${c.unit}*${assumed}${from}`;
  });
  const lines = [...needs, ...constraints];
  const list = lines.length === 0 ? `*${p.step1}*\n${p.noRequirements}` : bullets(p.step1, lines, 2400);
  return `${list}\n*${p.word}:* ${codeSpan(a.word)}`;
}

const STATUS: Record<ConstraintCheck['status'], string> = { met: '✅', violated: '❌', unknown: '❔' };

function checkLine(c: ConstraintCheck): string {
  const figure = c.figure === undefined ? '' : ` (${escapeText(c.figure)})`;
  return `${STATUS[c.status]} ${escapeText(c.constraint)}${figure}: ${escapeText(c.reason)}`;
}

function alternativeLine(p: Phrases, c: Candidate): string {
  // What excludes a stack is also something it gives up: said once, as the exclusion.
  const givesUp = c.givesUp.filter((g) => !c.excludedBy.includes(g));
  const gives = givesUp.length === 0 ? '' : ` — ${p.givesUp}: ${givesUp.map(escapeText).join('; ')}`;
  const excluded = c.excludedBy.length === 0 ? '' : ` — ${p.excludedBy}: ${c.excludedBy.map(escapeText).join('; ')}`;
  return `*${escapeText(c.stack)}* ${codeSpan(c.normalForm)} ${codeSpan(c.metrics.label)}${gives}${excluded}`;
}

/** An advice as Block Kit: the request, the four steps, why, alternatives, conflicts, what was ignored, buttons. */
export function adviceMessage(a: Advice, options: MessageOptions = {}): SlackMessage {
  const p = phrases(a.language);
  const r = a.recommendation;
  // The advisor's reasons already state each constraint check in words; the icons make the verdicts scannable.
  const violated = r.checks.filter((c) => c.status !== 'met');
  const why = [bullets(p.why, r.why.map(escapeText)), bullets(p.checks, violated.map(checkLine))]
    .filter((t) => t !== '')
    .join('\n');
  const alternatives = a.alternatives.slice(0, ALTERNATIVES_SHOWN);
  return {
    text: `${p.adviceTitle}: ${escapeText(r.stack)} (${r.normalForm} ${r.metrics.label}) — ${escapeText(cutText(a.request, 200))}`,
    blocks: blocks(
      header(`${r.stack} ${r.metrics.label}`),
      section(`*${p.request}:* ${quoted(cutText(a.request, REQUEST_SHOWN))}`),
      section(requirementsText(p, a)),
      section([stepsText(p, a.steps, r.normalForm), warningsText(a.warnings)].filter((t) => t !== '').join('\n')),
      metricsBlocks(p, r.metrics, r.figures),
      stackBlocks(p, { name: r.stack, implementation: r.implementation, commands: r.commands, caveats: r.caveats }),
      section(why),
      section(
        bullets(
          p.conflicts,
          a.conflicts.map((c) => `⚠️ ${escapeText(c.message)}`),
        ),
      ),
      section(
        bullets(
          p.alternatives,
          alternatives.map((c) => alternativeLine(p, c)),
        ),
      ),
      section(a.ignored.length === 0 ? '' : `*${p.ignored}:* ${a.ignored.map(quoted).join(', ')}`),
      footer(p, options, {
        version: a.knowledgeVersion,
        compareForms: [r.normalForm, ...alternatives.map((c) => c.normalForm)],
        normalForm: r.normalForm,
        kitStack: r.commandsFrom,
      }),
    ),
  };
}
