import { splitOf } from './corpus.js';
import type { Scored } from './score.js';

/** Passed out of total for one group of cases. */
export interface Tally {
  readonly group: string;
  readonly passed: number;
  readonly total: number;
}

/** The figures `npm run eval` prints, as data: the test and the doc read the same numbers. */
export interface EvalReport {
  readonly overall: Tally;
  readonly bySplit: readonly Tally[];
  readonly byLanguage: readonly Tally[];
  readonly byStyle: readonly Tally[];
  readonly byExpected: readonly Tally[];
  /** Expected → got, most frequent first. */
  readonly confusions: readonly { readonly expected: string; readonly got: string; readonly count: number }[];
}

function tally(scored: readonly Scored[], groupOf: (s: Scored) => string): Tally[] {
  const groups = new Map<string, { passed: number; total: number }>();
  for (const s of scored) {
    const key = groupOf(s);
    const g = groups.get(key) ?? { passed: 0, total: 0 };
    g.total++;
    if (s.pass) g.passed++;
    groups.set(key, g);
  }
  return [...groups]
    .map(([group, g]) => ({ group, ...g }))
    .sort((a, b) => b.total - a.total || (a.group < b.group ? -1 : 1));
}

/** The expected stack of an advice case, or the kind of any other: what `byExpected` groups by. */
const expectedGroup = (s: Scored): string => (s.case.kind === 'advice' ? (s.case.form ?? 'advice') : s.case.kind);

export function report(scored: readonly Scored[]): EvalReport {
  const counts = new Map<string, { expected: string; got: string; count: number }>();
  for (const s of scored) {
    if (s.pass) continue;
    const key = `${s.expected}\u0000${s.got}`;
    const entry = counts.get(key) ?? { expected: s.expected, got: s.got, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return {
    overall: tally(scored, () => 'overall')[0] ?? { group: 'overall', passed: 0, total: 0 },
    bySplit: tally(scored, (s) => splitOf(s.case.id)),
    byLanguage: tally(scored, (s) => s.case.lang),
    byStyle: tally(scored, (s) => s.case.style),
    byExpected: tally(scored, expectedGroup),
    confusions: [...counts.values()].sort(
      (a, b) => b.count - a.count || (a.expected + a.got < b.expected + b.got ? -1 : 1),
    ),
  };
}

const percent = (t: Tally): string => (t.total === 0 ? '-' : `${((100 * t.passed) / t.total).toFixed(1)} %`);

function table(title: string, rows: readonly Tally[]): string {
  const lines = [`| ${title} | passed | total | accuracy |`, '|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.group} | ${r.passed} | ${r.total} | ${percent(r)} |`);
  return lines.join('\n');
}

/** The report as Markdown: what `npm run eval` prints and `docs/EVALUATION.md` quotes. */
export function markdown(r: EvalReport): string {
  const confusions =
    r.confusions.length === 0
      ? 'none'
      : [
          '| expected | got | count |',
          '|---|---|---:|',
          ...r.confusions.map((c) => `| ${c.expected} | ${c.got} | ${c.count} |`),
        ].join('\n');
  return [
    `**Overall: ${r.overall.passed} / ${r.overall.total} = ${percent(r.overall)}**`,
    table('split', r.bySplit),
    table('language', r.byLanguage),
    table('style', r.byStyle),
    table('expected', r.byExpected),
    `Confusion pairs (expected → got):\n\n${confusions}`,
  ].join('\n\n');
}
