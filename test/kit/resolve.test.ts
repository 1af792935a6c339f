import { describe, expect, it } from 'vitest';
import { failure } from '../../src/failure.js';
import { closestStack, type Landing, resolveKitStack } from '../../src/kit/resolve.js';
import { ok } from '../../src/result.js';
import { knowledge, say } from '../support.js';

const kb = knowledge();
const lands = (landing: Landing) => () => ok(landing);
const never = () => {
  throw new Error('a stack id must not reach the advisor');
};

describe('the stack a kit is for', () => {
  it.each(kb.stacks.map((s) => s.id))('a stack id as typed: %s', (id) => {
    const r = resolveKitStack(kb, ` ${id} `, never);
    expect(r.ok && r.value.id).toBe(id);
  });

  it('the stack the answer lands on', () => {
    const r = resolveKitStack(kb, 'anything', lands({ stackId: 'hybrid', normalForm: 'V∘C∘S∘M' }));
    expect(r.ok && r.value.id).toBe('hybrid');
  });

  it("the answer's failure, as it is", () => {
    const r = resolveKitStack(kb, 'x', () => ({
      ok: false,
      error: failure('no-requirements', { text: 'x', ignored: [] }),
    }));
    expect(!r.ok && r.error.code).toBe('no-requirements');
  });

  it('no kit for a form without a stack row, but the closest stack and how to ask for it', () => {
    const r = resolveKitStack(kb, 'V∘C∘S', lands({ stackId: undefined, normalForm: 'V∘C∘S' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-stack-for-form');
      expect(say(r.error)).toContain('V∘C∘S');
      expect(say(r.error)).toContain('stack-advisor kit kata-seccomp --out DIR');
      expect(say(r.error)).toContain('A4');
    }
  });

  it('the closest stack shares the most operators and the head', () => {
    expect(closestStack(kb, 'I∘C∘S∘M∘Otel')?.stack.id).toBe('standard-microservice');
    expect(closestStack(kb, 'V∘C∘S')).toEqual({
      stack: expect.objectContaining({ id: 'kata-seccomp' }),
      sameOperators: true,
    });
    expect(closestStack(kb, 'Kc∘C∘S∘M')?.stack.id).toBe('kata-runtime');
    expect(closestStack(kb, 'Gk')).toBeUndefined();
  });

  it('an empty request', () => {
    const r = resolveKitStack(kb, '  ', never);
    expect(!r.ok && r.error.code).toBe('empty-request');
  });
});
