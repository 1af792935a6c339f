import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Advisor } from '../../src/advisor/advisor.js';
import { matchRadar } from '../../src/radar/book.js';
import { type RadarEntry, RINGS } from '../../src/radar/model.js';
import { answerMessage } from '../../src/render/blocks.js';
import { homeView } from '../../src/render/home.js';
import { slackLink } from '../../src/render/radar.js';
import { HOSTILE, requestText } from '../fuzz/arbitraries.js';
import { escapingProblems } from '../fuzz/escaping.js';
import { homeProblems, messageProblems } from '../render/block-kit-limits.js';
import { knowledge } from '../support.js';

/**
 * Any radar, any request: an answer or a coded failure, the same each time; the recommendation never needs an
 * unnamed technology on hold unless a conflict says so; what the radar says reaches Slack escaped and within limits.
 */

const kb = knowledge();
const NAMES = [
  'Istio sidecar',
  'Istio Ambient',
  'istio',
  'WasmEdge',
  'wasmtime',
  'gVisor',
  'Kata Containers',
  'kata-runtime',
  'containerd',
  'crun',
  'Firecracker',
  'OpenTelemetry',
  'seccomp',
  'OCI image',
  'Cilium',
  'Envoy',
  'Linkerd',
  'OPA Gatekeeper',
  'Kubernetes',
  'Terraform',
  ...HOSTILE.slice(0, 6),
];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 300 }));
const link = fc.record({
  url: fc.constantFrom('https://wiki.example.com/adr/42', 'https://x.example/a|b?c=<d>&e=1', 'http://radar.example/'),
  title: text,
});
const radar = fc
  .uniqueArray(fc.record({ title: fc.constantFrom(...NAMES), ring: fc.constantFrom(...RINGS), description: text }), {
    selector: (e) => e.title.toLowerCase(),
    maxLength: 14,
  })
  .chain((entries) => fc.tuple(fc.constant(entries), fc.array(fc.array(link, { maxLength: 2 }), { minLength: 14 })))
  .map(([entries, links]) =>
    entries.map(
      (e, index): RadarEntry => ({
        id: e.title,
        title: e.title,
        quadrant: 'Platforms',
        ring: e.ring,
        description: e.description,
        links: links[index],
        isNew: false,
        index,
      }),
    ),
  );

describe('radar property', () => {
  it('holds for any radar and any request', () => {
    fc.assert(
      fc.property(radar, requestText, (entries, request) => {
        const matched = matchRadar(
          { format: 'byor-csv', entries },
          { file: 'radar.csv', version: 'radar.csv@t' },
          kb.operators,
        );
        if (!matched.ok) throw new Error('no operator field: nothing to refuse');
        const book = matched.value;
        const advisor = new Advisor(kb, book);
        const result = advisor.answer(request);
        expect(JSON.stringify(advisor.answer(request))).toBe(JSON.stringify(result));
        if (!result.ok) return;
        const allowed = book.marks.flatMap((m) => m.links.map(slackLink));
        const message = answerMessage(result.value);
        expect(messageProblems(message)).toEqual([]);
        expect(escapingProblems(message, allowed)).toEqual([]);
        const a = result.value;
        if (a.kind !== 'advice' || a.conflicts.some((c) => c.kind !== 'unknown-for-all')) return;
        // No hold in the recommendation that the request does not name.
        const named = new Set(
          a.recommendation.reasons.flatMap((r) => (r.kind === 'radar-hold-named' ? [r.mark.id] : [])),
        );
        for (const mark of a.recommendation.marks ?? []) {
          if (mark.ring === 'hold') expect(named.has(mark.id), mark.title).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the Home tab shows any radar within Slack’s limits, escaped', () => {
    fc.assert(
      fc.property(radar, (entries) => {
        const matched = matchRadar({ format: 'byor-csv', entries }, { file: 'r.csv', version: 'v' }, kb.operators);
        if (!matched.ok) throw new Error('unreachable');
        const book = matched.value;
        const allowed = book.marks.flatMap((m) => m.links.map(slackLink));
        for (const language of ['en', 'zh'] as const) {
          const view = homeView(
            {
              stacks: new Advisor(kb).canonical(),
              operators: kb.operators,
              version: kb.version,
              radar: { stamp: book.stamp, marks: book.marks },
            },
            language,
          );
          expect(homeProblems(view)).toEqual([]);
          expect(escapingProblems(view, allowed)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
