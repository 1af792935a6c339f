import type {
  Advice,
  Answer,
  Candidate,
  Comparison,
  ConstraintCheck,
  Explanation,
  FigureView,
  RadarMark,
  RadarStamp,
  Simplification,
  StackView,
} from '../advisor/answer.js';
import type { Metrics } from '../algebra/metrics.js';
import type { RewriteStep } from '../algebra/normalize.js';
import type { Failure } from '../failure.js';
import type { Language } from '../language.js';
import { comparisonSummary } from './blocks-comparison.js';
import { estimateLines } from './blocks-stack.js';
import { type Messages, messages } from './messages/index.js';

/**
 * An answer as `--json` prints it. The fields machines rely on keep their meaning and stay language-independent
 * (normal forms, labels, stack names, commands, codes); the fields that always held sentences (`why`, `reason`,
 * `message`, `rule`, `summary`, …) hold them in the answer's `language`, and the facts behind them ride beside them.
 */
export function answerJson(answer: Answer): Record<string, unknown> {
  const m = messages(answer.language);
  switch (answer.kind) {
    case 'advice':
      return adviceJson(m, answer);
    case 'simplification':
      return simplificationJson(m, answer);
    case 'explanation':
      return explanationJson(m, answer);
    case 'comparison':
      return comparisonJson(m, answer);
    case 'help':
      return { kind: 'help', language: answer.language, message: m.cliHelp, knowledgeVersion: answer.knowledgeVersion };
  }
}

/** A failure as `--json` prints it: the code for machines, the message in the asker's language. */
export function failureJson(failure: Failure, language?: Language): Record<string, unknown> {
  const lang = failure.language ?? language ?? 'en';
  return {
    error: {
      code: failure.code,
      message: messages(lang).failure(failure),
    },
  };
}

function metricsJson(m: Messages, metrics: Metrics): Record<string, unknown> {
  const { estimate, source, ...rest } = metrics;
  return {
    ...rest,
    source: m.metricSource(source),
    sourceFacts: source,
    ...(estimate === undefined ? {} : { estimate: { basis: estimate.basis, derivation: estimateLines(m, metrics) } }),
  };
}

const figureJson = (m: Messages, f: FigureView) => ({ ...f, source: m.figureSource(f.source), sourceFacts: f.source });

function checkJson(m: Messages, c: ConstraintCheck): Record<string, unknown> {
  return {
    constraint: m.constraint(c.constraint),
    status: c.status,
    ...(c.figure === undefined ? {} : { figure: c.figure.text }),
    reason: m.check(c),
    facts: c,
  };
}

const stepJson = (m: Messages, s: RewriteStep) => ({
  axiom: s.axiom,
  rule: m.rule(s.rule),
  code: s.rule.code,
  params: s.rule,
  before: s.before,
  after: s.after,
});

function stackJson(m: Messages, stack: StackView): Record<string, unknown> {
  return {
    id: stack.id,
    name: stack.name.en,
    implementation: stack.implementation.map((i) => i.en),
    figures: stack.figures.map((f) => figureJson(m, f)),
    commands: stack.commands,
    why: stack.empty
      ? m.nothingToDeploy
      : stack.composition !== undefined
        ? m.composed(stack.composition)
        : stack.why === undefined
          ? ''
          : m.text(stack.why),
    composed: stack.composition !== undefined || stack.empty,
    commandsFrom: stack.commandsFrom,
    caveats: stack.caveats.map(m.text),
  };
}

/** A radar entry as `--json` prints it: the ring and what it names, for machines; the description, as the radar says. */
const markJson = (mark: RadarMark) => ({
  id: mark.id,
  title: mark.title,
  ring: mark.ring,
  quadrant: mark.quadrant,
  operators: mark.operators,
  description: mark.description,
  links: mark.links,
});

const rings = (marks: readonly RadarMark[] | undefined) => (marks === undefined ? {} : { rings: marks.map(markJson) });
const radarJson = (stamp: RadarStamp | undefined) => (stamp === undefined ? {} : { radar: stamp });

function candidateJson(m: Messages, c: Candidate): Record<string, unknown> {
  return {
    stackId: c.stackId,
    stack: c.stack.en,
    normalForm: c.normalForm,
    metrics: metricsJson(m, c.metrics),
    score: c.score,
    checks: c.checks.map((x) => checkJson(m, x)),
    excludedBy: c.excludedBy.map(m.exclusion),
    givesUp: c.givesUp.map(m.trade),
    gains: c.gains.map(m.trade),
    facts: { excludedBy: c.excludedBy, givesUp: c.givesUp, gains: c.gains },
    ...rings(c.marks),
  };
}

