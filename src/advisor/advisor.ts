import { normalize } from '../algebra/normalize.js';
import { letterOf, type Operator } from '../algebra/operators.js';
import { parseWord } from '../algebra/parse.js';
import { type Failure, fail, ok, type Result } from '../algebra/result.js';
import type { Knowledge } from '../knowledge/schema.js';
import type {
  Advice,
  Answer,
  Carried,
  Comparison,
  Constraint,
  Explanation,
  Language,
  Requirement,
  Simplification,
} from './answer.js';
import { Catalog, viewOfEntry } from './catalog.js';
import { compareAnswers } from './compare.js';
import { alternativesOf, decide } from './decide.js';
import { constraintText, viewOf } from './figures.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { reasons } from './reasons.js';
import { parseRequest } from './requirements.js';
import { isOperatorWord, route } from './route.js';

/** The longest request the advisor reads, in characters. */
export const MAX_REQUEST = 4000;

const quote = (text: string): string => `“${text}”`;

/** Chinese when Han characters carry the request (one counts as much as two Latin letters), English otherwise. */
function languageOf(text: string): Language {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    // The CJK Unified Ideographs block and its extension A: every Han character a request is likely to use.
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
  }
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}

/** The two letters of the algebra that are not operators. */
const GLOSSARY = {
  '∅': '∅ is the no-op (A6): it maps every technical object to itself and disappears from every word. A word that simplifies to ∅ deploys nothing.',
  'V⁻¹':
    'V⁻¹ (also written V^-1) is the weak inverse of V, "hardware unlock" (A7): V∘V⁻¹ → ∅. Only V has one, and it only undoes a V written immediately before it.',
} as const;

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

  /** Routes a request as `/stack` does and answers it. */
  answer(text: string, previous?: Carried): Result<Answer> {
    const r = route(text);
    switch (r.kind) {
      case 'help':
        return ok({ kind: 'help', knowledgeVersion: this.version });
      case 'explain': {
        const explained = this.explain(r.target);
        return explained.ok || r.explicit ? explained : this.orAdvice(text, explained, previous);
      }
      case 'compare': {
        const compared = this.compare(r.items);
        return compared.ok || r.explicit ? compared : this.orAdvice(text, compared, previous);
      }
      case 'word':
        return this.simplify(r.word);
      default:
        return this.advise(r.text, previous);
    }
  }

  /** A guessed route failed: the whole text as requirements, or the first failure if that answers nothing either. */
  private orAdvice(text: string, failed: Result<Answer>, previous?: Carried): Result<Answer> {
    const advice = this.advise(text, previous);
    return advice.ok ? advice : failed;
  }

  /** The five canonical stacks of the seed, in order. */
  canonical(): { id: string; name: string; normalForm: string; label: string; title: { en: string; zh: string } }[] {
    return this.kb.decision_matrix.flatMap((row) => {
      const entry = this.catalog.entries.find((e) => e.stack.id === row.stack);
      if (entry === undefined) return [];
      const { stack, metrics } = entry;
      return [{ id: stack.id, name: stack.name, normalForm: stack.form, label: metrics.label, title: stack.title }];
    });
  }

  /** Simplifies an operator word: the rewrite steps, the normal form, its metrics and its stack. */
  simplify(word: string, language: Language = 'en'): Result<Simplification> {
    if (word.trim() === '')
      return fail({ code: 'empty-word', message: 'the word is empty: write operators such as V∘C∘M' });
    const parsed = parseWord(word);
    if (!parsed.ok) return parsed;
    const normalized = normalize(parsed.value);
    if (!normalized.ok) return normalized;
    const n = normalized.value;
    const operators = n.normalForm.operators;
    return ok({
      kind: 'simplification',
      input: word,
      word: n.input,
      normalForm: n.normalForm.text,
      operators,
      steps: n.steps,
      warnings: n.warnings,
      metrics: this.catalog.table.metricsOf(operators),
      stack: this.catalog.stackView(operators, language),
      knowledgeVersion: this.version,
    });
  }

  /** Turns requirements in English or Chinese into an explained recommendation (the seed's four steps). */
  advise(request: string, previous?: Carried): Result<Advice> {
    const text = request.trim();
    if (text === '') {
      return fail({
        code: 'empty-request',
        message: 'the request is empty: describe what you need, e.g. "edge, cold start < 10ms"',
      });
    }
    if (text.length > MAX_REQUEST) {
      return fail({
        code: 'request-too-long',
        message: `the request is ${text.length} characters long; the limit is ${MAX_REQUEST}: shorten it to the requirements`,
      });
    }
    const language = languageOf(text);
    if (isOperatorWord(text)) return this.adviseWord(text, language, previous);
    const parsed = parseRequest(text, this.lexicon);
    const requirements = this.withImplied(this.withThread(parsed.requirements, previous), parsed.constraints);
    const constraints = this.withThreadConstraints(parsed.constraints, previous);
    if (requirements.length === 0 && constraints.length === 0) {
      const shown = parsed.ignored.slice(0, 20);
      const more = parsed.ignored.length > shown.length ? `, … ${parsed.ignored.length - shown.length} more` : '';
      const ignored = shown.length > 0 ? ` (not understood: ${shown.join(', ')}${more})` : '';
      return fail({
        code: 'no-requirements',
        message: `no requirement recognised in ${quote(text.length > 200 ? `${text.slice(0, 200)}…` : text)}${ignored}. Try e.g. "edge, cold start < 10ms, memory < 50MB" or "强隔离+合规，多租户"`,
      });
    }
    const decision = decide(this.catalog, requirements, constraints);
    const chosen = decision.chosen.entry;
    const conflicts = [...decision.conflicts];

    // Step 1: the operator word of the chosen stack, with the add-ons the request names itself (OpenTelemetry, eBPF…).
    const extras = requirements
      .filter((r) => !r.negated)
      .flatMap((r) => this.catalog.needs.get(r.need)?.operators ?? [])
      .filter((op) => !chosen.operators.includes(op));
    const sequence: Operator[] = [...chosen.operators, ...new Set(extras)];
    const normalized = normalize(sequence);
    // Add-ons commute with everything, so a stack form plus add-ons always normalizes.
    if (!normalized.ok) throw new Error(`${sequence.join('∘')} does not normalize: ${normalized.error.message}`);
    const n = normalized.value;
    const operators = n.normalForm.operators;
    const own = this.catalog.entryForForm(n.normalForm.text);
    const stack = own ? viewOfEntry(own, language) : this.catalog.stackView(operators, language, chosen);
    const metrics = own ? own.metrics : this.catalog.table.metricsOf(operators);

    const why = reasons(
      this.catalog.needs,
      requirements,
      decision.chosen.checks,
      stack.why,
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
      word: sequence.join(' → '),
      steps: n.steps,
      warnings: n.warnings,
      recommendation: {
        stackId: stack.id,
        normalForm: n.normalForm.text,
        metrics,
        stack: stack.name,
        implementation: stack.implementation,
        figures: stack.figures,
        commands: stack.commands,
        commandsFrom: stack.commandsFrom,
        caveats: stack.caveats,
        checks: decision.chosen.checks,
        why,
      },
      alternatives: alternativesOf(decision),
      conflicts,
      carried: {
        // A need that does not matter is not carried: read back as negated, it would rule stacks out.
        needs: requirements
          .filter((r) => r.from !== 'constraint' && r.indifferent !== true)
          .map((r) => ({ need: r.need, negated: r.negated, text: r.text })),
        constraints: constraints.map(({ quantity, comparator, value, unit, text: t, assumption }) => ({
          quantity,
          comparator,
          value,
          unit,
          text: t,
          ...(assumption === undefined ? {} : { assumption }),
        })),
      },
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
      word: s.word,
      steps: s.steps,
      warnings: s.warnings,
      recommendation: {
        stackId: s.stack.id,
        normalForm: s.normalForm,
        metrics: s.metrics,
        stack: s.stack.name,
        implementation: s.stack.implementation,
        figures: s.stack.figures,
        commands: s.stack.commands,
        commandsFrom: s.stack.commandsFrom,
        caveats: s.stack.caveats,
        checks: [],
        why: [`The request is an operator word, ${s.word}: it is simplified and looked up as it is.`, s.stack.why],
      },
      alternatives: [],
      conflicts: [],
      carried: previous ?? { needs: [], constraints: [] },
      knowledgeVersion: this.version,
    });
  }

  /** Onboarding for an operator (`W`, `otel`), a stack id, or a word (`V∘S∘C∘M`). */
  explain(target: string): Result<Explanation> {
    // "Am?", "`W`", "“Ambient mesh”": the question marks and quotes are not part of the name.
    const t = target
      .trim()
      .replace(/^[`'"“”‘’]+|[`'"“”‘’?？!！.。]+$/g, '')
      .trim();
    if (t === '')
      return fail({
        code: 'empty-target',
        message: 'explain what? Name an operator (e.g. Am) or a form (e.g. V∘S∘C∘M)',
      });
    const letter = letterOf(t) ?? this.catalog.operatorByName.get(t.toLowerCase());
    if (letter === '∅' || letter === 'V⁻¹') {
      return ok({ kind: 'explanation', target: t, note: GLOSSARY[letter], stacks: [], knowledgeVersion: this.version });
    }
    const info = letter === undefined ? undefined : this.catalog.operators.get(letter);
    if (info) {
      return ok({
        kind: 'explanation',
        target: t,
        operator: { ...info, figureViews: info.figures.map(viewOf) },
        stacks: this.catalog.entries
          .filter((e) => e.operators.includes(info.symbol))
          .map((e) => ({ id: e.stack.id, name: e.stack.name, normalForm: e.stack.form, label: e.metrics.label })),
        knowledgeVersion: this.version,
      });
    }
    const byId = this.catalog.entries.find(
      (e) => e.stack.id === t.toLowerCase() || e.stack.name.toLowerCase() === t.toLowerCase(),
    );
    const simplified = this.simplify(byId ? byId.stack.form : t);
    if (!simplified.ok) return simplified;
    const form = simplified.value.normalForm;
    return ok({
      kind: 'explanation',
      target: t,
      stacks: this.catalog.entries
        .filter((e) => e.stack.form === form)
        .map((e) => ({ id: e.stack.id, name: e.stack.name, normalForm: e.stack.form, label: e.metrics.label })),
      simplification: simplified.value,
      knowledgeVersion: this.version,
    });
  }

  /** Compares requests or words side by side and says which wins on what. */
  compare(inputs: readonly string[]): Result<Comparison> {
    return compareAnswers(
      inputs,
      (input) => {
        const r = route(input);
        return r.kind === 'word' ? this.simplify(r.word) : this.advise(input);
      },
      this.version,
    );
  }

  private withThread(current: readonly Requirement[], previous: Carried | undefined): Requirement[] {
    const mine = new Set(current.map((r) => r.need));
    const { needs } = this.catalog;
    const carried = (previous?.needs ?? []).flatMap((p) => {
      const need = needs.get(p.need);
      if (need === undefined || mine.has(p.need)) return [];
      return [
        {
          need: p.need,
          label: need.label.en,
          text: String(p.text).slice(0, 200),
          negated: p.negated === true,
          from: 'thread' as const,
        },
      ];
    });
    return [...carried, ...current];
  }

  private withThreadConstraints(current: readonly Constraint[], previous: Carried | undefined): Constraint[] {
    const direction = (c: Pick<Constraint, 'comparator'>) => (c.comparator.startsWith('>') ? 'up' : 'down');
    const key = (c: Pick<Constraint, 'quantity' | 'comparator'>) => `${c.quantity}:${direction(c)}`;
    const mine = new Set(current.map(key));
    const { quantities } = this.catalog;
    const carried = (previous?.constraints ?? []).flatMap((c) => {
      const q = quantities.get(c.quantity);
      if (q === undefined || mine.has(key(c)) || !Number.isFinite(c.value)) return [];
      return [{ ...c, text: String(c.text).slice(0, 200), label: q.label.en, from: 'thread' as const }];
    });
    return [...carried, ...current];
  }

  /** Needs that numeric requirements imply: "cold start < 10ms" is also a cold-start need. */
  private withImplied(requirements: readonly Requirement[], constraints: readonly Constraint[]): Requirement[] {
    const out = [...requirements];
    for (const c of constraints) {
      if (c.comparator === '>' || c.comparator === '>=') continue;
      const implies = this.catalog.quantities.get(c.quantity)?.implies;
      const need = implies === undefined ? undefined : this.catalog.needs.get(implies);
      if (need === undefined || out.some((r) => r.need === need.id)) continue;
      out.push({ need: need.id, label: need.label.en, text: c.text, negated: false, from: 'constraint' });
    }
    return out;
  }
}
