import type { Carried, Constraint, Requirement } from './answer.js';
import type { Catalog } from './catalog.js';

/** The most needs and numbers a thread carries on: a long thread cannot grow an answer without bound. */
export const MAX_CARRIED = 50;
const TEXT_SHOWN = 200;

/** The requirements of the thread's earlier answer that this request does not restate, then this request's own. */
export function withThread(
  catalog: Catalog,
  current: readonly Requirement[],
  previous: Carried | undefined,
): Requirement[] {
  const mine = new Set(current.map((r) => r.need));
  const carried = (previous?.needs ?? []).slice(0, MAX_CARRIED).flatMap((p): Requirement[] => {
    const need = catalog.needs.get(p.need);
    if (need === undefined || mine.has(p.need)) return [];
    return [
      {
        need: p.need,
        label: need.label,
        text: String(p.text).slice(0, TEXT_SHOWN),
        negated: p.negated === true,
        source: 'thread',
        implied: false,
      },
    ];
  });
  return [...carried, ...current];
}

/** The thread's numbers that this request does not restate (same quantity, same direction), then its own. */
export function withThreadConstraints(
  catalog: Catalog,
  current: readonly Constraint[],
  previous: Carried | undefined,
): Constraint[] {
  const direction = (c: Pick<Constraint, 'comparator'>) => (c.comparator.startsWith('>') ? 'up' : 'down');
  const key = (c: Pick<Constraint, 'quantity' | 'comparator'>) => `${c.quantity}:${direction(c)}`;
  const mine = new Set(current.map(key));
  const carried = (previous?.constraints ?? []).slice(0, MAX_CARRIED).flatMap((c): Constraint[] => {
    const q = catalog.quantities.get(c.quantity);
    if (q === undefined || mine.has(key(c)) || !Number.isFinite(c.value)) return [];
    return [{ ...c, text: String(c.text).slice(0, TEXT_SHOWN), label: q.label, assumptions: [], source: 'thread' }];
  });
  return [...carried, ...current];
}

/** Needs that numeric requirements imply: "cold start < 10ms" is also a cold-start need. */
export function withImplied(
  catalog: Catalog,
  requirements: readonly Requirement[],
  constraints: readonly Constraint[],
): Requirement[] {
  const out = [...requirements];
  for (const c of constraints) {
    if (c.comparator === '>' || c.comparator === '>=') continue;
    const implies = catalog.quantities.get(c.quantity)?.implies;
    const need = implies === undefined ? undefined : catalog.needs.get(implies);
    if (need === undefined || out.some((r) => r.need === need.id)) continue;
    out.push({ need: need.id, label: need.label, text: c.text, negated: false, source: c.source, implied: true });
  }
  return out;
}

/** What this answer hands on to the next question in its thread. */
export function carriedOf(
  requirements: readonly Requirement[],
  constraints: readonly Constraint[],
  language: Carried['language'],
): Carried {
  return {
    // A need that does not matter is not carried: read back as negated, it would rule stacks out.
    needs: requirements
      .filter((r) => !r.implied && r.indifferent !== true)
      .slice(-MAX_CARRIED)
      .map((r) => ({ need: r.need, negated: r.negated, text: r.text })),
    constraints: constraints
      .slice(-MAX_CARRIED)
      .map(({ quantity, comparator, value, unit, text }) => ({ quantity, comparator, value, unit, text })),
    ...(language === undefined ? {} : { language }),
  };
}
