import type pg from 'pg';
import type { Comparator } from '../advisor/answer.js';
import { LANGUAGES, type Language } from '../language.js';
import type { AnswerRecord, ConflictFact, UnmetLimit } from '../slack/answer-log.js';

/**
 * What teams asked for, from the `answers` table, per week (weeks start on Monday, UTC): `stack-advisor report`.
 * Facts only; the CLI renders them in words from the catalogs, or as JSON (this shape, `version` 1).
 */
export interface AnswersReport {
  readonly version: 1;
  /** The period, ISO 8601 instants: answers at or after `since` and before `until`. */
  readonly since: string;
  readonly until: string;
  readonly total: number;
  /** Oldest first; weeks without answers are left out. */
  readonly weeks: readonly WeekReport[];
}

export type LanguageCounts = Readonly<Record<Language, number>>;

export interface WeekReport {
  /** The Monday that starts the week, YYYY-MM-DD. */
  readonly week: string;
  readonly answers: number;
  readonly languages: LanguageCounts;
  /** Answers that landed on a stack (its id; null for a form assembled from operators), most answered first. */
  readonly stacks: readonly {
    readonly stack: string | null;
    readonly normalForm: string;
    readonly answers: number;
    readonly languages: LanguageCounts;
  }[];
  /** The other answers (help, comparisons, refusals…) by kind, most first. */
  readonly kinds: readonly { readonly kind: AnswerRecord['kind']; readonly answers: number }[];
  /** The numeric requirements the recommended stack did not meet, most frequent first (at most `top`). */
  readonly unmet: readonly (Omit<UnmetLimit, 'status'> & { readonly answers: number })[];
  /** The conflicts answers reported, most frequent first (at most `top`). */
  readonly conflicts: readonly (ConflictFact & { readonly answers: number })[];
}

const zero = (): Record<Language, number> =>
  Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>;
const isLanguage = (l: string): l is Language => (LANGUAGES as readonly string[]).includes(l);
const byCount = <T extends { answers: number }>(a: T, b: T) => b.answers - a.answers;

const WEEK = `to_char(date_trunc('week', answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
const PERIOD = 'answered_at >= $1 AND answered_at < $2';

/** Reads the report of the answers in [since, until); `top` bounds the unmet limits and conflicts listed per week. */
export async function readReport(pool: pg.Pool, since: Date, until: Date, top = 5): Promise<AnswersReport> {
  const period = [since, until];
  const [groups, unmet, conflicts] = await Promise.all([
    pool.query<{
      week: string;
      kind: string;
      stack_id: string | null;
      normal_form: string | null;
      language: string;
      n: string;
    }>(
      `SELECT ${WEEK} AS week, kind, stack_id, normal_form, language, count(*) AS n FROM answers
        WHERE ${PERIOD} GROUP BY 1, 2, 3, 4, 5`,
      period,
    ),
    pool.query<{ week: string; quantity: string; comparator: string; value: number; unit: string; n: string }>(
      `SELECT ${WEEK} AS week, u->>'quantity' AS quantity, u->>'comparator' AS comparator,
              (u->>'value')::float8 AS value, u->>'unit' AS unit, count(*) AS n
         FROM answers CROSS JOIN LATERAL jsonb_array_elements(unmet) AS u
        WHERE ${PERIOD} GROUP BY 1, 2, 3, 4, 5`,
      period,
    ),
    pool.query<{ week: string; kind: string; subjects: string[]; n: string }>(
      `SELECT ${WEEK} AS week, c->>'kind' AS kind, c->'subjects' AS subjects, count(*) AS n
         FROM answers CROSS JOIN LATERAL jsonb_array_elements(conflicts) AS c
        WHERE ${PERIOD} GROUP BY 1, 2, 3`,
      period,
    ),
  ]);
  interface Week {
    answers: number;
    languages: Record<Language, number>;
    stacks: Map<
      string,
      { stack: string | null; normalForm: string; answers: number; languages: Record<Language, number> }
    >;
    kinds: Map<string, number>;
    unmet: (Omit<UnmetLimit, 'status'> & { answers: number })[];
    conflicts: (ConflictFact & { answers: number })[];
  }
  const weeks = new Map<string, Week>();
  const week = (w: string): Week => {
    let found = weeks.get(w);
    if (found === undefined) {
      found = { answers: 0, languages: zero(), stacks: new Map(), kinds: new Map(), unmet: [], conflicts: [] };
      weeks.set(w, found);
    }
    return found;
  };
  for (const r of groups.rows) {
    const n = Number(r.n);
    const w = week(r.week);
    w.answers += n;
    if (isLanguage(r.language)) w.languages[r.language] += n;
    if (r.normal_form !== null && (r.kind === 'advice' || r.kind === 'simplification' || r.kind === 'explanation')) {
      const key = `${r.stack_id ?? ''}|${r.normal_form}`;
      let s = w.stacks.get(key);
      if (s === undefined) {
        s = { stack: r.stack_id, normalForm: r.normal_form, answers: 0, languages: zero() };
        w.stacks.set(key, s);
      }
      s.answers += n;
      if (isLanguage(r.language)) s.languages[r.language] += n;
    } else {
      w.kinds.set(r.kind, (w.kinds.get(r.kind) ?? 0) + n);
    }
  }
  for (const r of unmet.rows) {
    week(r.week).unmet.push({
      quantity: r.quantity as UnmetLimit['quantity'],
      comparator: r.comparator as Comparator,
      value: Number(r.value),
      unit: r.unit === 'MB' ? 'MB' : 'ms',
      answers: Number(r.n),
    });
  }
  for (const r of conflicts.rows) {
    week(r.week).conflicts.push({
      kind: r.kind as ConflictFact['kind'],
      subjects: Array.isArray(r.subjects) ? r.subjects.map(String) : [],
      answers: Number(r.n),
    });
  }
  const ordered = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    version: 1,
    since: since.toISOString(),
    until: until.toISOString(),
    total: ordered.reduce((sum, [, w]) => sum + w.answers, 0),
    weeks: ordered.map(([start, w]) => ({
      week: start,
      answers: w.answers,
      languages: w.languages,
      stacks: [...w.stacks.values()].sort(
        (a, b) => byCount(a, b) || (a.stack ?? a.normalForm).localeCompare(b.stack ?? b.normalForm),
      ),
      kinds: [...w.kinds.entries()]
        .map(([kind, answers]) => ({ kind: kind as AnswerRecord['kind'], answers }))
        .sort((a, b) => byCount(a, b) || a.kind.localeCompare(b.kind)),
      unmet: w.unmet
        .sort(
          (a, b) =>
            byCount(a, b) ||
            a.quantity.localeCompare(b.quantity) ||
            a.comparator.localeCompare(b.comparator) ||
            a.value - b.value,
        )
        .slice(0, top),
      conflicts: w.conflicts
        .sort(
          (a, b) => byCount(a, b) || a.kind.localeCompare(b.kind) || a.subjects.join().localeCompare(b.subjects.join()),
        )
        .slice(0, top),
    })),
  };
}
