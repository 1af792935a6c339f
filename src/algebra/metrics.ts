import type { Localized } from '../language.js';
import { type HEADS, type Head, isHead, type Operator } from './operators.js';

/** Latency, Security, Observability, each scored 1–5. */
export type MetricVector = readonly [number, number, number];

/** A row of the metric table (the knowledge file's `metrics`). */
export interface MetricRow {
  readonly form: string;
  readonly vector: MetricVector;
  readonly source: Localized;
}

/** How a head caps or lifts the metrics of a form it is added to. */
export interface HeadRule {
  readonly latency_cap: number;
  readonly security_floor: number;
  readonly security_cap: number;
  readonly observability_cap: number;
}

/** The estimation rules (the knowledge file's `estimation`). */
export interface Estimation {
  readonly neutral: MetricVector;
  readonly heads: Readonly<Record<(typeof HEADS)[number], HeadRule>>;
  readonly security_plus: readonly Operator[];
  readonly observability_plus: readonly Operator[];
}

/** Where a form's metrics come from: its own table row, or an estimate from the rows each dimension started at. */
export type MetricSource =
  | { readonly kind: 'row'; readonly form: string; readonly source: Localized }
  | { readonly kind: 'estimate'; readonly form: string; readonly basis: MetricEstimate['basis'] };

/** Where an estimate of one dimension started: a table row, that row with another head swapped in, or neutral. */
export type EstimateStart =
  | { readonly kind: 'row'; readonly form: string }
  | { readonly kind: 'swapped'; readonly form: string; readonly head: Head; readonly replaced: Head }
  | { readonly kind: 'neutral'; readonly label: string };

/** Metrics of a normal form: the table row, or an estimate that says where it came from. */
export interface Metrics {
  readonly latency: number;
  readonly security: number;
  readonly observability: number;
  /** `(5▼-3▲-5▼)`: Latency-Security-Observability, ▼ for 4–5, ▲ for 1–3. */
  readonly label: string;
  readonly source: MetricSource;
  readonly estimate?: MetricEstimate;
}

export interface MetricEstimate {
  /** The table rows each dimension started from (none: the neutral vector). */
  readonly basis: {
    readonly latency: EstimateStart;
    readonly security: EstimateStart;
    readonly observability: EstimateStart;
  };
}

const mark = (score: number): string => `${score}${score >= 4 ? '▼' : '▲'}`;

/** Prints a vector the way the sources do: `(5▼-3▲-5▼)`. */
export function metricLabel(vector: readonly [number, number, number]): string {
  return `(${vector.map(mark).join('-')})`;
}

interface Parsed {
  readonly row: MetricRow;
  readonly ops: ReadonlySet<string>;
  readonly head: string | undefined;
}

/** A metric table prepared for lookups; build it once per knowledge base. */
export class MetricTable {
  private readonly byForm: ReadonlyMap<string, MetricRow>;
  private readonly rows: readonly Parsed[];

  constructor(
    rows: readonly MetricRow[],
    private readonly rules: Estimation,
  ) {
    this.byForm = new Map(rows.map((row) => [row.form, row]));
    this.rows = rows.map((row) => {
      const ops = row.form.split('∘');
      return { row, ops: new Set(ops), head: ops.find((op) => isHead(op as Operator)) };
    });
  }

  /** The row for a normal form, if the table has one. */
  row(form: string): MetricRow | undefined {
    return this.byForm.get(form);
  }

  /** Table lookup first; otherwise the documented estimate (knowledge file, `estimation`). */
  metricsOf(operators: readonly Operator[]): Metrics {
    const form = operators.join('∘');
    const row = this.byForm.get(form);
    if (row) return fromVector(row.vector, { kind: 'row', form: row.form, source: row.source });
    return this.estimate(operators);
  }

  /** The estimator alone, applied to any normal form (a table row's own form returns that row). */
  estimate(operators: readonly Operator[]): Metrics {
    const form = operators.join('∘') || '∅';
    const present = new Set<string>(operators);
    const head = operators.find((op) => isHead(op));
    const exact = this.byForm.get(form);
    if (exact) return fromVector(exact.vector, { kind: 'row', form: exact.form, source: exact.source });
    // Every row whose operators the form has starts an estimate; a row with another head starts one with the form's
    // head swapped in. Taking the extreme over all of them (rather than one chosen row) keeps the rules monotone.
    const starts: { from: EstimateStart; vector: MetricVector }[] = [];
    for (const r of this.rows) {
      const others = [...r.ops].filter((op) => op !== r.head);
      if (!others.every((op) => present.has(op))) continue;
      if (r.head === undefined || r.head === head) {
        starts.push({
          from: { kind: 'row', form: r.row.form },
          vector: this.derive(
            r.row.vector,
            operators.filter((op) => !r.ops.has(op)),
            head,
            false,
          ),
        });
      } else if (head !== undefined) {
        const added = operators.filter((op) => op !== head && !r.ops.has(op));
        starts.push({
          from: { kind: 'swapped', form: r.row.form, head, replaced: r.head as Head },
          vector: this.derive(r.row.vector, added, head, true),
        });
      }
    }
    if (starts.length === 0) {
      starts.push({
        from: { kind: 'neutral', label: metricLabel(this.rules.neutral) },
        vector: this.derive(this.rules.neutral, operators, head, false),
      });
    }
    const pick = (dim: 0 | 1 | 2, better: (a: number, b: number) => boolean) =>
      starts.reduce((best, d) => (better(d.vector[dim], best.vector[dim]) ? d : best));
    const latency = pick(0, (a, b) => a < b);
    const security = pick(1, (a, b) => a > b);
    const observability = pick(2, (a, b) => a > b);
    const vector: MetricVector = [latency.vector[0], security.vector[1], observability.vector[2]];
    const basis = { latency: latency.from, security: security.from, observability: observability.from };
    return { ...fromVector(vector, { kind: 'estimate', form, basis }), estimate: { basis } };
  }

  /**
   * Carries a row's vector to a form: the head's rule when the row lacks the head (or has another one, `swapped`),
   * then +1 Security for S and Gk, +1 Observability for M, Am, Otel and P. Every rule is monotone.
   */
  private derive(
    start: readonly number[],
    added: readonly Operator[],
    head: Head | undefined,
    swapped: boolean,
  ): MetricVector {
    let [latency, security, observability] = start;
    if (head !== undefined && (swapped || added.includes(head))) {
      const rule = this.rules.heads[head];
      latency = Math.min(latency, rule.latency_cap);
      security = swapped ? Math.min(security, rule.security_cap) : Math.max(security, rule.security_floor);
      observability = Math.min(observability, rule.observability_cap);
    }
    for (const op of added) {
      if (this.rules.security_plus.includes(op)) security = Math.min(5, security + 1);
      if (this.rules.observability_plus.includes(op)) observability = Math.min(5, observability + 1);
    }
    return [latency, security, observability];
  }
}

function fromVector(vector: readonly [number, number, number], source: MetricSource): Metrics {
  return { latency: vector[0], security: vector[1], observability: vector[2], label: metricLabel(vector), source };
}
