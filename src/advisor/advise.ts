import { normalize } from '../algebra/normalize.js';
import type { Operator } from '../algebra/operators.js';
import type { Language } from '../language.js';
import { marksFor, namingWords, worstMarks } from '../radar/book.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type {
  Advice,
  Carried,
  Constraint,
  RadarMark,
  Reason,
  Requirement,
  Simplification,
  StackView,
} from './answer.js';
import { refOf, viewOfEntry } from './catalog.js';
import type { AdvisorCore } from './core.js';
import { alternativesOf, type Decision, decide, exclusionClass, type RadarContext } from './decide.js';
import { reasons } from './reasons.js';
import { parseRequest } from './requirements.js';
import { scopeOf } from './scope.js';
import { carriedOf, withImplied, withThread, withThreadConstraints } from './thread.js';

/** The longest request the advisor reads, in characters. */
export const MAX_REQUEST = 4000;

/** The reason a stack is what it is: its own row's, the composition, or nothing to deploy. */
export function stackReason(stack: StackView): Reason {
  if (stack.empty) return { kind: 'nothing-to-deploy' };
  if (stack.composition !== undefined) return { kind: 'composed', composition: stack.composition };
  return { kind: 'stack', why: stack.why ?? { en: '', zh: '' } };
}

/** Requirements in words, in English or Chinese, to an explained recommendation: the seed's four steps. */
export function adviseRequirements(
  core: AdvisorCore,
  text: string,
  language: Language,
  previous: Carried | undefined,
): Result<Advice> {
  const { catalog, lexicon } = core;
  const failed = (f: Failure) => fail({ ...f, language });
  if (text === '') return failed(failure('empty-request', {}));
  if (text.length > MAX_REQUEST)
    return failed(failure('request-too-long', { length: text.length, limit: MAX_REQUEST }));
  // Sentences about GPUs, databases, queues… are said to be out of scope, not read as requirements.
  const scoped = scopeOf(text, lexicon);
  const outOfScope = scoped.topics.map((t) => t.label[language]);
  const parsed = parseRequest(scoped.inScope, lexicon);
  const read = withImplied(catalog, withThread(catalog, parsed.requirements, previous), parsed.constraints);
  const constraints = withThreadConstraints(catalog, parsed.constraints, previous);
  if (read.length === 0 && constraints.length === 0) {
    if (outOfScope.length > 0) return failed(failure('out-of-scope', { text, topics: outOfScope }));
    return failed(failure('no-requirements', { text, ignored: parsed.ignored }));
  }
  return ok(
    decideFrom(core, { request: text, requirements: read, constraints, ignored: parsed.ignored, outOfScope }, language),
  );
}

/**
 * Requirements as facts (no text to parse: a form's fields, a thread's memory) to an explained recommendation, with
 * `text` (a form's free-text field) read as requirements beside them. All of them are the request's own; `request`
 * is what the answer quotes as asked.
 */
export function adviseCarried(
  core: AdvisorCore,
  request: string,
  carried: Carried,
  language: Language,
  text = '',
): Result<Advice> {
  const { catalog, lexicon } = core;
  if (text.length > MAX_REQUEST) {
    return fail({ ...failure('request-too-long', { length: text.length, limit: MAX_REQUEST }), language });
  }
  const parsed = text === '' ? { requirements: [], constraints: [], ignored: [] } : parseRequest(text, lexicon);
  const own = <T extends { source: 'request' | 'thread' }>(x: T): T => ({ ...x, source: 'request' });
  const constraints = withThreadConstraints(catalog, parsed.constraints, carried).map(own);
  const requirements = withImplied(catalog, withThread(catalog, parsed.requirements, carried).map(own), constraints);
  if (requirements.length === 0 && constraints.length === 0) {
    return fail({ ...failure('no-requirements', { text: request, ignored: parsed.ignored }), language });
  }
  return ok(
    decideFrom(core, { request, requirements, constraints, ignored: parsed.ignored, outOfScope: [] }, language),
  );
}

interface Decidable {
  readonly request: string;
  readonly requirements: readonly Requirement[];
  readonly constraints: readonly Constraint[];
  readonly ignored: readonly string[];
  /** Topics outside what the advisor decides, named in the request, in the answer's language. */
  readonly outOfScope: readonly string[];
}

