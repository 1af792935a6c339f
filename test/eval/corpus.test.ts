import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_URL, loadCorpus, splitOf } from '../../bench/eval/corpus.js';
import { scoreCase } from '../../bench/eval/score.js';
import { advisor } from '../support.js';

const baseline = JSON.parse(readFileSync(BASELINE_URL, 'utf8')) as { passed: number; total: number };
const cases = loadCorpus();
const a = advisor();

describe('the evaluation corpus', () => {
  it('has unique ids, every field its kind needs, and both halves of the split', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      if (c.kind === 'advice' || c.kind === 'simplify') expect(c.form, c.id).toMatch(/∘|^[A-Z]/);
      if (c.kind === 'explain') expect(c.target, c.id).toBeTruthy();
      if (c.kind === 'compare') expect(c.forms, c.id).toHaveLength(2);
    }
    const dev = cases.filter((c) => splitOf(c.id) === 'dev').length;
    expect(dev / cases.length).toBeGreaterThan(0.6);
    expect(dev / cases.length).toBeLessThan(0.8);
  });

  it(`passes at least the recorded ${baseline.passed} / ${baseline.total} (docs/EVALUATION.md)`, () => {
    const passed = cases.map((c) => scoreCase(a, c)).filter((s) => s.pass).length;
    expect(cases.length).toBe(baseline.total);
    expect(passed).toBeGreaterThanOrEqual(baseline.passed);
  });
});
