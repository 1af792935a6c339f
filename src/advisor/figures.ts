import type { Figure, Knowledge, OperatorInfo, Quantity } from '../knowledge/schema.js';
import type { Constraint, ConstraintCheck, FigureView } from './answer.js';

const TO_CANONICAL: Record<Figure['unit'], number> = {
  ms: 1,
  s: 1000,
  MB: 1,
  MiB: 1.048576,
  GB: 1000,
  GiB: 1073.741824,
};

const trim = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A figure as people read it: `≈ 20.5 ms`, `< 10 ms`, `50–200 MB`. */
export function figureText(f: Figure): string {
  switch (f.bound) {
    case 'approx':
      return `≈ ${trim(f.value)} ${f.unit}`;
    case 'upper':
      return `< ${trim(f.value)} ${f.unit}`;
    case 'range':
      return `${trim(f.value)}–${trim(f.upto ?? f.value)} ${f.unit}`;
    default:
      return `${trim(f.value)} ${f.unit}`;
  }
}

export function viewOf(f: Figure): FigureView {
  return { ...f, text: figureText(f) };
}

/**
 * The figures of a form: the stack's own where it states them, and for any other quantity the operators' figures
 * added up (a VM's 200 ms plus a mesh's 0.3 ms), marked as derived in their source.
 */
export function figuresOf(
  operators: readonly string[],
  stated: readonly Figure[],
  infoBySymbol: ReadonlyMap<string, OperatorInfo>,
): FigureView[] {
  const out: Figure[] = [...stated];
  const quantities: Figure['quantity'][] = ['latency', 'cold_start', 'p50', 'p99', 'memory'];
  for (const quantity of quantities) {
    if (out.some((f) => f.quantity === quantity)) continue;
    const parts = operators.flatMap((op) =>
      (infoBySymbol.get(op)?.figures ?? []).filter((f) => f.quantity === quantity).map((f) => ({ op, f })),
    );
    if (parts.length === 0) continue;
    // Sums are given in the canonical unit of their kind, ms or MB, whatever units the parts were stated in.
    const unit: Figure['unit'] = quantity === 'memory' ? 'MB' : 'ms';
    const factor = (f: Figure) => TO_CANONICAL[f.unit];
    const value = parts.reduce((sum, { f }) => sum + f.value * factor(f), 0);
    const upto = parts.reduce((sum, { f }) => sum + (f.upto ?? f.value) * factor(f), 0);
    const bound: Figure['bound'] = parts.every(({ f }) => f.bound === 'upper')
      ? 'upper'
      : upto !== value
        ? 'range'
        : 'approx';
    out.push({
      quantity,
      value: Math.round(value * 10) / 10,
      ...(bound === 'range' ? { upto: Math.round(upto * 10) / 10 } : {}),
      bound,
      unit,
      source: `derived: ${parts.map(({ op, f }) => `${op} ${figureText(f)}`).join(' + ')}`,
    });
  }
  return out.map(viewOf);
}

const COMPARATOR_TEXT: Record<Constraint['comparator'], string> = {
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  '=': '=',
};

/** `cold start < 10 ms`. */
export function constraintText(c: Pick<Constraint, 'label' | 'comparator' | 'value' | 'unit'>): string {
  return `${c.label} ${COMPARATOR_TEXT[c.comparator]} ${trim(c.value)} ${c.unit}`;
}

/** Whether a stack's figures meet a numeric requirement: met, violated, or unknown (no figure, or it straddles). */
export function checkConstraint(
  constraint: Constraint,
  figures: readonly FigureView[],
  quantities: ReadonlyMap<string, Quantity>,
): ConstraintCheck {
  const label = constraintText(constraint);
  if (constraint.comparator === '>' || constraint.comparator === '>=') {
    // Every quantity here is better smaller: "cold start > 1s is fine" tolerates, it asks nothing of a stack.
    return {
      constraint: label,
      status: 'met',
      reason: `${label} is a tolerance, not a requirement: smaller is better`,
    };
  }
  const fallback = quantities.get(constraint.quantity)?.fallback;
  const figure =
    figures.find((f) => f.quantity === constraint.quantity) ??
    (fallback === undefined ? undefined : figures.find((f) => f.quantity === fallback));
  if (figure === undefined) {
    return { constraint: label, status: 'unknown', reason: `no ${constraint.label} figure is known for this stack` };
  }
  const k = TO_CANONICAL[figure.unit];
  const low = figure.bound === 'upper' ? 0 : figure.value * k;
  const high = (figure.bound === 'range' ? (figure.upto ?? figure.value) : figure.value) * k;
  const strictHigh = figure.bound === 'upper';
  const c = constraint.value;
  // An upper bound (< or ≤; = reads as ≤): met when the whole figure is under it, violated when none of it is.
  const under = (x: number, strict: boolean): boolean =>
    constraint.comparator === '<' ? x < c || (strict && x <= c) : x <= c;
  const allMeet = under(high, strictHigh);
  const noneMeet = !under(low, false);
  const used =
    figure.quantity === constraint.quantity
      ? ''
      : ` (its ${figure.quantity.replace('_', ' ')}; no ${constraint.label} figure is stated)`;
  const shown = `${figure.text}${used}`;
  if (allMeet) return { constraint: label, status: 'met', figure: shown, reason: `${shown} meets ${label}` };
  if (noneMeet)
    return { constraint: label, status: 'violated', figure: shown, reason: `${shown} does not meet ${label}` };
  return { constraint: label, status: 'unknown', figure: shown, reason: `${shown} meets ${label} only in part` };
}

export function operatorIndex(kb: Knowledge): ReadonlyMap<string, OperatorInfo> {
  return new Map(kb.operators.map((o) => [o.symbol, o]));
}
