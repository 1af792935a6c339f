import type { Advice, Candidate, ConstraintCheck } from '../advisor/answer.js';
import { blocks, bullets, header, section } from './blocks-elements.js';
import { footer, type MessageOptions } from './blocks-footer.js';
import { metricsBlocks, stackBlocks, stepsText, warningsText } from './blocks-stack.js';
import type { SlackMessage } from './blocks-types.js';
import { codeSpan, escapeText, quoted } from './escape.js';
import { cutText } from './limits.js';
import { type Messages, messages } from './messages/index.js';
import { badges, isWarning } from './radar.js';

/** How much of the request is quoted back; the rest is cut visibly. */
const REQUEST_SHOWN = 500;
const ALTERNATIVES_SHOWN = 5;

function requirementsText(m: Messages, a: Advice): string {
  // A need a number implies ("cold start < 10ms" is also the need "cold start") is shown once, as the number.
  const needs = a.requirements
    .filter((r) => !r.implied)
    .map((r) => {
      const label = `${r.negated ? `${m.not} ` : ''}${escapeText(m.text(r.label))}`;
      const from = r.source === 'thread' ? ` _(${m.fromThread})_` : '';
      return `${quoted(r.text)} → *${label}*${from}`;
    });
  const constraints = a.constraints.map((c) => {
    const assumed =
      c.assumptions.length === 0
        ? ''
        : ` _(${m.label(m.assumed)} ${escapeText(c.assumptions.map(m.assumption).join('; '))})_`;
    const from = c.source === 'thread' ? ` _(${m.fromThread})_` : '';
    return `${quoted(c.text)} → *${escapeText(m.constraint(c))}*${assumed}${from}`;
  });
  const lines = [...needs, ...constraints];
  const list = bullets(m.step1, lines, m, 2400);
  return `${list}\n*${m.label(m.word)}* ${codeSpan(a.word)}`;
}

const STATUS: Record<ConstraintCheck['status'], string> = { met: '✅', violated: '❌', unknown: '❔' };

function checkLine(m: Messages, c: ConstraintCheck): string {
  const figure = c.figure === undefined ? '' : ` (${escapeText(c.figure.text)})`;
  return `${STATUS[c.status]} ${escapeText(m.constraint(c.constraint))}${figure}: ${escapeText(m.check(c))}`;
}

function alternativeLine(m: Messages, c: Candidate): string {
  const gives =
    c.givesUp.length === 0 ? '' : ` — ${m.label(m.givesUp)} ${c.givesUp.map((t) => escapeText(m.trade(t))).join('; ')}`;
  const excluded =
    c.excludedBy.length === 0
      ? ''
      : ` — ${m.label(m.excludedBy)} ${c.excludedBy.map((e) => escapeText(m.exclusion(e))).join('; ')}`;
  const radar = c.marks === undefined || c.marks.length === 0 ? '' : ` · ${badges(m, c.marks)}`;
  return `*${escapeText(m.text(c.stack))}* ${codeSpan(c.normalForm)} ${codeSpan(c.metrics.label)}${radar}${gives}${excluded}`;
}

/** An advice as Block Kit: the request, the four steps, why, alternatives, conflicts, what was ignored, buttons. */
export function adviceMessage(a: Advice, options: MessageOptions = {}): SlackMessage {
  const m = messages(a.language);
  const r = a.recommendation;
  const name = m.text(r.stack.name);
  // The reasons already state each constraint check in words; the icons make the verdicts scannable.
  const violated = r.checks.filter((c) => c.status !== 'met');
  const why = [
    bullets(
      m.why,
      r.reasons.map((x) => `${isWarning(x) ? '⚠️ ' : ''}${escapeText(m.reason(x))}`).filter((x) => x !== ''),
      m,
    ),
    bullets(
      m.checks,
      violated.map((c) => checkLine(m, c)),
      m,
    ),
  ]
    .filter((t) => t !== '')
    .join('\n');
  const alternatives = a.alternatives.slice(0, ALTERNATIVES_SHOWN);
  return {
    text: `${m.label(m.adviceTitle)} ${escapeText(name)} (${r.normalForm} ${r.metrics.label}) — ${escapeText(cutText(a.request, 200, m))}`,
    blocks: blocks(
      header(`${name} ${r.metrics.label}`),
      section(`*${m.label(m.request)}* ${quoted(cutText(a.request, REQUEST_SHOWN, m))}`),
      section(a.outOfScope.length === 0 ? '' : `ℹ️ ${escapeText(m.outOfScope(a.outOfScope))}`),
      section(requirementsText(m, a)),
      section([stepsText(m, a.steps, r.normalForm), warningsText(m, a.warnings)].filter((t) => t !== '').join('\n')),
      metricsBlocks(m, r.metrics, r.stack.figures),
      stackBlocks(m, r.stack, r.marks),
      section(why),
      section(
        bullets(
          m.conflicts,
          a.conflicts.map((c) => `⚠️ ${escapeText(m.conflict(c))}`),
          m,
        ),
      ),
      section(
        bullets(
          m.alternatives,
          alternatives.map((c) => alternativeLine(m, c)),
          m,
        ),
      ),
      section(a.ignored.length === 0 ? '' : `*${m.label(m.ignored)}* ${a.ignored.map(quoted).join(', ')}`),
      footer(m, options, {
        version: a.knowledgeVersion,
        compareForms: [r.normalForm, ...alternatives.map((c) => c.normalForm)],
        normalForm: r.normalForm,
        kitStack: r.stack.commandsFrom,
        ...(a.radar === undefined ? {} : { radar: a.radar.version }),
      }),
    ),
  };
}
