import type {
  Advice,
  Answer,
  Comparison,
  ConstraintCheck,
  Explanation,
  FigureView,
  RadarMark,
  Simplification,
  StackView,
} from '../advisor/answer.js';
import type { Metrics } from '../algebra/metrics.js';
import type { RewriteStep } from '../algebra/normalize.js';
import { comparisonSummary } from './blocks-comparison.js';
import { estimateLines } from './blocks-stack.js';
import { type Messages, messages } from './messages/index.js';
import { isWarning, plainBadges, plainMarkLine } from './radar.js';

/** Styling for a terminal: ANSI colour on a TTY, plain text otherwise. */
interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const PLAIN: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, red: (s) => s, yellow: (s) => s };
const COLOR: Style = { bold: ansi(1), dim: ansi(2), green: ansi(32), red: ansi(31), yellow: ansi(33) };

function metricsLine(m: Messages, metrics: Metrics, s: Style): string[] {
  const d = m.dimensions;
  const lines = [
    `${s.bold(metrics.label)}  ${d.latency} ${metrics.latency} · ${d.security} ${metrics.security} · ${d.observability} ${metrics.observability}  ${s.dim(`[${m.metricSource(metrics.source)}]`)}`,
  ];
  for (const line of estimateLines(m, metrics)) lines.push(s.yellow(`${m.label(m.estimateTitle)} ${line}`));
  return lines;
}

function figureLines(m: Messages, figures: readonly FigureView[], s: Style): string[] {
  return figures.map((f) => `${m.quantities[f.quantity]} ${f.text}  ${s.dim(m.figureSource(f.source))}`);
}

function stepLines(m: Messages, steps: readonly RewriteStep[], s: Style): string[] {
  if (steps.length === 0) return [m.alreadyNormal];
  return steps.map((st) => `${s.bold(st.axiom)}  ${st.before} ⟶ ${st.after}  ${s.dim(m.rule(st.rule))}`);
}

function checkLine(m: Messages, c: ConstraintCheck, s: Style): string {
  const mark = c.status === 'met' ? s.green('✓') : c.status === 'violated' ? s.red('✗') : s.yellow('?');
  return `${mark} ${m.check(c)}`;
}

function stackLines(m: Messages, stack: StackView, s: Style, marks?: readonly RadarMark[]): string[] {
  const t = m.terminal;
  return [
    ...(stack.implementation.length === 0
      ? []
      : [`${m.label(t.implementation)} ${stack.implementation.map(m.text).join(' · ')}`]),
    ...stack.caveats.map((c) => s.yellow(`⚠ ${m.text(c)}`)),
    ...(marks === undefined || marks.length === 0 ? [] : [`${m.label(t.radar)} ${plainBadges(m, marks)}`]),
    ...(stack.composition !== undefined ? [s.yellow(m.composed(stack.composition))] : []),
    ...(stack.commands.length === 0
      ? [t.deployNothing]
      : [`${m.label(t.deploy)}`, ...stack.commands.map((c) => `  $ ${c}`)]),
  ];
}

const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

function advice(m: Messages, a: Advice, s: Style): string[] {
  const t = m.terminal;
  const r = a.recommendation;
  const out: string[] = [`${s.bold(t.request)}  ${a.request}`, ''];
  if (a.outOfScope.length > 0) out.push(s.yellow(m.outOfScope(a.outOfScope)), '');
  out.push(s.bold(m.step1));
  const reqs = a.requirements
    .filter((q) => !q.implied)
    .map((q) => {
      const from = q.source === 'thread' ? s.dim(` (${t.earlierInThread})`) : '';
      return `${m.quote(q.text)} → ${q.negated ? `${m.not} ` : ''}${m.text(q.label)}${from}`;
    });
  const cons = a.constraints.map(
    (c) =>
      `${m.quote(c.text)} → ${m.constraint(c)}${c.assumptions.length > 0 ? s.dim(` (${c.assumptions.map(m.assumption).join('; ')})`) : ''}`,
  );
  out.push(...indent([...reqs, ...cons]));
  if (a.ignored.length > 0) out.push(indent([s.yellow(`${m.label(t.notUnderstood)} ${a.ignored.join(', ')}`)])[0]);
  out.push(indent([`${m.label(t.wordLine)} ${a.word}`])[0], '');
  out.push(s.bold(m.step2), ...indent(stepLines(m, a.steps, s)));
  out.push(
    ...indent(a.warnings.map((w) => s.yellow(`${m.label(t.warning)} ${m.warning(w)}`))),
    indent([`${m.label(t.normalForm)} ${s.bold(r.normalForm)}`])[0],
    '',
  );
  out.push(s.bold(m.step3), ...indent(metricsLine(m, r.metrics, s)), ...indent(figureLines(m, r.stack.figures, s)));
  out.push(...indent(r.checks.map((c) => checkLine(m, c, s))), '');
  out.push(
    s.bold(`${m.label(m.step4)} ${m.text(r.stack.name)}`),
    ...indent(stackLines(m, { ...r.stack, composition: undefined }, s, r.marks)),
    '',
  );
  out.push(
    s.bold(m.why),
    ...indent(r.reasons.map((w) => (isWarning(w) ? s.yellow(`! ${m.reason(w)}`) : `• ${m.reason(w)}`))),
  );
  if (a.conflicts.length > 0)
    out.push('', s.bold(s.red(m.conflicts)), ...indent(a.conflicts.map((c) => `! ${m.conflict(c)}`)));
  if (a.alternatives.length > 0) {
    out.push('', s.bold(m.alternatives));
    for (const alt of a.alternatives) {
      const excluded =
        alt.excludedBy.length > 0
          ? s.red(` ${m.label(m.excludedBy)} ${alt.excludedBy.map(m.exclusion).join('; ')}`)
          : '';
      const radar = alt.marks === undefined || alt.marks.length === 0 ? '' : `  ${plainBadges(m, alt.marks)}`;
      out.push(`  • ${m.text(alt.stack)}  ${alt.normalForm} ${alt.metrics.label}${radar}${excluded}`);
      if (alt.givesUp.length > 0) out.push(`      ${m.label(m.givesUp)} ${alt.givesUp.map(m.trade).join('; ')}`);
      if (alt.gains.length > 0) out.push(`      ${m.label(m.gains)} ${alt.gains.map(m.trade).join('; ')}`);
    }
  }
  return out;
}

