import type { Operator } from '../algebra/operators.js';
import type { Knowledge, Need, Quantity, Topic } from '../knowledge/schema.js';
import type { Comparator } from './answer.js';
import { PhraseMatcher } from './phrase-matcher.js';

export interface Unit {
  readonly kind: 'time' | 'size';
  readonly factor: number;
}

/** The requirement vocabulary of a knowledge base compiled into phrase matchers, once per knowledge base. */
/** What a phrase found before a need is: the need itself, or a word that negates what follows. */
export type Lead = { readonly kind: 'need'; readonly need: Need } | { readonly kind: 'negation' | 'indifference' };

export interface Lexicon {
  /** Needs, negations ("no", "不要") and indifference ("don't care about") in one matcher: one pass per request. */
  readonly needsAndNegations: PhraseMatcher<Lead>;
  readonly needById: ReadonlyMap<string, Need>;
  readonly quantities: PhraseMatcher<Quantity>;
  readonly quantityById: ReadonlyMap<string, Quantity>;
  readonly comparatorsBefore: PhraseMatcher<Comparator>;
  readonly comparatorsAfter: PhraseMatcher<Comparator>;
  readonly units: PhraseMatcher<Unit>;
  readonly negationAfter: PhraseMatcher<true>;
  /** "does not matter", "无所谓": the need is dropped, nothing is ruled out. */
  readonly indifferentAfter: PhraseMatcher<true>;
  readonly filler: ReadonlySet<string>;
  readonly fillerZh: PhraseMatcher<true>;
  /** What people call the operators when they ask about them (`gVisor`, `ztunnel`, `边车`), and their names. */
  readonly terms: PhraseMatcher<Operator>;
  /** Complaints ("eat our memory", "太吃内存"): against the component named in the same clause. */
  readonly complaints: PhraseMatcher<true>;
  /** Negations that follow a need and end its clause ("service mesh no"). */
  readonly negationFinal: PhraseMatcher<true>;
  /** Capabilities described, not named: one matcher per group of each description. */
  readonly described: readonly {
    readonly need: Need;
    readonly reading: Need['reading'];
    readonly groups: readonly PhraseMatcher<true>[];
  }[];
  /** Topics outside what the advisor decides (GPUs, databases…). */
  readonly topics: PhraseMatcher<Topic>;
}

/** How every matcher sees text: compatibility forms folded (full-width `＜`, `，`, digits), lower case, plain `'`. */
export function fold(text: string): string {
  // Typographic apostrophes (Slack and phones type them) read as plain ones: "doesn’t" is "doesn't".
  return text.normalize('NFKC').toLowerCase().replace(/[‘’′]/g, "'");
}

const words = <T>(list: readonly string[], value: T): [string, T][] => list.map((w) => [fold(w), value]);

export function compileLexicon(kb: Knowledge): Lexicon {
  const comparators = (side: 'before' | 'after') =>
    kb.comparators.flatMap((c) => words([...c[side].en, ...c[side].zh], c.symbol as Comparator));
  const needWords = kb.needs.flatMap((n) => words([...n.synonyms.en, ...n.synonyms.zh], n));
  const negation: Lead = { kind: 'negation' };
  const indifference: Lead = { kind: 'indifference' };
  return {
    needsAndNegations: new PhraseMatcher<Lead>([
      ...needWords.map(([w, need]): [string, Lead] => [w, { kind: 'need', need }]),
      ...words([...kb.negation.indifferent.before.en, ...kb.negation.indifferent.before.zh], indifference),
      ...words([...kb.negation.before.en, ...kb.negation.before.zh], negation),
    ]),
    needById: new Map(kb.needs.map((n) => [n.id, n])),
    quantities: new PhraseMatcher(kb.quantities.flatMap((q) => words([...q.words.en, ...q.words.zh], q))),
    quantityById: new Map(kb.quantities.map((q) => [q.id, q])),
    comparatorsBefore: new PhraseMatcher(comparators('before')),
    comparatorsAfter: new PhraseMatcher(comparators('after')),
    units: new PhraseMatcher(
      kb.units.flatMap((u) => words(u.words, { kind: u.kind, factor: u.factor })),
      true,
    ),
    negationAfter: new PhraseMatcher(
      words(
        [...kb.negation.after.en, ...kb.negation.after.zh].flatMap((w) => [w, `is ${w}`, `are ${w}`]),
        true as const,
      ),
    ),
    indifferentAfter: new PhraseMatcher(
      words(
        [...kb.negation.indifferent.after.en, ...kb.negation.indifferent.after.zh].flatMap((w) => [
          w,
          `is ${w}`,
          `are ${w}`,
        ]),
        true as const,
      ),
    ),
    filler: new Set(kb.filler.en.map(fold)),
    fillerZh: new PhraseMatcher(words(kb.filler.zh, true as const)),
    terms: new PhraseMatcher<Operator>([
      ...kb.terms.flatMap((t) => words([...t.words.en, ...t.words.zh], t.operator)),
      ...kb.operators.flatMap((o) => words([o.name.en, o.name.zh], o.symbol)),
    ]),
    complaints: new PhraseMatcher(words([...kb.negation.complaints.en, ...kb.negation.complaints.zh], true as const)),
    negationFinal: new PhraseMatcher(words([...kb.negation.final.en, ...kb.negation.final.zh], true as const)),
    described: kb.described.flatMap((d) => {
      const need = kb.needs.find((n) => n.id === d.need);
      if (need === undefined) return [];
      return [
        {
          need,
          reading: d.reading,
          groups: d.groups.map((g) => new PhraseMatcher(words([...g.en, ...g.zh], true as const))),
        },
      ];
    }),
    topics: new PhraseMatcher(kb.topics.flatMap((t) => words([...t.words.en, ...t.words.zh], t))),
  };
}
