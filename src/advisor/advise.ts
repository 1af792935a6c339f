import { normalize } from '../algebra/normalize.js';
import type { Operator } from '../algebra/operators.js';
import type { Language } from '../language.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { Advice, Carried, Constraint, Reason, Requirement, Simplification, StackView } from './answer.js';
import { viewOfEntry } from './catalog.js';
import type { AdvisorCore } from './core.js';
import { alternativesOf, decide } from './decide.js';
import { reasons } from './reasons.js';
import { parseRequest } from './requirements.js';
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
  const parsed = parseRequest(text, lexicon);
  const requirements = withImplied(catalog, withThread(catalog, parsed.requirements, previous), parsed.constraints);
  const constraints = withThreadConstraints(catalog, parsed.constraints, previous);
  if (requirements.length === 0 && constraints.length === 0) {
    return failed(failure('no-requirements', { text, ignored: parsed.ignored }));
  }
  return ok(decideFrom(core, { request: text, requirements, constraints, ignored: parsed.ignored }, language));
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
  return ok(decideFrom(core, { request, requirements, constraints, ignored: parsed.ignored }, language));
}

interface Decidable {
  readonly request: string;
  readonly requirements: readonly Requirement[];
  readonly constraints: readonly Constraint[];
  readonly ignored: readonly string[];
}

/** Steps 1–4 from requirements already read: the decision, the word, its normal form, metrics and stack. */
function decideFrom(core: AdvisorCore, input: Decidable, language: Language): Advice {
  const { catalog, version } = core;
  const { request: text, requirements, constraints } = input;
  const decision = decide(catalog, requirements, constraints);
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
  const metrics = own ? own.metrics : catalog.table.metricsOf(operators);
  const why = reasons(
    catalog.needs,
    requirements,
    decision.chosen.checks,
    stackReason(stack),
    decision.ranked,
    chosen.stack.id,
  );
  return {
    kind: 'advice',
    request: text,
    language,
    requirements,
    constraints,
    ignored: input.ignored,
    outOfScope: [],
    word: sequence.join(' → '),
    steps: n.steps,
    warnings: n.warnings,
    recommendation: { stack, normalForm: n.normalForm.text, metrics, checks: decision.chosen.checks, reasons: why },
    alternatives: alternativesOf(decision),
    conflicts: decision.conflicts,
    carried: carriedOf(requirements, constraints, language),
    knowledgeVersion: version,
  };
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
      reasons: [{ kind: 'operator-word', word: s.word }, stackReason(s.stack)],
    },
    alternatives: [],
    conflicts: [],
    carried: previous ?? { needs: [], constraints: [] },
    knowledgeVersion: s.knowledgeVersion,
  };
}
