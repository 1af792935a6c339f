import type { Need } from '../knowledge/schema.js';
import type { ConstraintCheck, Reason, Requirement } from './answer.js';
import { refOf } from './catalog.js';
import type { Weighed } from './decide.js';

/**
 * Why the chosen stack: which words mapped to which need and what each did for it, every numeric check, what was
 * excluded and by what, and the stack's own reason. Facts; the catalogs say them.
 */
export function reasons(
  needs: ReadonlyMap<string, Need>,
  requirements: readonly Requirement[],
  checks: readonly ConstraintCheck[],
  stackReason: Reason,
  ranked: readonly Weighed[],
  chosenId: string,
  radarReasons: readonly Reason[] = [],
): Reason[] {
  // The radar's reasons come first: they say why this stack and not the one the requirements alone would pick.
  const out: Reason[] = [...radarReasons];
  for (const r of requirements) {
    const need = needs.get(r.need);
    if (need === undefined) continue;
    if (r.reading !== undefined && r.indifferent !== true) {
      out.push({
        kind: 'reading',
        requirement: r,
        reading: r.reading,
        weight: r.negated ? 0 : (need.supports[chosenId] ?? 0),
      });
    } else if (r.indifferent) out.push({ kind: 'indifferent', requirement: r });
    else if (r.negated) out.push({ kind: 'negated', requirement: r, excludes: need.negated_excludes ?? [] });
    else {
      const weight = need.supports[chosenId];
      out.push(weight ? { kind: 'supports', requirement: r, weight } : { kind: 'not-for-stack', requirement: r });
    }
  }
  for (const check of checks) out.push({ kind: 'check', check });
  for (const w of ranked) {
    // A stack only the radar excludes is named only when it would have won (the radar's own reason says so).
    const byRadarOnly = w.excludedBy.every((e) => e.kind === 'radar-hold');
    if (w.entry.stack.id !== chosenId && w.excludedBy.length > 0 && w.score > 0 && !byRadarOnly) {
      out.push({ kind: 'excluded', stack: refOf(w.entry), excludedBy: w.excludedBy });
    }
  }
  if (!requirements.some((r) => !r.negated && (needs.get(r.need)?.supports[chosenId] ?? 0) > 0)) {
    out.push({ kind: 'ranked-by-numbers' });
  }
  out.push(stackReason);
  return out;
}
