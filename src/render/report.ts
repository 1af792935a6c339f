import { LANGUAGES } from '../language.js';
import type { AnswersReport, LanguageCounts } from '../store/report.js';
import type { Messages } from './messages/messages.js';

const day = (iso: string): string => iso.slice(0, 10);

/** `en 9, zh 3`: the languages with answers, in the catalog's list separator. */
function languages(counts: LanguageCounts, m: Messages): string {
  return LANGUAGES.filter((l) => counts[l] > 0)
    .map((l) => `${l} ${counts[l]}`)
    .join(m.report.separator);
}

// Han characters and full-width punctuation take two columns of a terminal.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const columns = (text: string): number => [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);

/** Lines of `label  count`, the counts aligned (in terminal columns, so Chinese labels line up too). */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => columns(label)));
  return rows.map(([label, count]) => `    ${label}${' '.repeat(width - columns(label))}  ${count}`);
}

/** `stack-advisor report` for people: per week, the stacks answered by language, other answers, unmet limits, conflicts. */
export function reportText(report: AnswersReport, m: Messages): string {
  const lines = [m.report.title(report.total, day(report.since), day(report.until))];
  if (report.weeks.length === 0) return [...lines, m.report.empty].join('\n');
  for (const w of report.weeks) {
    lines.push('', m.report.week(w.week, w.answers, languages(w.languages, m)));
    if (w.stacks.length > 0) {
      lines.push(`  ${m.report.byStack}`);
      lines.push(
        ...table(
          w.stacks.map((s) => [
            `${s.stack ?? m.report.composed} (${s.normalForm})`,
            `${s.answers}  ${languages(s.languages, m)}`,
          ]),
        ),
      );
    }
    if (w.kinds.length > 0) {
      lines.push(
        `  ${m.report.other(w.kinds.map((k) => `${m.report.kind(k.kind)} ${k.answers}`).join(m.report.separator))}`,
      );
    }
    if (w.unmet.length > 0) {
      lines.push(`  ${m.report.unmet}`);
      lines.push(
        ...table(w.unmet.map((u) => [m.report.limit(u.quantity, u.comparator, u.value, u.unit), String(u.answers)])),
      );
    }
    if (w.conflicts.length > 0) {
      lines.push(`  ${m.report.conflicts}`);
      lines.push(...table(w.conflicts.map((c) => [m.report.conflict(c.kind, c.subjects), String(c.answers)])));
    }
  }
  return lines.join('\n');
}
