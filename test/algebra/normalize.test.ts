import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, printWord } from '../../src/algebra/normalize.js';
import { HEADS, isHead, type Letter, SYMBOLS } from '../../src/algebra/operators.js';
import { parseWord } from '../../src/algebra/parse.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';
import { say, seed } from '../support.js';

function simplify(input: string) {
  const parsed = parseWord(input);
  if (!parsed.ok) return parsed;
  return normalize(parsed.value);
}

describe('the worked examples of the seed (conformance/seed-cases.yaml)', () => {
  for (const c of seed.simplify) {
    it(`${c.input} → ${c.error ? 'error' : c.normal_form}`, () => {
      const result = simplify(c.input);
      if (c.error) {
        expect(result.ok).toBe(false);
        return;
      }
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.normalForm.text).toBe(c.normal_form);
      expect(result.value.warnings.length > 0).toBe(c.warning === true);
    });
  }

  it('the five canonical forms are fixed points: no step, no warning', () => {
    for (const form of ['I∘C∘S∘M', 'V∘S∘C∘M', 'I∘C∘S∘W', 'I∘C∘S∘Am', 'V∘C∘S∘M']) {
      const result = simplify(form);
      expect(result.ok && result.value.normalForm.text).toBe(form);
      expect(result.ok && result.value.steps).toEqual([]);
    }
  });

  it('names the axiom, the word before and after, for each step', () => {
    const result = simplify('S→V→C→M→M');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps).toEqual([
      { axiom: 'A2', rule: { code: 'collapse-runs', operators: ['M'] }, before: 'S∘V∘C∘M∘M', after: 'S∘V∘C∘M' },
      { axiom: 'A7', rule: { code: 'head-to-front', head: 'V' }, before: 'S∘V∘C∘M', after: 'V∘S∘C∘M' },
    ]);
    expect(result.value.steps.map((s) => en.rule(s.rule))).toEqual([
      'idempotence: M∘M → M',
      'the head V moves to the front',
    ]);
    expect(result.value.steps.map((s) => zh.rule(s.rule))).toEqual(['幂等律：M∘M → M', '头部算子 V 移到最前']);
  });

  it('explains the rejections in words a newcomer understands', () => {
    const twoHeads = simplify('V∘Kc');
    expect(twoHeads.ok === false && twoHeads.error.code).toBe('two-heads');
    expect(twoHeads.ok === false && say(twoHeads.error)).toMatch(/two heads.*one isolation boundary/);
    const inside = simplify('C∘V∘C');
    expect(inside.ok === false && inside.error.code).toBe('container-before-head');
    expect(inside.ok === false && say(inside.error)).toMatch(/VM inside a container.*A3/);
  });
});

describe('syntax (ALGEBRA.md §1)', () => {
  const same = [
    'V∘C∘M',
    'V o C o M',
    'V -> C -> M',
    'V → C → M',
    'V,C,M',
    'V C M',
    '  v ∘ c ∘ m  ',
    'V=>C=>M',
    'V，C，M',
    'virtualization -> container -> mesh',
  ];
  it.each(same)('%s reads as V∘C∘M', (input) => {
    const parsed = parseWord(input);
    expect(parsed.ok && printWord(parsed.value)).toBe('V∘C∘M');
  });

  it.each([
    ['kc∘otel', 'Kc∘Otel'],
    ['I∘C∘Ot', 'I∘C∘Otel'],
    ['V∘V^-1∘C', 'C'],
    ['V∘V⁻¹∘C', 'C'],
    ['∅∘C∘∅', 'C'],
    ['V ∘ V^{-1}', '∅'],
    ['I o O', 'I∘O'],
  ])('%s normalizes to %s', (input, expected) => {
    const result = simplify(input);
    expect(result.ok && result.value.normalForm.text).toBe(expected);
  });

  it('an unknown token is named with its position and the nearest symbol', () => {
    const result = parseWord('V∘C∘Amb');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'unknown-operator',
      params: { token: 'Amb', position: 5, suggestion: 'Am' },
    });
    expect(say(result.error)).toBe('unknown operator "Amb" at position 5: did you mean Am?');
  });

  it('a run-together word is split in the suggestion', () => {
    const result = parseWord('ICSM');
    expect(result.ok === false && result.error.code === 'unknown-operator' && result.error.params.suggestion).toBe(
      'I∘C∘S∘M',
    );
  });

  it('a token far from every symbol lists the valid ones', () => {
    const result = parseWord('C∘kubernetes');
    expect(result.ok === false && say(result.error)).toMatch(/valid operators are V, Kc, F/);
  });

  it('an empty word and a lone V⁻¹ are errors', () => {
    expect(parseWord(' ∘ → ').ok).toBe(false);
    const lone = simplify('V^-1∘C');
    expect(lone.ok === false && lone.error.code).toBe('unmatched-inverse');
  });
});

const letters: Letter[] = [...SYMBOLS, '∅'];
const words = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 });

describe('properties of normalization', () => {
  it('normalizing twice equals normalizing once', () => {
    fc.assert(
      fc.property(words, (word) => {
        const once = normalize(word);
        if (!once.ok) return;
        const twice = normalize(once.value.normalForm.operators);
        expect(twice.ok && twice.value.normalForm.text).toBe(once.value.normalForm.text);
        expect(twice.ok && twice.value.steps).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a normal form repeats no operator and starts with its head, if any', () => {
    fc.assert(
      fc.property(words, (word) => {
        const result = normalize(word);
        if (!result.ok) return;
        const ops = result.value.normalForm.operators;
        expect(new Set(ops).size).toBe(ops.length);
        const heads = ops.filter((op) => isHead(op));
        expect(heads.length).toBeLessThanOrEqual(1);
        if (heads.length === 1) expect(ops[0]).toBe(heads[0]);
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing the printed normal form gives it back', () => {
    fc.assert(
      fc.property(words, (word) => {
        const result = normalize(word);
        if (!result.ok) return;
        const reparsed = parseWord(result.value.normalForm.text);
        expect(reparsed.ok && printWord(reparsed.value)).toBe(result.value.normalForm.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('a word is rejected exactly when it has two heads or a C before its head', () => {
    fc.assert(
      fc.property(words, (word) => {
        const ops = word.filter((l) => l !== '∅');
        const collapsed = ops.filter((op, i) => op !== ops[i - 1]);
        const heads = collapsed.filter((op) => (HEADS as readonly string[]).includes(op));
        const headAt = collapsed.findIndex((op) => (HEADS as readonly string[]).includes(op));
        const expectError = heads.length > 1 || (headAt >= 0 && collapsed.slice(0, headAt).includes('C'));
        expect(normalize(word).ok).toBe(!expectError);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps linear work on a long word: a 200,000-operator word normalizes with its steps intact', () => {
    const word: Letter[] = Array.from({ length: 200_000 }, (_, i) => (['I', 'C', 'S', 'C', 'M', '∅'] as const)[i % 6]);
    const result = normalize(word);
    expect(result.ok && result.value.normalForm.text).toBe('I∘C∘S∘M');
    expect(result.ok && result.value.steps.map((s) => s.axiom)).toEqual(['A6', 'A2', 'A2']);
  });
});
