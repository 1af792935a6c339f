import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST } from '../../src/advisor/advisor.js';
import { advisor, say } from '../support.js';
import { requestText, stackText } from './arbitraries.js';
import { RUNS, TOTAL_RUNS } from './runs.js';

/** Fuzzing the advisor behind every `/stack` route: an answer or an explained failure, the same each time. */

const a = advisor();
const KINDS = ['advice', 'simplification', 'explanation', 'comparison', 'help'];

describe('advisor fuzzing', () => {
  it('answers any /stack text with an answer or a coded failure, deterministically', () => {
    fc.assert(
      fc.property(stackText, (text) => {
        const result = a.answer(text);
        if (result.ok) {
          expect(KINDS).toContain(result.value.kind);
          expect(result.value.knowledgeVersion).toBe(a.version);
          if (result.value.kind === 'advice') {
            expect(result.value.recommendation.normalForm).toMatch(/^(?:[A-Za-z]+(?:∘[A-Za-z]+)*|∅)$/);
            expect(result.value.recommendation.stack.commands.length).toBeGreaterThan(0);
            expect(result.value.request.length).toBeLessThanOrEqual(MAX_REQUEST);
          }
        } else {
          expect(result.error.code).toMatch(/^[a-z-]+$/);
          expect(say(result.error).length).toBeGreaterThan(0);
        }
        expect(JSON.stringify(a.answer(text))).toBe(JSON.stringify(result));
      }),
      { numRuns: RUNS.answer },
    );
  });

  it('a follow-up keeps the requirements carried from the earlier answer in its thread', () => {
    fc.assert(
      fc.property(requestText, requestText, (first, second) => {
        const earlier = a.advise(first);
        fc.pre(earlier.ok);
        if (!earlier.ok) return;
        const carried = earlier.value.carried;
        const result = a.answer(second, carried);
        if (!result.ok || result.value.kind !== 'advice') return;
        const needs = new Set(result.value.carried.needs.map((n) => `${n.need}:${n.negated}`));
        const quantities = new Set(result.value.carried.constraints.map((c) => c.quantity));
        // What the thread asked for before is still asked for, unless the follow-up said the opposite.
        for (const n of carried.needs) {
          const kept = needs.has(`${n.need}:${n.negated}`) || needs.has(`${n.need}:${!n.negated}`);
          expect(kept).toBe(true);
        }
        for (const c of carried.constraints) expect(quantities.has(c.quantity)).toBe(true);
      }),
      { numRuns: RUNS.followUp },
    );
  });
});

describe('fuzzing budget', () => {
  it('runs at least 10,000 generated cases across parser, normalizer, advisor and Slack renderer', () => {
    expect(TOTAL_RUNS).toBeGreaterThanOrEqual(10_000);
  });
});
