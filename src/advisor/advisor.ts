import { normalize } from '../algebra/normalize.js';
import { letterOf, type Operator } from '../algebra/operators.js';
import { parseWord } from '../algebra/parse.js';
import type { Knowledge } from '../knowledge/schema.js';
import { explicitLanguage, type Language, ownLanguageOf } from '../language.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import type {
  Advice,
  Answer,
  Carried,
  Comparison,
  Explanation,
  Reason,
  Simplification,
  StackListing,
  StackView,
} from './answer.js';
import { Catalog, listingOf, viewOfEntry } from './catalog.js';
import { compareAnswers } from './compare.js';
import { alternativesOf, decide } from './decide.js';
import { viewOf } from './figures.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { reasons } from './reasons.js';
import { parseRequest } from './requirements.js';
import { isOperatorWord, route } from './route.js';
import { carriedOf, withImplied, withThread, withThreadConstraints } from './thread.js';

/** The longest request the advisor reads, in characters. */
export const MAX_REQUEST = 4000;

/** How the language of an answer is chosen when the request does not choose it itself. */
export interface AskContext {
  /** An explicit choice (CLI `--lang`): wins over everything. */
  readonly language?: Language;
  /** For a request with no language of its own (an operator word, a button): the asker's locale. */
  readonly fallback?: Language;
}

/** The reason a stack is what it is: its own row's, the composition, or nothing to deploy. */
function stackReason(stack: StackView): Reason {
  if (stack.empty) return { kind: 'nothing-to-deploy' };
  if (stack.composition !== undefined) return { kind: 'composed', composition: stack.composition };
  return { kind: 'stack', why: stack.why ?? { en: '', zh: '' } };
}

/** Answers questions from one knowledge base: advice, simplification, explanation, comparison. Pure and deterministic. */
export class Advisor {
  readonly version: string;
  private readonly catalog: Catalog;
  private readonly lexicon: Lexicon;

  constructor(readonly kb: Knowledge) {
    this.version = kb.version;
    this.catalog = new Catalog(kb);
    this.lexicon = compileLexicon(kb);
  }

  /**
   * The language to answer `text` in: an explicit choice, the request's own words, the thread's earlier answer, the
   * asker's locale, English. Returns the text without a leading choice such as `中文:`.
   */
  languageFor(text: string, context: AskContext = {}, previous?: Carried): { language: Language; text: string } {
    const explicit = explicitLanguage(text);
    const language =
      context.language ??
      explicit.language ??
      ownLanguageOf(explicit.text, isOperatorWord) ??
      previous?.language ??
      context.fallback ??
      'en';
    return { language, text: explicit.text };
  }

  /** The language a request chooses itself (a leading `中文:`, or its own words), if any: else the asker's locale decides. */
  ownLanguage(text: string): Language | undefined {
    const explicit = explicitLanguage(text);
    return explicit.language ?? ownLanguageOf(explicit.text, isOperatorWord);
  }

  /** Routes a request as `/stack` does and answers it, in the language `languageFor` picks. */
  answer(input: string, previous?: Carried, context: AskContext = {}): Result<Answer> {
    const { language, text } = this.languageFor(input, context, previous);
    const r = route(text);
    switch (r.kind) {
      case 'help':
        return ok({ kind: 'help', language, knowledgeVersion: this.version });
      case 'explain': {
        const explained = this.explain(r.target, language);
        return explained.ok || r.explicit ? explained : this.orAdvice(text, explained, language, previous);
      }
      case 'compare': {
        const compared = this.compare(r.items, language);
        return compared.ok || r.explicit ? compared : this.orAdvice(text, compared, language, previous);
      }
      case 'word':
        return this.simplify(r.word, language);
      default:
        return this.advise(r.text, previous, language);
    }
  }

  /** A guessed route failed: the whole text as requirements, or the first failure if that answers nothing either. */
  private orAdvice(text: string, failed: Result<Answer>, language: Language, previous?: Carried): Result<Answer> {
    const advice = this.advise(text, previous, language);
    return advice.ok ? advice : failed;
  }

  /** The five canonical stacks of the seed, in order. */
  canonical(): StackListing[] {
    return this.catalog.canonical();
  }

  /** Simplifies an operator word: the rewrite steps, the normal form, its metrics and its stack. */
  simplify(word: string, language: Language = 'en'): Result<Simplification> {
    const failed = (f: Failure) => fail({ ...f, language });
    if (word.trim() === '') return failed(failure('empty-word', {}));
    const parsed = parseWord(word);
    if (!parsed.ok) return failed(parsed.error);
    const normalized = normalize(parsed.value);
    if (!normalized.ok) return failed(normalized.error);
    const n = normalized.value;
    const operators = n.normalForm.operators;
    return ok({
      kind: 'simplification',
      language,
      input: word,
      word: n.input,
      normalForm: n.normalForm.text,
      operators,
      steps: n.steps,
      warnings: n.warnings,
      metrics: this.catalog.table.metricsOf(operators),
      stack: this.catalog.stackView(operators),
      knowledgeVersion: this.version,
    });
  }

