import type {
  Advice,
  Answer,
  Comparison,
  ConstraintCheck,
  Explanation,
  FigureView,
  Simplification,
  StackView,
} from '../advisor/answer.js';
import type { Metrics } from '../algebra/metrics.js';
import type { RewriteStep } from '../algebra/normalize.js';

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

function metricsLine(m: Metrics, s: Style): string[] {
  const lines = [
    `${s.bold(m.label)}  Latency ${m.latency} · Security ${m.security} · Observability ${m.observability}  ${s.dim(`[${m.source}]`)}`,
  ];
  if (m.estimate) for (const d of m.estimate.derivation) lines.push(s.yellow(`estimate: ${d}`));
  return lines;
}

function figureLines(figures: readonly FigureView[], s: Style): string[] {
  return figures.map((f) => `${f.quantity.replace('_', ' ')} ${f.text}  ${s.dim(f.source)}`);
}

function stepLines(steps: readonly RewriteStep[], s: Style): string[] {
  if (steps.length === 0) return ['already a normal form: no rule applies'];
  return steps.map((st) => `${s.bold(st.axiom)}  ${st.before} ⟶ ${st.after}  ${s.dim(st.rule)}`);
}

function checkLine(c: ConstraintCheck, s: Style): string {
  const mark = c.status === 'met' ? s.green('✓') : c.status === 'violated' ? s.red('✗') : s.yellow('?');
  return `${mark} ${c.reason}`;
}

function stackLines(stack: StackView, s: Style): string[] {
  return [
    ...(stack.implementation.length === 0 ? [] : [`implementation: ${stack.implementation.join(' · ')}`]),
    ...(stack.composed ? [s.yellow(stack.why)] : []),
    ...stack.caveats.map((c) => s.yellow(`⚠ ${c}`)),
    ...(stack.commands.length === 0 ? ['deploy: nothing'] : ['deploy:', ...stack.commands.map((c) => `  $ ${c}`)]),
  ];
}

const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

function advice(a: Advice, s: Style): string[] {
  const r = a.recommendation;
  const out: string[] = [`${s.bold('Request')}  ${a.request}`, ''];
  out.push(s.bold('1 Requirements → operator word'));
  const reqs = a.requirements
    .filter((q) => q.from !== 'constraint')
    .map((q) => {
      const from = q.from === 'thread' ? s.dim(' (earlier in the thread)') : '';
      return `“${q.text}” → ${q.negated ? 'NOT ' : ''}${q.label}${from}`;
    });
  const cons = a.constraints.map(
    (c) =>
      `“${c.text}” → ${c.label} ${c.comparator} ${c.value} ${c.unit}${c.assumption ? s.dim(` (${c.assumption})`) : ''}`,
  );
  out.push(...indent([...reqs, ...cons]));
  if (a.ignored.length > 0) out.push(indent([s.yellow(`not understood: ${a.ignored.join(', ')}`)])[0]);
  out.push(indent([`word: ${a.word}`])[0], '');
  out.push(s.bold('2 Simplify → normal form'), ...indent(stepLines(a.steps, s)));
  out.push(
    ...indent(a.warnings.map((w) => s.yellow(`warning: ${w}`))),
    indent([`normal form: ${s.bold(r.normalForm)}`])[0],
    '',
  );
  out.push(s.bold('3 Look up → metrics'), ...indent(metricsLine(r.metrics, s)), ...indent(figureLines(r.figures, s)));
  out.push(...indent(r.checks.map((c) => checkLine(c, s))), '');
  out.push(
    s.bold(`4 Land it → ${r.stack}`),
    ...indent(stackLines({ ...r, name: r.stack, id: r.stackId, why: '', composed: false }, s)),
    '',
  );
  out.push(s.bold('Why'), ...indent(r.why.map((w) => `• ${w}`)));
  if (a.conflicts.length > 0)
    out.push('', s.bold(s.red('Conflicts')), ...indent(a.conflicts.map((c) => `! ${c.message}`)));
  if (a.alternatives.length > 0) {
    out.push('', s.bold('Alternatives'));
    for (const alt of a.alternatives) {
      const excluded = alt.excludedBy.length > 0 ? s.red(` excluded: ${alt.excludedBy.join('; ')}`) : '';
      out.push(`  • ${alt.stack}  ${alt.normalForm} ${alt.metrics.label}${excluded}`);
      if (alt.givesUp.length > 0) out.push(`      gives up: ${alt.givesUp.join('; ')}`);
      if (alt.gains.length > 0) out.push(`      gains: ${alt.gains.join('; ')}`);
    }
  }
  return out;
}

