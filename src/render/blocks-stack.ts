import type { FigureView, RadarMark, StackView } from '../advisor/answer.js';
import type { Metrics } from '../algebra/metrics.js';
import type { AlgebraWarning, RewriteStep } from '../algebra/normalize.js';
import { bullets, codeBlock, context, fields, section } from './blocks-elements.js';
import type { Block } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { LIMITS } from './limits.js';
import type { Messages } from './messages/index.js';
import { badges } from './radar.js';
import { deepFreeze } from './shared.js';

/** The pieces every stack-shaped answer shares: rewrite steps, metrics with figures, the stack and its commands. */

/** Step 2: each rewrite with its axiom, then the normal form. */
export function stepsText(m: Messages, steps: readonly RewriteStep[], normalForm: string): string {
  const lines = steps.map(
    (s) => `${codeSpan(s.axiom)} ${escapeText(m.rule(s.rule))}: ${codeSpan(s.before)} → ${codeSpan(s.after)}`,
  );
  const trace = lines.length === 0 ? m.alreadyNormal : bullets(m.step2, lines, m, LIMITS.sectionText - 200);
  const head = lines.length === 0 ? `*${m.step2}*\n${trace}` : trace;
  return `${head}\n*${m.label(m.normalForm)}* ${codeSpan(normalForm)}`;
}

export function warningsText(m: Messages, warnings: readonly AlgebraWarning[]): string {
  return warnings.map((w) => `⚠️ ${escapeText(m.warning(w))}`).join('\n');
}

/** The three metrics, then the physical figures, as at most 10 fields. */
export function metricFields(m: Messages, metrics: Metrics, figures: readonly FigureView[]): string[] {
  return [
    `*${m.dimensions.latency}*\n${m.score(metrics.latency)}`,
    `*${m.dimensions.security}*\n${m.score(metrics.security)}`,
    `*${m.dimensions.observability}*\n${m.score(metrics.observability)}`,
    ...figures.map((f) => `*${escapeText(m.quantities[f.quantity])}*\n${escapeText(f.text)}`),
  ].slice(0, LIMITS.fields);
}

/** The lines that say how an estimate was made (none for a table row). */
export function estimateLines(m: Messages, metrics: Metrics): string[] {
  const e = metrics.estimate;
  if (e === undefined || metrics.source.kind !== 'estimate') return [];
  return m.estimate(metrics.source.form, [metrics.latency, metrics.security, metrics.observability], e.basis);
}

/**
 * Blocks that depend only on the language and on objects the catalog builds once per knowledge base (a stack's view,
 * a form's metrics, a stack's figures): rendered once for each, frozen, and shared by every answer that shows them.
 * Keyed by identity, so an object built for one answer only (a radar's marks) is simply rendered again.
 */
const keptBlocks = new WeakMap<Messages, WeakMap<object, WeakMap<object, readonly Block[]>>>();

function kept(m: Messages, a: object, b: object, render: () => Block[]): Block[] {
  let byA = keptBlocks.get(m);
  if (byA === undefined) {
    byA = new WeakMap();
    keptBlocks.set(m, byA);
  }
  let byB = byA.get(a);
  if (byB === undefined) {
    byB = new WeakMap();
    byA.set(a, byB);
  }
  let found = byB.get(b);
  if (found === undefined) {
    found = deepFreeze(render());
    byB.set(b, found);
  }
  // A fresh array of the shared blocks: a caller may add to the list, never to a block.
  return [...found];
}

const NO_MARKS: readonly RadarMark[] = [];

/** Step 3: the metrics and figures as fields, their sources in a context line. */
export function metricsBlocks(m: Messages, metrics: Metrics, figures: readonly FigureView[]): Block[] {
  return kept(m, metrics, figures, () => renderMetricsBlocks(m, metrics, figures));
}

function renderMetricsBlocks(m: Messages, metrics: Metrics, figures: readonly FigureView[]): Block[] {
  const sources = figures.map(
    (f) => `${m.label(escapeText(m.quantities[f.quantity]))} ${escapeText(m.figureSource(f.source))}`,
  );
  return [
    ...fields(metricFields(m, metrics, figures), `*${m.step3}* ${codeSpan(metrics.label)}`),
    ...context([
      `${m.label(m.metricSourceTitle)} ${escapeText(m.metricSource(metrics.source))}`,
      ...estimateLines(m, metrics).map(escapeText),
      ...(sources.length === 0 ? [] : [`${m.label(m.sources)} ${sources.join(' · ')}`]),
    ]),
  ];
}

/** Step 4: the stack, how it is implemented, its rings on the radar, and the commands to deploy it in a code block. */
export function stackBlocks(m: Messages, stack: StackView, marks?: readonly RadarMark[]): Block[] {
  return kept(m, stack, marks ?? NO_MARKS, () => renderStackBlocks(m, stack, marks));
}

function renderStackBlocks(m: Messages, stack: StackView, marks?: readonly RadarMark[]): Block[] {
  const composed = stack.composition !== undefined ? `\n_${m.composedNote}_` : '';
  const caveats = stack.caveats.map((c) => `\n⚠ ${escapeText(m.text(c))}`).join('');
  const radar = marks === undefined || marks.length === 0 ? '' : `\n*${m.label(m.radar)}* ${badges(m, marks)}`;
  const commands =
    stack.commands.length === 0 ? section(m.noCommands) : section(codeBlock(m.commands, stack.commands, m));
  return [
    ...section(
      `*${m.step4}*\n*${m.label(m.stack)}* ${escapeText(m.text(stack.name))}${composed}\n*${m.label(m.implementation)}* ${stack.implementation.map((i) => escapeText(m.text(i))).join(', ')}${caveats}${radar}`,
    ),
    ...commands,
  ];
}

/** A stack as answered to a word (no request): same as above, with its own reason. */
export function stackViewBlocks(m: Messages, stack: StackView, marks?: readonly RadarMark[]): Block[] {
  const why = stack.empty
    ? m.nothingToDeploy
    : stack.composition !== undefined
      ? m.composed(stack.composition)
      : stack.why === undefined
        ? ''
        : m.text(stack.why);
  return [...stackBlocks(m, stack, marks), ...section(why === '' ? '' : `*${m.label(m.why)}* ${escapeText(why)}`)];
}
