import { describe, expect, it } from 'vitest';
import { Advisor } from '../../src/advisor/advisor.js';
import type { Advice, Answer } from '../../src/advisor/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { radarFromText } from '../../src/radar/load.js';
import { answerJson } from '../../src/render/json.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';
import { renderText } from '../../src/render/terminal.js';
import type { Result } from '../../src/result.js';
import { advisor as plainAdvisor, say } from '../support.js';
import { advisorWith, BACKSTAGE, BYOR, csvRadar, MODIFIED, radarFile, radarOf } from './support.js';

/**
 * Deciding with the radar: a stack that needs a technology on hold is not recommended unless the request names it;
 * near ties go to adopt over trial over assess; a radar that excludes every stack that fits is a conflict.
 */

const backstage = advisorWith(radarOf(radarFile(BACKSTAGE)));
const byor = advisorWith(radarOf(radarFile(BYOR)));

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(say(r.error));
  return r.value;
}
const advise = (a: Advisor, text: string, language: 'en' | 'zh' = 'en'): Advice =>
  value(a.advise(text, undefined, language));
const form = (a: Advice) => a.recommendation.normalForm;
const kinds = (a: Advice) => a.recommendation.reasons.map((r) => r.kind);

describe('a technology on hold', () => {
  it('without a radar, fast and observable is the sidecar stack', () => {
    expect(form(advise(plainAdvisor(), 'fast and observable'))).toBe('I∘C∘S∘M');
  });

  it('with the Istio sidecar on hold, fast and observable is the next stack, and the first reason says why', () => {
    const a = advise(backstage, 'fast and observable');
    expect(form(a)).toBe('I∘C∘S∘Am');
    expect(a.recommendation.stack.name.en).toBe('Docker + Istio Ambient');
    const [first] = a.recommendation.reasons;
    expect(first).toMatchObject({
      kind: 'radar-hold',
      stack: { id: 'lightweight' },
      instead: { id: 'standard-microservice', form: 'I∘C∘S∘M' },
      holds: [{ id: 'istio-sidecar', ring: 'hold', operators: ['M'] }],
    });
    expect(en.reason(first)).toBe(
      'Docker + Istio Ambient, because your radar puts Istio sidecar (‘Sidecar injection doubles pod memory and complicates upgrades; new services use Istio ambient mode.’) on hold: Docker + Istio Sidecar (I∘C∘S∘M) would need it.',
    );
    expect(zh.reason(first)).toContain('列为“暂缓”');
    // A hold is not a conflict between requirements.
    expect(a.conflicts).toEqual([]);
    // The answer says which radar it followed, and the rings of its technologies.
    expect(a.radar?.version).toBe('2026-Q1');
    expect(a.recommendation.marks?.map((m) => [m.title, m.ring])).toEqual([
      ['containerd', 'adopt'],
      ['Istio Ambient', 'trial'],
    ]);
  });

  it('is followed in Chinese too', () => {
    const a = advise(backstage, '快速、可观测', 'zh');
    expect(form(a)).toBe('I∘C∘S∘Am');
    expect(zh.reason(a.recommendation.reasons[0])).toMatch(
      /^推荐 Docker \+ Istio Ambient，因为贵组织的技术雷达将 Istio sidecar/,
    );
  });

  it('keeps the held technology, with a warning, when the request names it', () => {
    const named = advise(backstage, 'fast, observable, with the Istio sidecar');
    expect(form(named)).toBe('I∘C∘S∘M');
    const warning = named.recommendation.reasons.find((r) => r.kind === 'radar-hold-named');
    expect(warning).toMatchObject({ mark: { id: 'istio-sidecar' }, text: 'istio sidecar' });
    expect(warning && en.reason(warning)).toMatch(/^Warning: your radar puts Istio sidecar \(‘Sidecar injection/);
    expect(named.recommendation.marks?.map((m) => m.ring)).toContain('hold');
    // By its id as well, and by a need that is about the sidecar alone.
    expect(form(advise(backstage, 'fast, observable, istio-sidecar'))).toBe('I∘C∘S∘M');
    expect(form(advise(backstage, 'fast, observable, sidecars'))).toBe('I∘C∘S∘M');
  });

  it('is not named by a word that is about more than the held technology ("service mesh" is ambient too)', () => {
    expect(form(advise(backstage, 'fast, observable, service mesh'))).toBe('I∘C∘S∘Am');
  });

  it('rules out every stack that needs it: Kata Containers on hold moves strong isolation off the Kata stacks', () => {
    const a = advise(byor, 'strong isolation, compliance');
    expect(form(advise(plainAdvisor(), 'strong isolation, compliance'))).toBe('V∘S∘C∘M');
    expect(form(a)).not.toMatch(/^(V|Kc)∘/);
    expect(a.recommendation.reasons[0]).toMatchObject({ kind: 'radar-hold', instead: { id: 'strong-isolation' } });
    for (const alt of a.alternatives.filter((c) => /^(V|Kc)∘/.test(c.normalForm))) {
      expect(alt.excludedBy.map((e) => e.kind)).toContain('radar-hold');
    }
  });
});

describe('rings break near ties', () => {
  it('adopt beats trial on a tie: microservices goes to Istio Ambient when the radar adopts it', () => {
    expect(form(advise(plainAdvisor(), 'microservices'))).toBe('I∘C∘S∘M');
    const a = advise(byor, 'microservices');
    expect(form(a)).toBe('I∘C∘S∘Am');
    const [first] = a.recommendation.reasons;
    expect(first).toMatchObject({
      kind: 'radar-ring',
      stack: { id: 'lightweight' },
      marks: [{ title: 'Istio Ambient', ring: 'adopt' }],
      over: { id: 'standard-microservice' },
      overMarks: [{ title: 'Istio sidecar', ring: 'trial' }],
    });
    expect(en.reason(first)).toBe(
      'Docker + Istio Ambient rather than Docker + Istio Sidecar (I∘C∘S∘M): the two (nearly) tie on your requirements, and your radar has Istio Ambient in adopt for this stack, Istio sidecar in trial for the other.',
    );
  });

  it('trial beats assess: a tie between the ambient and the Wasm stack goes to the better ring', () => {
    // fast and observable, sidecar held: Ambient (trial) and WasmEdge (assess) tie at 3; Ambient wins either way.
    // With WasmEdge adopted and Ambient assessed, the Wasm stack wins the tie.
    const flipped = advisorWith(csvRadar('name,ring\nIstio sidecar,hold\nIstio Ambient,assess\nWasmEdge,adopt\n'));
    const a = advise(flipped, 'fast and observable');
    expect(form(a)).toBe('I∘C∘S∘W');
    expect(kinds(a).slice(0, 2)).toEqual(['radar-hold', 'radar-ring']);
  });

  it('does not overturn a clear lead: the sidecar stack at 5 stays ahead of an adopted Ambient at 3', () => {
    expect(form(advise(byor, 'fast and observable'))).toBe('I∘C∘S∘M');
  });

  it('counts support within 10% of the leader as a near tie, and no more', () => {
    const overlay = (weight: number) => {
      const file = radarFile(
        `version: near-tie\nneeds:\n  - id: microservices\n    supports: { standard-microservice: 2, lightweight: ${weight} }\n`,
        'near-tie.yaml',
      );
      const kb = loadKnowledge({ overlayPath: file });
      if (!kb.ok) throw new Error(say(kb.error));
      const radar = radarFromText('name,ring\nIstio Ambient,adopt\n', 'radar.csv', MODIFIED, kb.value);
      if (!radar.ok) throw new Error(say(radar.error));
      return new Advisor(kb.value, radar.value);
    };
    expect(form(advise(overlay(1.9), 'microservices'))).toBe('I∘C∘S∘Am');
    expect(form(advise(overlay(1.7), 'microservices'))).toBe('I∘C∘S∘M');
  });
});

describe('a radar that excludes every stack that meets the requirements', () => {
  const everything = advisorWith(
    csvRadar(
      'name,ring,quadrant,isNew,description\ncontainerd,hold,Infrastructure,FALSE,"Moving to CRI-O, cluster by cluster."\n',
    ),
  );

  it('is a conflict naming the hold and the closest stacks, and the answer shows the first of them', () => {
    const a = advise(everything, 'fast and observable');
    expect(a.conflicts).toHaveLength(1);
    const [conflict] = a.conflicts;
    expect(conflict.kind).toBe('radar-excludes-all');
    if (conflict.kind !== 'radar-excludes-all') throw new Error('unreachable');
    expect(conflict.closest.map((s) => s.form)).toEqual(['I∘C∘S∘M', 'I∘C∘S∘Am', 'I∘C∘S∘W']);
    expect(conflict.holds.map((m) => m.title)).toEqual(['containerd']);
    expect(form(a)).toBe('I∘C∘S∘M');
    expect(en.conflict(conflict)).toBe(
      "Every stack that meets your requirements needs something your radar puts on hold: containerd (‘Moving to CRI-O, cluster by cluster.’). The closest: Docker + Istio Sidecar (I∘C∘S∘M), Docker + Istio Ambient (I∘C∘S∘Am), and Docker + WasmEdge (I∘C∘S∘W). Shown is the first; name the technology in the request to accept it, or take it up with the radar's owners.",
    );
    expect(zh.conflict(conflict)).toContain('满足您需求的每个技术栈');
  });

  it('stays an ordinary conflict when the requirements exclude every stack themselves, the hold among the reasons', () => {
    const a = advise(everything, 'latency < 1ms, memory < 5MB');
    expect(a.conflicts[0]?.kind).toBe('no-stack-meets-all');
    expect(a.conflicts.map((c) => c.kind)).not.toContain('radar-excludes-all');
    const [conflict] = a.conflicts;
    if (conflict.kind !== 'no-stack-meets-all') throw new Error('unreachable');
    expect(conflict.excludedBy.map((e) => e.kind)).toContain('radar-hold');
    expect(en.conflict(conflict)).toContain('your radar puts containerd on hold');
  });
});

describe('answers other than advice', () => {
  it('a word names its technologies itself: the hold is a warning, not a refusal', () => {
    const s = value(backstage.simplify('I∘C∘S∘M'));
    expect(s.normalForm).toBe('I∘C∘S∘M');
    expect(s.marks?.map((m) => [m.title, m.ring])).toEqual([
      ['containerd', 'adopt'],
      ['Istio sidecar', 'hold'],
    ]);
    expect(renderText(s, { color: false })).toContain('! [HOLD] Istio sidecar (hold): ‘Sidecar injection');
    const asAdvice = value(backstage.advise('I∘C∘S∘M'));
    expect(asAdvice.recommendation.reasons[0]).toMatchObject({ kind: 'radar-hold-named', text: 'I∘C∘S∘M' });
  });

  it('explain shows the ring and the radar’s description of an operator', () => {
    const e = value(backstage.explain('M'));
    expect(e.marks?.map((m) => m.title)).toEqual(['Istio sidecar']);
    const text = renderText(e, { color: false });
    expect(text).toContain(
      '[HOLD] Istio sidecar (hold): ‘Sidecar injection doubles pod memory and complicates upgrades; new services use Istio ambient mode.’  https://wiki.acme.example/adr/0042-ambient-mesh',
    );
    expect(text).toContain('radar 2026-Q1');
    expect(answerJson(e).rings).toEqual([expect.objectContaining({ id: 'istio-sidecar', ring: 'hold' })]);
  });

  it('a comparison follows the radar in each item and says which radar', () => {
    const c = value(backstage.compare(['fast and observable', 'I∘C∘S∘M']));
    expect(c.items.map((i) => i.normalForm)).toEqual(['I∘C∘S∘Am', 'I∘C∘S∘M']);
    expect(c.radar?.version).toBe('2026-Q1');
    const text = renderText(c, { color: false });
    expect(text).toContain('radar: [ADOPT] containerd · [TRIAL] Istio Ambient');
    expect(text).toContain('radar: [ADOPT] containerd · [HOLD] Istio sidecar');
  });

  it('the terminal shows ring badges beside the stack and the alternatives', () => {
    const text = renderText(advise(backstage, 'fast and observable'), { color: false });
    expect(text).toContain('radar: [ADOPT] containerd · [TRIAL] Istio Ambient');
    expect(text).toContain('Docker + WasmEdge  I∘C∘S∘W (5▼-4▼-4▼)  [ADOPT] containerd · [ASSESS] WasmEdge');
    expect(text).toContain('radar 2026-Q1');
  });

  it('--json gains the rings and the radar’s version', () => {
    const json = answerJson(advise(backstage, 'fast and observable')) as {
      radar: unknown;
      recommendation: { rings: { title: string; ring: string }[] };
      alternatives: { rings: unknown[] }[];
    };
    expect(json.radar).toEqual({ file: 'backstage-radar.json', version: '2026-Q1', modified: MODIFIED.toISOString() });
    expect(json.recommendation.rings.map((r) => [r.title, r.ring])).toEqual([
      ['containerd', 'adopt'],
      ['Istio Ambient', 'trial'],
    ]);
    expect(json.alternatives[0].rings).toHaveLength(2);
  });
});

describe('with no radar, nothing changes', () => {
  it('answers carry no radar fields, in facts or in --json', () => {
    const plain = plainAdvisor();
    const answers: Answer[] = [
      advise(plain, 'fast and observable'),
      value(plain.simplify('I∘C∘S∘M')),
      value(plain.explain('M')),
      value(plain.compare(['edge', 'I∘C∘S∘M'])),
    ];
    for (const a of answers) {
      expect(JSON.stringify(a)).not.toMatch(/"(radar|marks)"/);
      expect(JSON.stringify(answerJson(a))).not.toMatch(/"(radar|rings)"/);
      expect(renderText(a, { color: false })).not.toMatch(/radar|\[ADOPT\]/);
    }
  });

  it('a radar gives the same answer every time', () => {
    expect(advise(backstage, 'fast and observable')).toEqual(advise(backstage, 'fast and observable'));
  });
});
