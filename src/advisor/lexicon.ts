import type { Knowledge, Need, Quantity } from '../knowledge/schema.js';
import type { Comparator } from './answer.js';

/** The requirement vocabulary of a knowledge base compiled into matchers, once per knowledge base. */
export interface Lexicon {
  readonly needs: RegExp;
  readonly needByWord: ReadonlyMap<string, Need>;
  readonly needById: ReadonlyMap<string, Need>;
  readonly constraintPatterns: readonly RegExp[];
  readonly quantityByWord: ReadonlyMap<string, Quantity>;
  readonly quantityById: ReadonlyMap<string, Quantity>;
  readonly comparatorBefore: ReadonlyMap<string, Comparator>;
  readonly comparatorAfter: ReadonlyMap<string, Comparator>;
  readonly unitByWord: ReadonlyMap<string, { readonly kind: 'time' | 'size'; readonly factor: number }>;
  readonly negationBefore: RegExp;
  readonly negationAfter: RegExp;
  readonly filler: ReadonlySet<string>;
  readonly fillerZh: RegExp;
}

/** How every matcher sees text: compatibility forms folded (full-width `＜`, `，`, digits), lower case. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/.test(ch);

/** A synonym as a pattern: English words match whole, and a space or hyphen also matches `-`, `_` or nothing. */
function wordPattern(word: string, attached = false): string {
  const folded = fold(word);
  const body = folded
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s_-]*');
  // A unit may stand right after its number (`10ms`), so only its end is a word boundary.
  const start = isWordChar(folded[0]) && !attached ? '(?<![a-z0-9])' : '';
  const end = isWordChar(folded[folded.length - 1]) ? '(?![a-z0-9])' : '';
  return `${start}${body}${end}`;
}

/** Longest first, so that `lightweight` wins over `light` and `强隔离` over `隔离`. */
function alternation(words: readonly string[], attached = false): string {
  const unique = [...new Set(words.map(fold))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map((w) => wordPattern(w, attached)).join('|');
}

/** The key a matched text is looked up by: folded, separators squeezed out. */
export function wordKey(text: string): string {
  return fold(text).replace(/[\s_-]+/g, '');
}

export function compileLexicon(kb: Knowledge): Lexicon {
  const needByWord = new Map<string, Need>();
  for (const need of kb.needs) {
    for (const word of [...need.synonyms.en, ...need.synonyms.zh]) {
      if (!needByWord.has(wordKey(word))) needByWord.set(wordKey(word), need);
    }
  }
  const quantityByWord = new Map<string, Quantity>();
  for (const q of kb.quantities) for (const w of [...q.words.en, ...q.words.zh]) quantityByWord.set(wordKey(w), q);
  const comparatorBefore = new Map<string, Comparator>();
  const comparatorAfter = new Map<string, Comparator>();
  for (const c of kb.comparators) {
    for (const w of [...c.before.en, ...c.before.zh]) comparatorBefore.set(wordKey(w), c.symbol);
    for (const w of [...c.after.en, ...c.after.zh]) comparatorAfter.set(wordKey(w), c.symbol);
  }
  const unitByWord = new Map<string, { kind: 'time' | 'size'; factor: number }>();
  for (const u of kb.units) for (const w of u.words) unitByWord.set(wordKey(w), { kind: u.kind, factor: u.factor });

  const quantity = alternation(kb.quantities.flatMap((q) => [...q.words.en, ...q.words.zh]));
  const before = alternation(kb.comparators.flatMap((c) => [...c.before.en, ...c.before.zh]));
  const after = alternation(kb.comparators.flatMap((c) => [...c.after.en, ...c.after.zh]));
  const unit = alternation(
    kb.units.flatMap((u) => u.words),
    true,
  );
  const number = '(?<num>\\d+(?:\\.\\d+)?)';
  const fill = '[^\\d,;.!?\\n<>≤≥=、。:：]{0,24}?';
  const tail = `(?:\\s*(?<after>${after}))?`;
  const constraintPatterns = [
    // cold start < 10 ms · 冷启动小于10毫秒 · memory footprint should stay under 50 MB · 冷启动 10毫秒以内
    new RegExp(
      `(?<q>${quantity})\\s*[:：]?${fill}(?:(?<before>${before})\\s*[-:]?\\s*)?${number}\\s*(?<unit>${unit})${tail}`,
      'g',
    ),
    // under 10 ms cold start · sub-10ms cold start · 10 ms cold start
    new RegExp(
      `(?:(?<before>${before})\\s*-?\\s*)?${number}\\s*(?<unit>${unit})${tail}\\s*(?:of\\s+|的)?(?<q>${quantity})(?:\\s*(?<after2>${after}))?`,
      'g',
    ),
    // a bare figure: < 10ms, 0.5 s, 1 GiB (the quantity follows from the unit)
    new RegExp(`(?:(?<before>${before})\\s*-?\\s*)?${number}\\s*(?<unit>${unit})${tail}`, 'g'),
  ];
  const negBefore = alternation([...kb.negation.before.en, ...kb.negation.before.zh]);
  const negAfter = alternation([...kb.negation.after.en, ...kb.negation.after.zh]);
  const fillerZh = kb.filler.zh.length > 0 ? alternation(kb.filler.zh) : '(?!)';
  return {
    needs: new RegExp(alternation(kb.needs.flatMap((n) => [...n.synonyms.en, ...n.synonyms.zh])), 'g'),
    needByWord,
    needById: new Map(kb.needs.map((n) => [n.id, n])),
    constraintPatterns,
    quantityByWord,
    quantityById: new Map(kb.quantities.map((q) => [q.id, q])),
    comparatorBefore,
    comparatorAfter,
    unitByWord,
    negationBefore: new RegExp(`(?:${negBefore})`, 'g'),
    negationAfter: new RegExp(`^\\s*(?:is\\s+|are\\s+)?(?:${negAfter})`),
    filler: new Set(kb.filler.en.map(fold)),
    fillerZh: new RegExp(fillerZh, 'g'),
  };
}