function simplification(a: Simplification, s: Style): string[] {
  return [
    `${s.bold('Word')}  ${a.word}`,
    '',
    s.bold('Simplify → normal form'),
    ...indent(stepLines(a.steps, s)),
    ...indent(a.warnings.map((w) => s.yellow(`warning: ${w}`))),
    `  normal form: ${s.bold(a.normalForm)}`,
    '',
    s.bold('Look up → metrics'),
    ...indent(metricsLine(a.metrics, s)),
    ...indent(figureLines(a.stack.figures, s)),
    '',
    s.bold(`Land it → ${a.stack.name}`),
    ...indent(stackLines(a.stack, s)),
    ...(a.stack.composed ? [] : ['', s.bold('Why'), `  ${a.stack.why}`]),
  ];
}

function explanation(a: Explanation, s: Style): string[] {
  const out: string[] = [];
  const o = a.operator;
  if (o) {
    out.push(`${s.bold(`${o.symbol} — ${o.name.en} (${o.name.zh})`)}  ${s.dim(`${o.class}`)}`);
    out.push(`  maps ${o.maps.from} → ${o.maps.to}`);
    out.push(`  implementations: ${o.implementations.join(', ')}`);
    if (o.figureViews.length > 0) out.push('  figures:', ...indent(indent(figureLines(o.figureViews, s))));
    out.push(`  when to use it: ${o.when}`);
    out.push(
      a.stacks.length > 0
        ? `  in the stacks: ${a.stacks.map((st) => `${st.name} (${st.normalForm} ${st.label})`).join('; ')}`
        : '  in no stack of the knowledge base yet',
    );
    return out;
  }
  if (a.note) out.push(`${s.bold(a.target)}  ${a.note}`);
  if (a.simplification) out.push(...simplification(a.simplification, s));
  return out;
}

function comparison(a: Comparison, s: Style): string[] {
  const out = [s.bold('Compare')];
  a.items.forEach((item, k) => {
    out.push(`  ${k + 1}. ${item.input}`);
    out.push(
      `     ${item.normalForm}  ${item.metrics.label}  ${item.stack}${item.metrics.estimate ? s.yellow(' (estimate)') : ''}`,
    );
    for (const f of item.figures) out.push(`     ${f.quantity.replace('_', ' ')} ${f.text}`);
  });
  out.push('', s.bold('Who wins on what'), ...indent(a.summary));
  return out;
}

export const HELP_TEXT = `stack-advisor — which runtime / isolation / mesh stack fits your requirements

  stack-advisor advise "<requirements>"     e.g. "edge, cold start < 10ms, memory < 50MB" or "强隔离+合规，多租户"
  stack-advisor simplify "<operator word>"  e.g. "V -> C -> M -> C" (use - to read it from standard input)
  stack-advisor explain <operator|form>     e.g. Am, W, V∘S∘C∘M
  stack-advisor compare "<a>" "<b>" [...]   requirements or operator words, side by side
  stack-advisor blocks "<text>"             the Block Kit JSON the Slack bot would send for /stack <text>
  stack-advisor kit "<word or requirements>" --out DIR [--app NAME] [--image IMAGE] [--force]

Options: --json (machine-readable), --no-color, --help, --version. Exit codes: 0 answered, 2 bad input, 1 cannot run.
Operators: V Kc F G Cc (heads) · I C S (base) · M W We Am P Ns Cg O E Ist Otel Gk (add-ons) · ∅ · V⁻¹`;

/** An answer as terminal text, coloured only when asked (on a TTY). */
export function renderText(answer: Answer, options: { color: boolean }): string {
  const s = options.color ? COLOR : PLAIN;
  const body =
    answer.kind === 'advice'
      ? advice(answer, s)
      : answer.kind === 'simplification'
        ? simplification(answer, s)
        : answer.kind === 'explanation'
          ? explanation(answer, s)
          : answer.kind === 'comparison'
            ? comparison(answer, s)
            : [HELP_TEXT];
  return [...body, '', s.dim(`knowledge base ${answer.knowledgeVersion}`)].join('\n');
}
