import { type Operator, SYMBOLS } from '../algebra/operators.js';
import type { OperatorInfo } from '../knowledge/schema.js';
import type { ParsedRadar, RadarEntry, RadarError, RadarMark, RadarStamp, Ring } from './model.js';

/**
 * A radar matched to what the knowledge base knows. Each entry names operators: through its own `operator` field, or
 * by its title or id against the operators' names, stack parts and implementations (case-insensitive, `-` and `_` as
 * spaces, a trailing `(…)` and version numbers left out). An exact name wins; failing that, the entry names every
 * operator one of whose names begins with it ("Kata Containers" → V, Kc, F). Entries that name nothing are kept
 * aside, to be warned about. Pure.
 */
export interface RadarBook {
  readonly stamp: RadarStamp;
  /** The entries that name an operator, in file order. */
  readonly marks: readonly RadarMark[];
  /** The entries that name nothing the knowledge base knows. */
  readonly unmatched: readonly RadarEntry[];
  /** For each operator, the entries that decide its ring: of those that name it, the ones naming fewest operators. */
  readonly byOperator: ReadonlyMap<Operator, readonly RadarMark[]>;
  /** The words that name each mark in a request: its title and id, normalized. */
  readonly words: ReadonlyMap<RadarMark, readonly string[]>;
}

/** Names as they are compared: NFKC (full-width forms), lower case, `-` and `_` as spaces, single spaces. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A name, without a trailing `(…)`, and without version numbers: `WasmEdge 0.14 (on crun)` → `wasmedge`. */
function variants(name: string): string[] {
  const full = normalizeName(name);
  const bare = full.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const unversioned = bare
    .split(' ')
    .filter((w) => !/^v?\d+(\.\d+)+$/.test(w))
    .join(' ');
  return [...new Set([full, bare, unversioned])].filter((v) => v !== '');
}

/** Every name of every operator, normalized, to the operators it names. */
function nameIndex(operators: readonly OperatorInfo[]): Map<string, Set<Operator>> {
  const index = new Map<string, Set<Operator>>();
  for (const o of operators) {
    const names = [o.name, o.stack_part, ...o.implementations].flatMap((t) => [t.en, t.zh]);
    for (const key of names.flatMap(variants)) {
      const set = index.get(key) ?? new Set<Operator>();
      set.add(o.symbol);
      index.set(key, set);
    }
  }
  return index;
}

const SYMBOL_BY_LOWER = new Map<string, Operator>(SYMBOLS.map((s) => [s.toLowerCase(), s]));
const inOrder = (set: ReadonlySet<Operator>): Operator[] => SYMBOLS.filter((s) => set.has(s));

/** The operators a title or id names: exactly, or else as the beginning of a longer name. */
function namedOperators(names: readonly string[], index: ReadonlyMap<string, ReadonlySet<Operator>>): Operator[] {
  const keys = [...new Set(names.flatMap(variants))];
  const exact = new Set<Operator>();
  for (const k of keys) for (const op of index.get(k) ?? []) exact.add(op);
  if (exact.size > 0) return inOrder(exact);
  const prefixed = new Set<Operator>();
  for (const [name, ops] of index) {
    if (keys.some((k) => name.startsWith(`${k} `))) for (const op of ops) prefixed.add(op);
  }
  return inOrder(prefixed);
}

