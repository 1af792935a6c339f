import { normalize } from '../algebra/normalize.js';
import type { Operator } from '../algebra/operators.js';
import type { Language } from '../language.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type { Advice, Carried, Reason, Requirement, Simplification, StackView } from './answer.js';
import { viewOfEntry } from './catalog.js';
import type { AdvisorCore } from './core.js';
import { alternativesOf, decide } from './decide.js';
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
  const { catalog, lexicon, version } = core;
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
  const decided = decide(catalog, read, constraints);
  // The negation a contradiction names, when it rules out the VM heads, reads as "VMs cannot run here".
  const impossible = new Set(decided.conflicts.flatMap((c) => (c.kind === 'contradiction' ? [c.second] : [])));
  const requirements = read.map((r): Requirement => {
    const vmHeads = catalog.needs.get(r.need)?.negated_excludes?.includes('V') === true;
    return r.negated && vmHeads && impossible.has(r.text) && r.reading === undefined
      ? { ...r, reading: { kind: 'impossible-vm' } }
      : r;
  });
  const decision = decided;
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
  return ok({
    kind: 'advice',
    request: text,
    language,
    requirements,
    constraints,
    ignored: parsed.ignored,
    outOfScope,
    word: sequence.join(' → '),
    steps: n.steps,
    warnings: n.warnings,
    recommendation: { stack, normalForm: n.normalForm.text, metrics, checks: decision.chosen.checks, reasons: why },
    alternatives: alternativesOf(decision),
    conflicts: decision.conflicts,
    carried: carriedOf(requirements, constraints, language),
    knowledgeVersion: version,
  });
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
