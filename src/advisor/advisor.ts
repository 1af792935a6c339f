import { normalize } from '../algebra/normalize.js';
import { parseWord } from '../algebra/parse.js';
import type { Knowledge } from '../knowledge/schema.js';
import { explicitLanguage, type Language, ownLanguageOf } from '../language.js';
import { marksFor, type RadarBook } from '../radar/book.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { adviceForWord, adviseCarried, adviseRequirements, MAX_REQUEST } from './advise.js';
import type { Advice, Answer, Carried, Comparison, Explanation, Simplification, StackListing } from './answer.js';
import { Catalog } from './catalog.js';
import { compareAnswers } from './compare.js';
import type { AdvisorCore } from './core.js';
import { type AnswerDiff, diffAnswers } from './diff.js';
import { explainTarget } from './explain.js';
import { compileLexicon } from './lexicon.js';
import { readQuestion } from './questions.js';
import { isOperatorWord, route } from './route.js';

export { MAX_REQUEST } from './advise.js';

/** How the language of an answer is chosen when the request does not choose it itself. */
export interface AskContext {
  /** An explicit choice (CLI `--lang`): wins over everything. */
  readonly language?: Language;
  /** For a request with no language of its own (an operator word, a button): the asker's locale. */
  readonly fallback?: Language;
}

/** Answers questions from one knowledge base: advice, simplification, explanation, comparison. Pure and deterministic. */
export class Advisor {
  readonly version: string;
  private readonly catalog: Catalog;
  private readonly core: AdvisorCore;

  /** `radar`: the organisation's technology radar, matched to this knowledge base; answers follow it and say so. */
  constructor(
    readonly kb: Knowledge,
    readonly radar?: RadarBook,
  ) {
    this.version = kb.version;
    this.catalog = new Catalog(kb);
    this.core = {
      catalog: this.catalog,
      lexicon: compileLexicon(kb),
      version: kb.version,
      ...(radar === undefined ? {} : { radar }),
    };
  }

  /**
   * The language to answer `text` in: an explicit choice, the request's own words, the thread's earlier answer, the
   * asker's locale, English. Returns the text without a leading choice such as `中文:`.
   */
  languageFor(text: string, context: AskContext = {}, previous?: Carried): { language: Language; text: string } {
    const own = this.chosenBy(text);
    const language = context.language ?? own.language ?? previous?.language ?? context.fallback ?? 'en';
    return { language, text: own.text };
  }

  /** The language a request chooses itself (a leading `中文:`, or its own words), if any: else the asker's locale decides. */
  ownLanguage(text: string): Language | undefined {
    return this.chosenBy(text).language;
  }

  /**
   * The request's own choice of language and its text without a leading choice. `/stack` asks `ownLanguage` (to know
   * whether the asker's locale is needed) and then `answer` for the same text: the last one is kept, not read twice.
   */
  private chosenBy(text: string): { readonly language: Language | undefined; readonly text: string } {
    const last = this.lastChosen;
    if (last !== undefined && last.input === text) return last;
    const explicit = explicitLanguage(text);
    const chosen = {
      input: text,
      language: explicit.language ?? ownLanguageOf(explicit.text, isOperatorWord),
      text: explicit.text,
    };
    this.lastChosen = chosen;
    return chosen;
  }

  private lastChosen:
    | { readonly input: string; readonly language: Language | undefined; readonly text: string }
    | undefined;

  /** Routes a request as `/stack` does and answers it, in the language `languageFor` picks. */
  answer(input: string, previous?: Carried, context: AskContext = {}): Result<Answer> {
    const { language, text } = this.languageFor(input, context, previous);
    const r = route(text, (t) => readQuestion(t, this.core.lexicon));
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
    const radar = this.radar;
    // The operators as the stack deploys them (its own row's), or as the algebra defines them.
    const own = this.catalog.entryForForm(n.normalForm.text);
    const marks = radar === undefined ? undefined : marksFor(radar, own?.implemented ?? operators);
    return ok({
      kind: 'simplification',
      language,
      input: word,
      word: n.input,
      normalForm: n.normalForm.text,
      operators,
      steps: n.steps,
      warnings: n.warnings,
      metrics: this.catalog.metricsOf(operators),
      stack: this.catalog.stackView(operators),
      knowledgeVersion: this.version,
      ...(radar === undefined ? {} : { radar: radar.stamp, marks }),
    });
  }

  /** Turns requirements in English or Chinese into an explained recommendation (the seed's four steps). */
  advise(request: string, previous?: Carried, language?: Language): Result<Advice> {
    const text = request.trim();
    const lang = language ?? this.languageFor(text, {}, previous).language;
    if (text.length <= MAX_REQUEST && isOperatorWord(text)) {
      const simplified = this.simplify(text, lang);
      return simplified.ok ? ok(adviceForWord(simplified.value, previous)) : simplified;
    }
    return adviseRequirements(this.core, text, lang, previous);
  }

  /**
   * Decides from requirements given as facts (a form's fields, a thread's memory), with no text round-trip; `text`
   * (a form's free text) is read beside them. `request` is what the answer quotes as asked.
   */
  adviseFrom(carried: Carried, language: Language, request = '', text = ''): Result<Advice> {
    return adviseCarried(this.core, request, carried, language, text);
  }

  /** What changes from the advice for `before` to the advice for `after` (two requests), in the language chosen. */
  diff(before: string, after: string, context: AskContext = {}): Result<AnswerDiff> {
    const language = context.language ?? this.ownLanguage(`${before} ${after}`) ?? context.fallback ?? 'en';
    const earlier = this.advise(before, undefined, language);
    if (!earlier.ok) return earlier;
    const later = this.advise(after, undefined, language);
    if (!later.ok) return later;
    return ok(diffAnswers(earlier.value, later.value));
  }

  /** Onboarding for an operator (`W`, `otel`), a stack id, or a word (`V∘S∘C∘M`). */
  explain(target: string, language: Language = 'en'): Result<Explanation> {
    return explainTarget(this.core, target, language, (word) => this.simplify(word, language));
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
      this.radar?.stamp,
    );
  }
}