function adviceJson(m: Messages, a: Advice): Record<string, unknown> {
  const r = a.recommendation;
  return {
    kind: 'advice',
    request: a.request,
    language: a.language,
    requirements: a.requirements.map((q) => ({
      need: q.need,
      label: m.text(q.label),
      text: q.text,
      negated: q.negated,
      ...(q.indifferent ? { indifferent: true } : {}),
      from: q.implied ? 'constraint' : q.source,
      ...(q.reading === undefined ? {} : { reading: q.reading }),
    })),
    constraints: a.constraints.map((c) => ({
      quantity: c.quantity,
      label: m.text(c.label),
      comparator: c.comparator,
      value: c.value,
      unit: c.unit,
      text: c.text,
      ...(c.assumptions.length === 0 ? {} : { assumption: c.assumptions.map(m.assumption).join('; ') }),
      assumptions: c.assumptions,
      from: c.source,
    })),
    ignored: a.ignored,
    outOfScope: a.outOfScope,
    word: a.word,
    steps: a.steps.map((s) => stepJson(m, s)),
    warnings: a.warnings.map(m.warning),
    recommendation: {
      stackId: r.stack.id,
      normalForm: r.normalForm,
      metrics: metricsJson(m, r.metrics),
      stack: r.stack.name.en,
      implementation: r.stack.implementation.map((i) => i.en),
      figures: r.stack.figures.map((f) => figureJson(m, f)),
      commands: r.stack.commands,
      commandsFrom: r.stack.commandsFrom,
      caveats: r.stack.caveats.map(m.text),
      checks: r.checks.map((c) => checkJson(m, c)),
      why: r.reasons.map(m.reason),
      reasons: r.reasons,
      ...rings(r.marks),
    },
    alternatives: a.alternatives.map((c) => candidateJson(m, c)),
    conflicts: a.conflicts.map((c) => ({ kind: c.kind, message: m.conflict(c), facts: c })),
    carried: a.carried,
    knowledgeVersion: a.knowledgeVersion,
    ...radarJson(a.radar),
  };
}

function simplificationJson(m: Messages, s: Simplification): Record<string, unknown> {
  return {
    kind: 'simplification',
    language: s.language,
    input: s.input,
    word: s.word,
    normalForm: s.normalForm,
    operators: s.operators,
    steps: s.steps.map((x) => stepJson(m, x)),
    warnings: s.warnings.map(m.warning),
    metrics: metricsJson(m, s.metrics),
    stack: stackJson(m, s.stack),
    knowledgeVersion: s.knowledgeVersion,
    ...rings(s.marks),
    ...radarJson(s.radar),
  };
}

function explanationJson(m: Messages, e: Explanation): Record<string, unknown> {
  const op = e.operator;
  return {
    kind: 'explanation',
    language: e.language,
    target: e.target,
    ...(op === undefined
      ? {}
      : {
          operator: {
            symbol: op.symbol,
            name: op.name,
            class: op.class,
            maps: { from: m.text(op.maps.from), to: m.text(op.maps.to) },
            implementations: op.implementations.map(m.text),
            stack_part: m.text(op.stack_part),
            when: m.text(op.when),
            figures: op.figureViews.map((f) => figureJson(m, f)),
          },
        }),
    ...(e.glossary === undefined ? {} : { note: m.glossary(e.glossary), glossary: e.glossary }),
    stacks: e.stacks,
    ...(e.simplification === undefined ? {} : { simplification: simplificationJson(m, e.simplification) }),
    knowledgeVersion: e.knowledgeVersion,
    ...rings(e.marks),
    ...radarJson(e.radar),
  };
}

function comparisonJson(m: Messages, c: Comparison): Record<string, unknown> {
  return {
    kind: 'comparison',
    language: c.language,
    items: c.items.map((i) => ({
      input: i.input,
      normalForm: i.normalForm,
      stack: i.stack.en,
      metrics: metricsJson(m, i.metrics),
      figures: i.figures.map((f) => figureJson(m, f)),
      answer: i.answer.kind === 'advice' ? adviceJson(m, i.answer) : simplificationJson(m, i.answer),
    })),
    winners: c.winners,
    summary: comparisonSummary(m, c),
    knowledgeVersion: c.knowledgeVersion,
    ...radarJson(c.radar),
  };
}
