import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricTable, metricLabel } from '../../src/algebra/metrics.js';
import { normalize } from '../../src/algebra/normalize.js';
import { HEADS, type Operator, RANKED } from '../../src/algebra/operators.js';
import { knowledge, seed } from '../support.js';

const kb = knowledge();
const table = new MetricTable(kb.metrics, kb.estimation);

function formOf(ops: readonly Operator[]): Operator[] | undefined {
  const result = normalize(ops);
  return result.ok ? [...result.value.normalForm.operators] : undefined;
}

describe('metric labels and the table', () => {
  it.each([
    [[5, 3, 5], '(5▼-3▲-5▼)'],
    [[4, 5, 4], '(4▼-5▼-4▼)'],
    [[1, 2, 3], '(1▲-2▲-3▲)'],
  ] as const)('%j prints as %s', (vector, label) => {
    expect(metricLabel(vector)).toBe(label);
  });

  for (const c of seed.cases) {
    it(`${c.normal_form} looks up ${c.metrics} from the table, not an estimate`, () => {
      const m = table.metricsOf(c.normal_form.split('∘') as Operator[]);
      expect(m.label).toBe(c.metrics);
      expect(m.estimate).toBeUndefined();
    });
  }

  it('the estimator applied to every table row returns the row itself', () => {
    for (const row of kb.metrics) {
      const m = table.estimate(row.form.split('∘') as Operator[]);
      expect([m.latency, m.security, m.observability]).toEqual(row.vector);
      expect(m.estimate).toBeUndefined();
    }
  });

  it('a form without a row is marked as an estimate that names its starting rows', () => {
    const m = table.metricsOf(['I', 'C', 'S', 'M', 'Otel']);
    expect(m.estimate?.basis.latency).toEqual({ kind: 'row', form: 'I∘C∘S∘M' });
    expect(m.source.kind).toBe('estimate');
    // Security 4: C∘M carried over by +S beats I∘C∘S∘M's 3 — the maximum keeps the rules monotone.
    expect(m.label).toBe('(5▼-4▼-5▼)');
    expect(m.estimate?.basis.security).toEqual({ kind: 'row', form: 'C∘S' });
  });
});

const addOns = RANKED.filter((op) => op !== 'I' && op !== 'C' && op !== 'S');
const headless = fc.uniqueArray(fc.constantFrom<Operator>('I', 'C', 'S', ...addOns), { minLength: 1, maxLength: 8 });

describe('estimates are monotone (ALGEBRA.md §4)', () => {
  const estimateOf = (ops: readonly Operator[]) => {
    const form = formOf(ops);
    return form ? { form, metrics: table.estimate(form) } : undefined;
  };
  const unlessRow = (form: readonly Operator[]) => table.row(form.join('∘')) === undefined;

  it('adding S or a head never lowers Security', () => {
    fc.assert(
      fc.property(
        headless,
        fc.constantFrom<Operator>('S', ...HEADS),
        fc.option(fc.constantFrom(...HEADS)),
        (ops, added, head) => {
          const isHeadAdded = (HEADS as readonly string[]).includes(added);
          const base: Operator[] = head === null || isHeadAdded ? ops : [head, ...ops];
          const before = estimateOf(base);
          const after = estimateOf(isHeadAdded ? [added, ...base] : [...base, added]);
          if (before === undefined || after === undefined || !unlessRow(after.form)) return;
          expect(after.metrics.security).toBeGreaterThanOrEqual(before.metrics.security);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('adding M, Am, Otel or P never lowers Observability', () => {
    fc.assert(
      fc.property(
        headless,
        fc.constantFrom<Operator>('M', 'Am', 'Otel', 'P'),
        fc.option(fc.constantFrom(...HEADS)),
        (ops, added, head) => {
          const base: Operator[] = head === null ? ops : [head, ...ops];
          const before = estimateOf(base);
          const after = estimateOf([...base, added]);
          if (before === undefined || after === undefined || !unlessRow(after.form)) return;
          expect(after.metrics.observability).toBeGreaterThanOrEqual(before.metrics.observability);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('adding a head never raises Latency', () => {
    fc.assert(
      fc.property(headless, fc.constantFrom(...HEADS), (ops, head) => {
        const before = estimateOf(ops);
        const after = estimateOf([head, ...ops]);
        if (before === undefined || after === undefined || !unlessRow(after.form)) return;
        expect(after.metrics.latency).toBeLessThanOrEqual(before.metrics.latency);
      }),
      { numRuns: 3000 },
    );
  });
});
