import type { Need } from '../knowledge/schema.js';
import type { ConstraintCheck, Requirement } from './answer.js';
import type { Weighed } from './decide.js';

const quote = (text: string): string => `“${text}”`;

/**
 * Why the chosen stack: which words mapped to which need and what each did for it, every numeric check, what was
 * excluded and by what, and the stack's own reason.
 */
export function reasons(
  needs: ReadonlyMap<string, Need>,
  requirements: readonly Requirement[],
  checks: readonly ConstraintCheck[],
  stackWhy: string,
  ranked: readonly Weighed[],
  chosenId: string,
): string[] {
  const lines: string[] = [];
  for (const r of requirements) {
    const need = needs.get(r.need);
    if (need === undefined) continue;
    const from = r.from === 'thread' ? ' (from earlier in the thread)' : '';
    if (r.indifferent) {
      lines.push(`${quote(r.text)}${from} does not matter here: ${need.label.en} is not weighed`);
      continue;
    }
    if (r.negated) {
      const ops = need.negated_excludes ?? [];
      lines.push(
        ops.length > 0
          ? `${quote(r.text)}${from} is negated: stacks with ${ops.join(', ')} are ruled out`
          : `${quote(r.text)}${from} is negated: ${need.label.en} is not required`,
      );
      continue;
    }
    const weight = need.supports[chosenId];
    lines.push(
      weight
        ? `${quote(r.text)}${from} → ${need.label.en}: supports this stack (+${weight})`
        : `${quote(r.text)}${from} → ${need.label.en}: not what this stack is for`,
    );
  }
  for (const check of checks) lines.push(`${check.constraint}: ${check.status} — ${check.reason}`);
  for (const w of ranked) {
    if (w.entry.stack.id !== chosenId && w.excludedBy.length > 0 && w.score > 0) {
      lines.push(`${w.entry.stack.name} (${w.entry.stack.form}) excluded: ${w.excludedBy.join('; ')}`);
    }
  }
  if (!requirements.some((r) => !r.negated && (needs.get(r.need)?.supports[chosenId] ?? 0) > 0)) {
    lines.push(
      'No named need prefers one stack here: the stacks are ranked by the numeric requirements, then the metric table.',
    );
  }
  lines.push(stackWhy);
  return lines;
}
