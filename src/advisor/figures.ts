import type { Figure, Knowledge, OperatorInfo, Quantity } from '../knowledge/schema.js';
import type { Constraint, ConstraintCheck, FigureView } from './answer.js';

export type { ConstraintCheck } from './answer.js';

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
export function figureText(f: Pick<Figure, 'bound' | 'value' | 'upto' | 'unit'>): string {
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
  return { ...f, text: figureText(f), source: { kind: 'stated', text: f.source } };
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
  const out: FigureView[] = stated.map(viewOf);
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
    const figure = {
      quantity,
      value: Math.round(value * 10) / 10,
      ...(bound === 'range' ? { upto: Math.round(upto * 10) / 10 } : {}),
      bound,
      unit,
    };
    out.push({
      ...figure,
      text: figureText(figure),
      source: { kind: 'derived', parts: parts.map(({ op, f }) => ({ operator: op, text: figureText(f) })) },
    });
  }
  return out;
}

/** Whether a stack's figures meet a numeric requirement: met, violated, or unknown (no figure, or it straddles). */
export function checkConstraint(
  constraint: Constraint,
  figures: readonly FigureView[],
  quantities: ReadonlyMap<string, Quantity>,
): ConstraintCheck {
  const { quantity, label, comparator, value, unit, text } = constraint;
  const ref = { quantity, label, comparator, value, unit, text };
  if (comparator === '>' || comparator === '>=') {
    // Every quantity here is better smaller: "cold start > 1s is fine" tolerates, it asks nothing of a stack.
    return { constraint: ref, status: 'met', tolerance: true };
  }
  const fallback = quantities.get(quantity)?.fallback;
  const figure =
    figures.find((f) => f.quantity === quantity) ??
    (fallback === undefined ? undefined : figures.find((f) => f.quantity === fallback));
  if (figure === undefined) return { constraint: ref, status: 'unknown' };
  const k = TO_CANONICAL[figure.unit];
  const low = figure.bound === 'upper' ? 0 : figure.value * k;
  const high = (figure.bound === 'range' ? (figure.upto ?? figure.value) : figure.value) * k;
  const strictHigh = figure.bound === 'upper';
  // An upper bound (< or ≤; = reads as ≤): met when the whole figure is under it, violated when none of it is.
  const under = (x: number, strict: boolean): boolean =>
    comparator === '<' ? x < value || (strict && x <= value) : x <= value;
  const status = under(high, strictHigh) ? 'met' : !under(low, false) ? 'violated' : 'unknown';
  return { constraint: ref, status, figure };
}

export function operatorIndex(kb: Knowledge): ReadonlyMap<string, OperatorInfo> {
  return new Map(kb.operators.map((o) => [o.symbol, o]));
}