/** Matches a parsed radar to the operators; an `operator` field that names no operator is an error. */
export function matchRadar(
  radar: ParsedRadar,
  stamp: RadarStamp,
  operators: readonly OperatorInfo[],
): { ok: true; value: RadarBook } | { ok: false; error: RadarError } {
  const index = nameIndex(operators);
  const marks: RadarMark[] = [];
  const unmatched: RadarEntry[] = [];
  const words = new Map<RadarMark, string[]>();
  for (const entry of radar.entries) {
    let named: Operator[];
    if (entry.operatorField !== undefined) {
      const set = new Set<Operator>();
      for (const value of entry.operatorField) {
        const symbol = SYMBOL_BY_LOWER.get(value.toLowerCase());
        const ops = symbol === undefined ? namedOperators([value], index) : [symbol];
        if (ops.length === 0) {
          return {
            ok: false,
            error: {
              entry: { index: entry.index, name: entry.title },
              ...(entry.line === undefined ? {} : { line: entry.line }),
              problem: { kind: 'bad-operator', value },
            },
          };
        }
        for (const op of ops) set.add(op);
      }
      named = inOrder(set);
    } else {
      named = namedOperators([entry.title, entry.id], index);
    }
    if (named.length === 0) {
      unmatched.push(entry);
      continue;
    }
    const mark: RadarMark = {
      id: entry.id,
      title: entry.title,
      ring: entry.ring,
      quadrant: entry.quadrant,
      description: entry.description,
      links: entry.links,
      operators: named,
    };
    marks.push(mark);
    words.set(
      mark,
      [...new Set([entry.title, entry.id].map(normalizeName))].filter((w) => w !== ''),
    );
  }
  const byOperator = new Map<Operator, RadarMark[]>();
  for (const op of SYMBOLS) {
    const naming = marks.filter((m) => m.operators.includes(op));
    if (naming.length === 0) continue;
    const fewest = Math.min(...naming.map((m) => m.operators.length));
    byOperator.set(
      op,
      naming.filter((m) => m.operators.length === fewest),
    );
  }
  return { ok: true, value: { stamp, marks, unmatched, byOperator, words } };
}

/** How much a ring endorses, for breaking near ties: adopt 0, trial 1, not on the radar 2, assess 3, hold 4. */
const RANK: Readonly<Record<Ring, number>> = { adopt: 0, trial: 1, assess: 3, hold: 4 };
export const UNLISTED_RANK = 2;

/** The entries that decide the rings of these operators (a stack's, as deployed), each once, in operator order. */
export function marksFor(book: RadarBook, operators: readonly Operator[]): RadarMark[] {
  const out: RadarMark[] = [];
  for (const op of operators) for (const m of book.byOperator.get(op) ?? []) if (!out.includes(m)) out.push(m);
  return out;
}

/** A stack's standing: its least endorsed technology on the radar; a stack with none on it ranks between trial and assess. */
export function rankOf(marks: readonly RadarMark[]): number {
  return marks.length === 0 ? UNLISTED_RANK : Math.max(...marks.map((m) => RANK[m.ring]));
}

/** The marks that set a stack's rank: those in its least endorsed ring. */
export function worstMarks(marks: readonly RadarMark[]): RadarMark[] {
  const rank = rankOf(marks);
  return marks.filter((m) => RANK[m.ring] === rank);
}

const LATIN = /[a-z0-9]/;

/** Whether `words` occurs in `text` (both normalized) as whole words: `istio sidecar`, not `istio sidecars`. */
export function containsWords(text: string, words: string): boolean {
  if (words === '') return false;
  let at = text.indexOf(words);
  while (at >= 0) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + words.length] ?? '';
    const edgeOk = (c: string, inner: string) => c === '' || !LATIN.test(c) || !LATIN.test(inner);
    if (edgeOk(before, words[0]) && edgeOk(after, words[words.length - 1])) return true;
    at = text.indexOf(words, at + 1);
  }
  return false;
}

/** What a need says about operators: the add-ons it asks for, the operators its negation rules out. */
export interface NeedOperators {
  readonly text: string;
  readonly operators?: readonly Operator[];
  readonly negated_excludes?: readonly Operator[];
}

/**
 * The words of a request that name a radar entry, if any: the entry's title or id as whole words, or a requirement
 * for a need that is about that technology alone (its add-ons, or what its negation rules out, all among the
 * entry's operators: `sidecar` names the sidecar mesh, `service mesh` does not).
 */
export function namingWords(
  book: RadarBook,
  mark: RadarMark,
  request: string,
  needs: readonly NeedOperators[],
): string | undefined {
  const text = normalizeName(request);
  const word = (book.words.get(mark) ?? []).find((w) => containsWords(text, w));
  if (word !== undefined) return word;
  const within = (ops: readonly Operator[] | undefined) =>
    ops !== undefined && ops.length > 0 && ops.every((op) => mark.operators.includes(op));
  return needs.find((n) => within(n.operators) || within(n.negated_excludes))?.text;
}
