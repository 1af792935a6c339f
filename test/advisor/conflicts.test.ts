import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/advisor/answer.js';
import { en } from '../../src/render/messages/en.js';
import { advisor, conflictText, say, why } from '../support.js';

const a = advisor();
function advise(text: string, previous?: Advice['carried']): Advice {
  const result = a.advise(text, previous);
  if (!result.ok) throw new Error(say(result.error));
  return result.value;
}

describe('contradictory requirements', () => {
  it('compliance-grade isolation AND cold start < 10 ms: says which excludes which, and what is given up', () => {
    const advice = advise('compliance-grade strong isolation and cold start < 10 ms');
    expect(advice.recommendation.normalForm).toBe('I∘C∘S∘W');
    expect(advice.conflicts.length).toBeGreaterThan(0);
    const [conflict] = advice.conflicts;
    expect(conflict.kind).toBe('favorite-excluded');
    if (conflict.kind !== 'favorite-excluded') return;
    expect(conflict.favorite.id).toBe('strong-isolation');
    expect(conflict.excludedBy.map(en.exclusion).join('; ')).toMatch(/200\.3 ms .*does not meet cold start < 10 ms/);
    expect(conflictText(conflict)).toMatch(/gives up Security 4 vs 5/);
    const kata = advice.alternatives.find((alt) => alt.normalForm === 'V∘S∘C∘M');
    expect(kata?.excludedBy.map(en.exclusion).join(' ')).toMatch(/cold start < 10 ms/);
    expect(kata?.gains.map(en.trade)).toContain('Security 5 vs 4');
  });

  it('strong isolation but no VMs: the negation excludes the VM stacks and the answer says so', () => {
    const advice = advise('strong isolation, no VMs');
    expect(advice.recommendation.normalForm.startsWith('V')).toBe(false);
    expect(advice.recommendation.normalForm).toBe('G∘I∘C∘S');
    expect(conflictText(advice.conflicts[0])).toMatch(/the request rules out “VMs” \(V\)/);
    expect(why(advice).join('\n')).toMatch(/negated: stacks with V, Kc, F, Cc are ruled out/);
  });

  it('no stack meets every number: the closest one, marked as such', () => {
    const violated = advise('latency < 1ms, memory < 5MB');
    expect(violated.conflicts[0]?.kind).toBe('no-stack-meets-all');
    expect(conflictText(violated.conflicts[0])).toMatch(/No stack meets every requirement/);
    const unverified = advise('cold start < 1ms');
    expect(unverified.recommendation.normalForm).toBe('I∘C∘S∘W');
    expect(conflictText(unverified.conflicts[0])).toMatch(
      /No stack is known to meet “cold start < 1ms”: Docker \+ WasmEdge comes closest/,
    );
  });

  it('each alternative says what it gives up and gains against the recommendation', () => {
    const advice = advise('fast + light');
    const ambient = advice.alternatives.find((alt) => alt.normalForm === 'I∘C∘S∘Am');
    expect(ambient).toBeDefined();
    expect(advice.alternatives.every((alt) => Array.isArray(alt.givesUp) && Array.isArray(alt.gains))).toBe(true);
    const edge = advise('edge');
    const sidecarless = edge.alternatives.find((alt) => alt.normalForm === 'I∘C∘S∘Am');
    expect(sidecarless?.givesUp.map(en.trade)).toContain('Security 3 vs 4');
    expect(sidecarless?.gains.map(en.trade)).toContain('Observability 5 vs 4');
  });
});

describe('follow-up questions carry the earlier requirements', () => {
  it('combines the thread context with the new question', () => {
    const first = advise('强隔离+合规，多租户');
    expect(first.recommendation.normalForm).toBe('V∘S∘C∘M');
    const followUp = advise('what if we also need cold start < 10ms?', first.carried);
    expect(followUp.requirements.some((r) => r.need === 'compliance' && r.source === 'thread')).toBe(true);
    expect(followUp.recommendation.normalForm).toBe('I∘C∘S∘W');
    expect(followUp.conflicts.length).toBeGreaterThan(0);
  });

  it('a new number on the same quantity replaces the old one', () => {
    const first = advise('edge, cold start < 10ms');
    const followUp = advise('actually cold start < 500 ms is fine', first.carried);
    expect(followUp.constraints.map((c) => c.value)).toEqual([500]);
  });

  it('ignores carried entries it does not know (metadata from another version)', () => {
    const followUp = advise('edge', {
      needs: [{ need: 'teleportation', negated: false, text: 'x' }],
      constraints: [{ quantity: 'warp' as never, comparator: '<', value: 1, unit: 'ms', text: 'x' }],
    });
    expect(followUp.requirements.map((r) => r.need)).toEqual(['edge']);
    expect(followUp.constraints).toEqual([]);
  });
});

describe('bad requests', () => {
  it.each([
    ['', 'empty-request'],
    ['   ', 'empty-request'],
    ['x'.repeat(4001), 'request-too-long'],
    ['hello world', 'no-requirements'],
  ])('%j → %s', (text, code) => {
    const result = a.advise(text);
    expect(result.ok === false && result.error.code).toBe(code);
  });
});