  /** Turns requirements in English or Chinese into an explained recommendation (the seed's four steps). */
  advise(request: string, previous?: Carried, language?: Language): Result<Advice> {
    const text = request.trim();
    const lang = language ?? this.languageFor(text, {}, previous).language;
    const failed = (f: Failure) => fail({ ...f, language: lang });
    if (text === '') return failed(failure('empty-request', {}));
    if (text.length > MAX_REQUEST) {
      return failed(failure('request-too-long', { length: text.length, limit: MAX_REQUEST }));
    }
    if (isOperatorWord(text)) return this.adviseWord(text, lang, previous);
    const parsed = parseRequest(text, this.lexicon);
    const requirements = withImplied(
      this.catalog,
      withThread(this.catalog, parsed.requirements, previous),
      parsed.constraints,
    );
    const constraints = withThreadConstraints(this.catalog, parsed.constraints, previous);
    if (requirements.length === 0 && constraints.length === 0) {
      return failed(failure('no-requirements', { text, ignored: parsed.ignored }));
    }
    const decision = decide(this.catalog, requirements, constraints);
    const chosen = decision.chosen.entry;

    // Step 1: the operator word of the chosen stack, with the add-ons the request names itself (OpenTelemetry, eBPF…).
    const extras = requirements
      .filter((r) => !r.negated)
      .flatMap((r) => this.catalog.needs.get(r.need)?.operators ?? [])
      .filter((op) => !chosen.operators.includes(op));
    const sequence: Operator[] = [...chosen.operators, ...new Set(extras)];
    const normalized = normalize(sequence);
    // Add-ons commute with everything, so a stack form plus add-ons always normalizes.
    if (!normalized.ok) throw new Error(`${sequence.join('∘')} does not normalize: ${normalized.error.code}`);
    const n = normalized.value;
    const operators = n.normalForm.operators;
    const own = this.catalog.entryForForm(n.normalForm.text);
    const stack = own ? viewOfEntry(own) : this.catalog.stackView(operators, chosen);
    const metrics = own ? own.metrics : this.catalog.table.metricsOf(operators);
    const why = reasons(
      this.catalog.needs,
      requirements,
      decision.chosen.checks,
      stackReason(stack),
      decision.ranked,
      chosen.stack.id,
    );
    return ok({
      kind: 'advice',
      request: text,
      language: lang,
      requirements,
      constraints,
      ignored: parsed.ignored,
      outOfScope: [],
      word: sequence.join(' → '),
      steps: n.steps,
      warnings: n.warnings,
      recommendation: { stack, normalForm: n.normalForm.text, metrics, checks: decision.chosen.checks, reasons: why },
      alternatives: alternativesOf(decision),
      conflicts: decision.conflicts,
      carried: carriedOf(requirements, constraints, lang),
      knowledgeVersion: this.version,
    });
  }

  /** An operator word given as the request: step 1 is the word itself, the rest as for requirements. */
  private adviseWord(text: string, language: Language, previous?: Carried): Result<Advice> {
    const simplified = this.simplify(text, language);
    if (!simplified.ok) return simplified;
    const s = simplified.value;
    return ok({
      kind: 'advice',
      request: text,
      language,
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
      knowledgeVersion: this.version,
    });
  }

  /** Onboarding for an operator (`W`, `otel`), a stack id, or a word (`V∘S∘C∘M`). */
  explain(target: string, language: Language = 'en'): Result<Explanation> {
    // "Am?", "`W`", "“Ambient mesh”": the question marks and quotes are not part of the name.
    const t = target
      .trim()
      .replace(/^[`'"“”‘’]+|[`'"“”‘’?？!！.。]+$/g, '')
      .trim();
    if (t === '') return fail({ ...failure('empty-target', {}), language });
    const base = { kind: 'explanation' as const, language, target: t, knowledgeVersion: this.version };
    const letter = letterOf(t) ?? this.catalog.operatorByName.get(t.toLowerCase());
    if (letter === '∅' || letter === 'V⁻¹') return ok({ ...base, glossary: letter, stacks: [] });
    const info = letter === undefined ? undefined : this.catalog.operators.get(letter);
    if (info) {
      return ok({
        ...base,
        operator: { ...info, figureViews: info.figures.map(viewOf) },
        stacks: this.catalog.entries.filter((e) => e.operators.includes(info.symbol)).map(listingOf),
      });
    }
    const byId = this.catalog.entries.find(
      (e) => e.stack.id === t.toLowerCase() || e.stack.name.toLowerCase() === t.toLowerCase(),
    );
    const simplified = this.simplify(byId ? byId.stack.form : t, language);
    if (!simplified.ok) return simplified;
    const form = simplified.value.normalForm;
    return ok({
      ...base,
      stacks: this.catalog.entries.filter((e) => e.stack.form === form).map(listingOf),
      simplification: simplified.value,
    });
  }

  /** Compares requests or words side by side and says which wins on what. */
  compare(inputs: readonly string[], language: Language = 'en'): Result<Comparison> {
    return compareAnswers(
      inputs,
      (input) => {
        const r = route(input);
        return r.kind === 'word' ? this.simplify(r.word, language) : this.advise(input, undefined, language);
      },
      this.version,
      language,
    );
  }
}