/** Steps 1–4 from requirements already read: the decision, the word, its normal form, metrics and stack. */
function decideFrom(core: AdvisorCore, input: Decidable, language: Language): Advice {
  const { catalog, version } = core;
  const { request: text, constraints } = input;
  const radar = radarContext(core, text, input.requirements);
  const decision = decide(catalog, input.requirements, constraints, radar);
  // The negation a contradiction names, when it rules out the VM heads, reads as "VMs cannot run here".
  const impossible = new Set(decision.conflicts.flatMap((c) => (c.kind === 'contradiction' ? [c.second] : [])));
  const requirements = input.requirements.map((r): Requirement => {
    const vmHeads = catalog.needs.get(r.need)?.negated_excludes?.includes('V') === true;
    return r.negated && vmHeads && impossible.has(r.text) && r.reading === undefined
      ? { ...r, reading: { kind: 'impossible-vm' } }
      : r;
  });
  const chosen = decision.chosen.entry;

  // Step 1: the operator word of the chosen stack, with the add-ons the request names itself (OpenTelemetry, eBPF…).
  const extras = requirements
    .filter((r) => !r.negated)
    .flatMap((r) => catalog.needs.get(r.need)?.operators ?? [])
    .filter((op) => !chosen.operators.includes(op));
  const sequence: Operator[] = [...chosen.operators, ...new Set(extras)];
  const normalized = normalize(sequence);
  // Add-ons commute with everything, so a stack form plus add-ons always normalizes.
  if (!normalized.ok) throw new Error(`${sequence.join('∘')} does not normalize: ${normalized.error.code}`);
  const n = normalized.value;
  const operators = n.normalForm.operators;
  const own = catalog.entryForForm(n.normalForm.text);
  const stack = own ? viewOfEntry(own) : catalog.stackView(operators, chosen);
  const metrics = own ? own.metrics : catalog.metricsOf(operators);
  // The stack as deployed: its own row's implementations, or the chosen stack's for a stack composed on it.
  const implementsOf = own ? own.stack.implements : chosen.stack.implements;
  const deployed = operators.map((op) => implementsOf?.[op] ?? op);
  const marks = radar === undefined ? undefined : marksFor(radar.book, deployed);
  const radarWhy =
    radar === undefined ? [] : radarReasons(core, radar, decision, requirements, constraints, marks ?? []);
  const why = reasons(
    catalog.needs,
    requirements,
    decision.chosen.checks,
    stackReason(stack),
    decision.ranked,
    chosen.stack.id,
    radarWhy,
  );
  return {
    kind: 'advice',
    request: text,
    language,
    requirements,
    constraints,
    ignored: input.ignored,
    outOfScope: input.outOfScope,
    word: sequence.join(' → '),
    steps: n.steps,
    warnings: n.warnings,
    recommendation: {
      stack,
      normalForm: n.normalForm.text,
      metrics,
      checks: decision.chosen.checks,
      reasons: why,
      ...(marks === undefined ? {} : { marks }),
    },
    alternatives: alternativesOf(decision),
    conflicts: decision.conflicts,
    carried: carriedOf(requirements, constraints, language),
    knowledgeVersion: version,
    ...(core.radar === undefined ? {} : { radar: core.radar.stamp }),
  };
}

/** What the radar needs to decide: the request's words and what its needs say about operators. */
function radarContext(core: AdvisorCore, text: string, requirements: readonly Requirement[]): RadarContext | undefined {
  if (core.radar === undefined) return undefined;
  const needs = requirements
    .filter((r) => !r.negated)
    .flatMap((r) => {
      const need = core.catalog.needs.get(r.need);
      return need === undefined
        ? []
        : [
            {
              text: r.text,
              ...(need.operators === undefined ? {} : { operators: need.operators }),
              ...(need.negated_excludes === undefined ? {} : { negated_excludes: need.negated_excludes }),
            },
          ];
    });
  return { book: core.radar, request: text, needs };
}

/**
 * Why the radar changed the answer, first in the Why section: the stack that would have won needs a technology on
 * hold; a near tie went to the better ring; the recommendation keeps a held technology because the request names it.
 */
function radarReasons(
  core: AdvisorCore,
  radar: RadarContext,
  decision: Decision,
  requirements: readonly Requirement[],
  constraints: Parameters<typeof decide>[2],
  marks: readonly RadarMark[],
): Reason[] {
  const out: Reason[] = [];
  const chosen = decision.chosen;
  if (exclusionClass(chosen) === 0) {
    const without = decide(core.catalog, requirements, constraints).chosen.entry;
    const instead = decision.ranked.find((w) => w.entry === without);
    const holds = (instead?.excludedBy ?? []).flatMap((e) => (e.kind === 'radar-hold' ? [e.mark] : []));
    if (instead !== undefined && instead !== chosen && holds.length > 0) {
      out.push({ kind: 'radar-hold', stack: refOf(chosen.entry), instead: refOf(instead.entry), holds });
    }
    const before = decision.beforeRings;
    if (before !== chosen) {
      out.push({
        kind: 'radar-ring',
        stack: refOf(chosen.entry),
        marks: worstMarks(chosen.marks),
        over: refOf(before.entry),
        overMarks: worstMarks(before.marks),
      });
    }
  }
  for (const mark of marks) {
    if (mark.ring !== 'hold') continue;
    const words = namingWords(radar.book, mark, radar.request, radar.needs);
    if (words !== undefined) out.push({ kind: 'radar-hold-named', mark, text: words });
  }
  return out;
}

/** An operator word given as the request: step 1 is the word itself, the rest as its simplification. */
export function adviceForWord(s: Simplification, previous: Carried | undefined): Advice {
  return {
    kind: 'advice',
    request: s.input,
    language: s.language,
    requirements: [],
    constraints: [],
    ignored: [],
    outOfScope: [],
    word: s.word,
    steps: s.steps,
    warnings: s.warnings,
    recommendation: {
      stack: s.stack,
      normalForm: s.normalForm,
      metrics: s.metrics,
      checks: [],
      reasons: [
        ...(s.marks ?? []).flatMap((mark): Reason[] =>
          mark.ring === 'hold' ? [{ kind: 'radar-hold-named', mark, text: s.word }] : [],
        ),
        { kind: 'operator-word', word: s.word },
        stackReason(s.stack),
      ],
      ...(s.marks === undefined ? {} : { marks: s.marks }),
    },
    alternatives: [],
    conflicts: [],
    carried: previous ?? { needs: [], constraints: [] },
    knowledgeVersion: s.knowledgeVersion,
    ...(s.radar === undefined ? {} : { radar: s.radar }),
  };
}
