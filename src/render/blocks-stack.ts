import type { FigureView, StackView } from '../advisor/answer.js';
import type { Metrics } from '../algebra/metrics.js';
import type { RewriteStep } from '../algebra/normalize.js';
import { bullets, codeBlock, context, fields, section } from './blocks-elements.js';
import type { Block } from './blocks-types.js';
import { codeSpan, escapeText } from './escape.js';
import { LIMITS } from './limits.js';
import type { Phrases } from './phrases.js';

/** The pieces every stack-shaped answer shares: rewrite steps, metrics with figures, the stack and its commands. */

/** Step 2: each rewrite with its axiom, then the normal form. */
export function stepsText(p: Phrases, steps: readonly RewriteStep[], normalForm: string): string {
  const lines = steps.map(
    (s) => `${codeSpan(s.axiom)} ${escapeText(s.rule)}: ${codeSpan(s.before)} → ${codeSpan(s.after)}`,
  );
  const trace = lines.length === 0 ? p.alreadyNormal : bullets(p.step2, lines, LIMITS.sectionText - 200);
  const head = lines.length === 0 ? `*${p.step2}*\n${trace}` : trace;
  return `${head}\n*${p.normalForm}:* ${codeSpan(normalForm)}`;
}

export function warningsText(warnings: readonly string[]): string {
  return warnings.map((w) => `⚠️ ${escapeText(w)}`).join('\n');
}

const score = (n: number): string => `${n} / 5`;

/** The three metrics, then the physical figures, as at most 10 fields. */
export function metricFields(p: Phrases, metrics: Metrics, figures: readonly FigureView[]): string[] {
  return [
    `*${p.latency}*\n${score(metrics.latency)}`,
    `*${p.security}*\n${score(metrics.security)}`,
    `*${p.observability}*\n${score(metrics.observability)}`,
    ...figures.map((f) => `*${escapeText(p.quantities[f.quantity])}*\n${escapeText(f.text)}`),
  ].slice(0, LIMITS.fields);
}

/** Step 3: the metrics and figures as fields, their sources in a context line. */
export function metricsBlocks(p: Phrases, metrics: Metrics, figures: readonly FigureView[]): Block[] {
  const sources = figures.map((f) => `${escapeText(p.quantities[f.quantity])}: ${escapeText(f.source)}`);
  const estimate = metrics.estimate?.derivation.map(escapeText) ?? [];
  return [
    ...fields(metricFields(p, metrics, figures), `*${p.step3}* ${codeSpan(metrics.label)}`),
    ...context([
      `${p.metricSource}: ${escapeText(metrics.source)}`,
      ...estimate,
      ...(sources.length === 0 ? [] : [`${p.sources}: ${sources.join(' · ')}`]),
    ]),
  ];
}

export interface StackLike {
  readonly name: string;
  readonly implementation: readonly string[];
  readonly commands: readonly string[];
  readonly composed?: boolean;
  readonly caveats?: readonly string[];
}

/** Step 4: the stack, how it is implemented, and the commands to deploy it in a code block. */
export function stackBlocks(p: Phrases, stack: StackLike): Block[] {
  const composed = stack.composed === true ? `\n_${p.composed}_` : '';
  const caveats = (stack.caveats ?? []).map((c) => `\n⚠ ${escapeText(c)}`).join('');
  return [
    ...section(
      `*${p.step4}*\n*${p.stack}:* ${escapeText(stack.name)}${composed}\n*${p.implementation}:* ${stack.implementation.map(escapeText).join(', ')}${caveats}`,
    ),
    ...section(codeBlock(p.commands, stack.commands)),
  ];
}

/** A stack as answered to a word (no request): same as above, with its own `why`. */
export function stackViewBlocks(p: Phrases, stack: StackView): Block[] {
  return [...stackBlocks(p, stack), ...section(stack.why === '' ? '' : `*${p.why}:* ${escapeText(stack.why)}`)];
}