function simplification(m: Messages, a: Simplification, s: Style): string[] {
  const t = m.terminal;
  const why = a.stack.empty
    ? m.nothingToDeploy
    : a.stack.composition === undefined && a.stack.why !== undefined
      ? m.text(a.stack.why)
      : undefined;
  return [
    `${s.bold(m.word)}  ${a.word}`,
    '',
    s.bold(m.step2),
    ...indent(stepLines(m, a.steps, s)),
    ...indent(a.warnings.map((w) => s.yellow(`${m.label(t.warning)} ${m.warning(w)}`))),
    `  ${m.label(t.normalForm)} ${s.bold(a.normalForm)}`,
    '',
    s.bold(m.step3),
    ...indent(metricsLine(m, a.metrics, s)),
    ...indent(figureLines(m, a.stack.figures, s)),
    '',
    s.bold(`${m.label(m.step4)} ${m.text(a.stack.name)}`),
    ...indent(stackLines(m, a.stack, s, a.marks)),
    ...indent((a.marks ?? []).filter((x) => x.ring === 'hold').map((x) => s.yellow(`! ${plainMarkLine(m, x)}`))),
    ...(why === undefined ? [] : ['', s.bold(m.why), `  ${why}`]),
  ];
}

function explanation(m: Messages, a: Explanation, s: Style): string[] {
  const out: string[] = [];
  const o = a.operator;
  if (o) {
    const name = m.operatorName(o.name);
    out.push(`${s.bold(`${o.symbol} — ${name}`)}  ${s.dim(m.operatorClass[o.class])}`);
    out.push(`  ${m.label(m.maps)} ${m.text(o.maps.from)} → ${m.text(o.maps.to)}`);
    out.push(`  ${m.label(m.implementations)} ${o.implementations.map(m.text).join(', ')}`);
    if (o.figureViews.length > 0)
      out.push(`  ${m.label(m.terminal.figures)}`, ...indent(indent(figureLines(m, o.figureViews, s))));
    out.push(`  ${m.label(m.whenToUse)} ${m.text(o.when)}`);
    out.push(
      a.stacks.length > 0
        ? `  ${m.label(m.inStacks)} ${a.stacks.map((st) => `${st.name} (${st.normalForm} ${st.label})`).join('; ')}`
        : `  ${m.inNoStack}`,
    );
    if (a.marks !== undefined && a.marks.length > 0) {
      out.push(`  ${m.label(m.terminal.radar)}`, ...a.marks.map((x) => `    ${plainMarkLine(m, x)}`));
    }
    return out;
  }
  if (a.glossary) out.push(`${s.bold(a.target)}  ${m.glossary(a.glossary)}`);
  if (a.simplification) out.push(...simplification(m, a.simplification, s));
  return out;
}

function comparison(m: Messages, a: Comparison, s: Style): string[] {
  const out = [s.bold(m.terminal.compare)];
  a.items.forEach((item, k) => {
    out.push(`  ${k + 1}. ${item.input}`);
    out.push(
      `     ${item.normalForm}  ${item.metrics.label}  ${m.text(item.stack)}${item.metrics.estimate ? s.yellow(` ${m.estimateMark}`) : ''}`,
    );
    const marks = item.answer.kind === 'advice' ? item.answer.recommendation.marks : item.answer.marks;
    if (marks !== undefined && marks.length > 0) out.push(`     ${m.label(m.terminal.radar)} ${plainBadges(m, marks)}`);
    for (const f of item.figures) out.push(`     ${m.quantities[f.quantity]} ${f.text}`);
  });
  out.push('', s.bold(m.terminal.whoWins), ...indent(comparisonSummary(m, a)));
  return out;
}

/** An answer as terminal text in the answer's language, coloured only when asked (on a TTY). */
export function renderText(answer: Answer, options: { color: boolean }): string {
  const s = options.color ? COLOR : PLAIN;
  const m = messages(answer.language);
  const body =
    answer.kind === 'advice'
      ? advice(m, answer, s)
      : answer.kind === 'simplification'
        ? simplification(m, answer, s)
        : answer.kind === 'explanation'
          ? explanation(m, answer, s)
          : answer.kind === 'comparison'
            ? comparison(m, answer, s)
            : [m.cliHelp];
  const radar = answer.kind === 'help' ? undefined : answer.radar;
  return [
    ...body,
    '',
    s.dim(`${m.terminal.knowledge} ${answer.knowledgeVersion}`),
    ...(radar === undefined ? [] : [s.dim(`${m.terminal.radar} ${radar.version}`)]),
  ].join('\n');
}
