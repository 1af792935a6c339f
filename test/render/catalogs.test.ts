import { describe, expect, it } from 'vitest';
import type { Conflict, ConstraintCheck, RadarMark, Reason } from '../../src/advisor/answer.js';
import type { Rule } from '../../src/algebra/normalize.js';
import { CONFIG_ISSUES, type FailureCode, type FailureParams, failure } from '../../src/failure.js';
import type { RadarProblem } from '../../src/radar/model.js';
import { en } from '../../src/render/messages/en.js';
import type { Messages } from '../../src/render/messages/messages.js';
import { zh } from '../../src/render/messages/zh.js';

/**
 * The two catalogs stay in step: the `Messages` interface makes the compiler refuse a missing message; these tests
 * refuse an empty one, a Chinese message that is still English, and a failure code without words.
 */

const HAN = /\p{Script=Han}/u;

/** Messages the same in both languages on purpose: formats of numbers and symbols only. */
const SAME = new Set(['score', 'language', 'review.adr.separator', 'report.separator']);

/** Every string leaf of a catalog, by path (functions are exercised below with facts). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/** One example of every failure: the mapped type makes the compiler demand a sample for each code. */
const SAMPLES: { [K in FailureCode]: FailureParams[K] } = {
  'empty-word': {},
  'unknown-operator': { token: 'Amb', position: 3, suggestion: 'Am' },
  'two-heads': {
    heads: [
      { head: 'V', position: 1 },
      { head: 'Kc', position: 3 },
    ],
  },
  'container-before-head': { head: 'V' },
  'unmatched-inverse': {},
  'empty-request': {},
  'request-too-long': { length: 5000, limit: 4000 },
  'no-requirements': { text: 'hello', ignored: ['hello'] },
  'out-of-scope': { text: 'GPU scheduling', topics: ['GPU'] },
  'empty-target': {},
  'unknown-target': { target: 'foo' },
  'compare-needs-two': {},
  'compare-too-many': { count: 9, limit: 8 },
  'no-operators': { form: '∅' },
  'not-in-channel': {},
  'missing-scope': { scope: 'chat:write' },
  'msg-too-long': {},
  'unknown-stack': { stackId: 'nope', known: ['edge'] },
  'no-stack-for-form': {
    normalForm: 'V∘C∘S',
    closest: { id: 'kata-seccomp', form: 'V∘S∘C', sameOperators: true },
    known: [{ id: 'edge', form: 'I∘C∘S∘W' }],
  },
  'not-a-stack': { kind: 'help' },
  'invalid-app': { app: 'My App', suggestion: 'my-app' },
  'invalid-image': { image: 'UPPER', app: 'myapp' },
  'kit-no-template': { stackId: 'x', files: ['a.yaml'], known: ['b.yaml'] },
  'kit-unsupported': { stackId: 'x', form: 'Cc∘S∘C', operator: 'Cc' },
  'kit-inconsistent': { stackId: 'x', form: 'I∘C', detail: 'two meshes' },
  'kit-template': { template: '{x}', placeholders: ['x'] },
  'kit-templates-unreadable': { file: 'kit.yaml', reason: 'ENOENT' },
  'kit-templates-invalid': { file: 'kit.yaml', path: 'a.b', detail: 'bad' },
  'out-not-directory': { dir: 'out' },
  'kit-exists': { files: ['out/README.md'] },
  'write-failed': { dir: 'out', reason: 'EACCES' },
  'missing-out': {},
  'unknown-command': { command: 'frobnicate', commands: ['ask', 'advise'] },
  'bad-option': { detail: "Unknown option '--x'" },
  'bad-language': { value: 'fr' },
  'diff-needs-two': { count: 1 },
  'bad-status': { value: 'maybe' },
  'adr-exists': { file: 'docs/decisions/0001-use-x.md' },
  'bad-since': { value: '3 fortnights' },
  'report-no-database': {},
  'report-database-unreachable': { host: 'db:5432', why: 'connect ECONNREFUSED' },
  'report-not-set-up': { host: 'db:5432' },
  'internal-error': { detail: 'boom' },
  'config-invalid': { problems: [{ name: 'SLACK_BOT_TOKEN', issue: 'missing' }] },
  'slack-rejected-token': { token: 'SLACK_BOT_TOKEN', error: 'invalid_auth' },
  'slack-unreachable': { api: 'https://slack.com/api/', why: 'ECONNREFUSED' },
  'port-in-use': { port: 3000 },
  'slack-not-slack': { api: 'https://proxy.example/api/' },
  'slack-rate-limited': { retryAfter: 3600 },
  'host-not-here': { host: '10.9.9.9' },
  'start-failed': { detail: 'boom' },
  'database-unreachable': { host: 'db:5432', why: 'connect ECONNREFUSED' },
  'knowledge-at-start': { cause: failure('knowledge-unreadable', { file: 'kb.yaml', reason: { kind: 'missing' } }) },
  'knowledge-unreadable': { file: 'kb.yaml', reason: { kind: 'too-large', size: 9e6, limit: 5e6 } },
  'knowledge-syntax': { file: 'kb.yaml', line: 3, detail: 'bad indentation' },
  'knowledge-invalid': { file: 'kb.yaml', path: 'stacks[0]', line: 9, detail: 'Invalid input' },
  'radar-at-start': { cause: failure('radar-unreadable', { file: 'radar.json', reason: { kind: 'missing' } }) },
  'radar-unreadable': { file: 'radar.csv', reason: { kind: 'directory' } },
  'radar-invalid': {
    file: 'radar.csv',
    format: 'byor-csv',
    entry: { index: 3, name: 'Istio sidecar' },
    line: 5,
    problem: { kind: 'bad-ring', value: 'later' },
  },
};

/** Every problem a radar file can have: each is said in both languages. */
const RADAR_PROBLEMS: RadarProblem[] = [
  { kind: 'syntax', detail: 'Unexpected token } in JSON at position 9' },
  { kind: 'not-a-radar' },
  { kind: 'no-entries' },
  { kind: 'too-many', count: 9000, limit: 5000 },
  { kind: 'missing-column', column: 'ring' },
  { kind: 'columns', expected: 5, found: 6 },
  { kind: 'missing-field', field: 'timeline' },
  { kind: 'bad-ring', value: 'later' },
  { kind: 'bad-link', url: 'javascript:alert(1)' },
  { kind: 'bad-operator', value: 'Mesh9' },
  { kind: 'duplicate', ring: 'hold', other: 'adopt', otherIndex: 0 },
];
const mark: RadarMark = {
  id: 'istio-sidecar',
  title: 'Istio sidecar',
  ring: 'hold',
  quadrant: 'Platforms',
  description: 'New services use ambient mode.',
  links: [{ url: 'https://wiki.example/adr/42', title: 'ADR 42' }],
  operators: ['M'],
};
const adopted: RadarMark = { ...mark, id: 'istio-ambient', title: 'Istio Ambient', ring: 'adopt', operators: ['Am'] };

const check: ConstraintCheck = {
  constraint: {
    quantity: 'cold_start',
    label: { en: 'cold start', zh: '冷启动' },
    comparator: '<',
    value: 10,
    unit: 'ms',
    text: 'cold start < 10ms',
  },
  status: 'violated',
  figure: {
    quantity: 'latency',
    value: 200,
    bound: 'approx',
    unit: 'ms',
    text: '≈ 200 ms',
    source: { kind: 'stated', text: { en: 'seed', zh: '种子' } },
  },
};
const stack = { id: 'edge', name: 'Docker + WasmEdge', form: 'I∘C∘S∘W' };
const requirement = {
  need: 'edge',
  label: { en: 'edge / IoT', zh: '边缘 / 物联网' },
  text: 'edge',
  negated: false,
  source: 'thread' as const,
  implied: false,
};
const composition = { form: 'V∘C∘S∘Otel', base: stack, chosen: false, added: ['Otel' as const], missing: [] };
const REASONS: Reason[] = [
  { kind: 'supports', requirement, weight: 3 },
  { kind: 'not-for-stack', requirement },
  { kind: 'indifferent', requirement },
  { kind: 'negated', requirement, excludes: ['V'] },
  { kind: 'negated', requirement, excludes: [] },
  { kind: 'check', check },
  { kind: 'excluded', stack, excludedBy: [{ kind: 'violates', check }] },
  { kind: 'ranked-by-numbers' },
  { kind: 'operator-word', word: 'V∘C∘M' },
  { kind: 'stack', why: { en: 'Because.', zh: '因为。' } },
  { kind: 'composed', composition },
  { kind: 'nothing-to-deploy' },
  { kind: 'excluded', stack, excludedBy: [{ kind: 'radar-hold', mark }] },
  { kind: 'radar-hold', stack, instead: stack, holds: [mark] },
  { kind: 'radar-hold', stack, instead: stack, holds: [{ ...mark, description: '' }] },
  { kind: 'radar-ring', stack, marks: [adopted], over: stack, overMarks: [] },
  { kind: 'radar-hold-named', mark, text: 'Istio sidecar' },
];
const CONFLICTS: Conflict[] = [
  {
    kind: 'no-stack-meets-all',
    closest: stack,
    excludedBy: [{ kind: 'negation', need: 'vm', text: 'no VMs', operators: ['V'] }],
  },
  { kind: 'unknown-for-all', constraint: check.constraint, closest: stack, check: { ...check, status: 'unknown' } },
  {
    kind: 'favorite-excluded',
    need: 'compliance',
    label: { en: 'compliance', zh: '合规' },
    text: 'PCI',
    favorite: stack,
    excludedBy: [{ kind: 'violates', check }],
    chosen: stack,
    givesUp: [{ kind: 'metric', dimension: 'security', value: 4, versus: 5 }],
  },
  { kind: 'contradiction', first: 'no VMs', second: 'a VM kernel per tenant', closest: stack },
  { kind: 'radar-excludes-all', closest: [stack, stack], holds: [mark] },
];
const RULES: Rule[] = [
  { code: 'remove-empty', count: 1 },
  { code: 'cancel-inverse', count: 1 },
  { code: 'collapse-runs', operators: ['M'] },
  { code: 'head-to-front', head: 'V' },
  { code: 'keep-last', operators: ['C'] },
  { code: 'sort-by-rank' },
  { code: 'order-under-head', head: 'V' },
];

/** Every sentence each catalog can say, for the facts above. */
function sentences(m: Messages): [string, string][] {
  return [
    ...leaves(m).filter(([path]) => !SAME.has(path)),
    ...(Object.entries(SAMPLES) as [FailureCode, never][]).map(([code, params]): [string, string] => [
      `failure.${code}`,
      m.failure({ code, params } as never),
    ]),
    ...CONFIG_ISSUES.map((i): [string, string] => [`configIssue.${i}`, m.configIssue(i)]),
    ...REASONS.map((r, i): [string, string] => [`reason.${r.kind}.${i}`, m.reason(r)]),
    ...CONFLICTS.map((c): [string, string] => [`conflict.${c.kind}`, m.conflict(c)]),
    ...RADAR_PROBLEMS.map((problem): [string, string] => [
      `failure.radar-invalid.${problem.kind}`,
      m.failure(failure('radar-invalid', { file: 'radar.json', format: 'backstage', entry: { index: 2 }, problem })),
    ]),
    ['radarMark', m.radarMark(mark)],
    ['radarUnmatched', m.radarUnmatched('radar.json', ['Kubernetes'])],
    ['radarInUse', m.radarInUse('2026-Q1', 7)],
    ['radarHome.note', m.radarHome.note('radar.json')],
    ...RULES.map((r): [string, string] => [`rule.${r.code}`, m.rule(r)]),
    ['warning', m.warning({ code: 'nested-virtualization' })],
    ['glossary.∅', m.glossary('∅')],
    ['glossary.V⁻¹', m.glossary('V⁻¹')],
    ['cut', m.cut(3, 'lines')],
    ['kitUploadComment', m.kitUploadComment('Docker + WasmEdge', 'I∘C∘S∘W', 'shop', 5)],
    ['outOfScope', m.outOfScope(['GPU'])],
    ['winner', m.winner('latency', ['I∘C∘S∘W'], 5, false)],
    ['tie', m.winner('latency', ['a', 'b'], 5, true)],
    ['running', m.running('http', 'v1', 3000)],
    ['cliKit.usage', m.cliKit.usage('myapp')],
    ['review.changed', m.review.changed('Kata `V∘S∘C∘M`', 'Docker + WasmEdge `I∘C∘S∘W`')],
    ['review.unchanged.0', m.review.unchanged('Docker + WasmEdge `I∘C∘S∘W`', 0, 0)],
    ['review.unchanged.1', m.review.unchanged('Docker + WasmEdge `I∘C∘S∘W`', 1, 0)],
    ['review.requirementChange.need', m.review.requirementChange({ kind: 'need', requirement })],
    ['review.requirementChange.number', m.review.requirementChange({ kind: 'number', constraint: check.constraint })],
    ['review.metricDelta', m.review.metricDelta({ dimension: 'latency', before: 4, after: 5 })],
    ['review.flipped.new', m.review.flipped({ constraint: check.constraint, before: undefined, after: 'met' })],
    ['review.flipped.old', m.review.flipped({ constraint: check.constraint, before: 'met', after: 'violated' })],
    ['review.recordUploaded', m.review.recordUploaded('Edge')],
    ['review.recordWritten', m.review.recordWritten('docs/0001-edge.md')],
    ['review.adr.defaultTitle', m.review.adr.defaultTitle('Docker + WasmEdge')],
    ['review.adr.thread', m.review.adr.thread('https://example.slack.com/archives/C1/p1')],
    ['review.adr.recommended', m.review.adr.recommended('Docker + WasmEdge')],
    ['review.adr.chosen', m.review.adr.chosen('Docker + WasmEdge', m.reason(REASONS[0]))],
    ['review.adr.good', m.review.adr.good(m.check(check))],
    ['review.adr.bad', m.review.adr.bad(m.check(check))],
    ['review.adr.neutral', m.review.adr.neutral(m.check(check))],
    [
      'review.adr.over',
      m.review.adr.over('Kata', m.trade({ kind: 'metric', dimension: 'security', value: 4, versus: 5 })),
    ],
    ['review.adr.knowledge', m.review.adr.knowledge('2026.11')],
    ['report.title', m.report.title(42, '2026-11-01', '2026-11-29')],
    ['report.week', m.report.week('2026-11-23', 12, 'en 9, zh 3')],
    ['report.other', m.report.other('help 1')],
    ...(['advice', 'simplification', 'explanation', 'comparison', 'help', 'refused'] as const).map(
      (k): [string, string] => [`report.kind.${k}`, m.report.kind(k)],
    ),
    ['report.limit', m.report.limit('cold_start', '<=', 10, 'ms')],
    ...(
      [
        ['no-stack-meets-all', ['edge-wasm']],
        ['unknown-for-all', ['cold_start']],
        ['favorite-excluded', ['strong-isolation', 'kata-istio']],
        ['contradiction', ['no-vm', 'vm-per-tenant']],
        ['radar-excludes-all', ['istio-sidecar']],
      ] as const
    ).map(([kind, subjects]): [string, string] => [`report.conflict.${kind}`, m.report.conflict(kind, subjects)]),
  ];
}

describe('the en and zh catalogs', () => {
  const english = new Map(sentences(en));
  const chinese = new Map(sentences(zh));

  it('say the same things', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('say nothing empty', () => {
    for (const [path, text] of [...english, ...chinese]) expect(text.trim(), path).not.toBe('');
  });

  it('translate every message: the Chinese one is not the English one, and is Chinese', () => {
    for (const [path, text] of chinese) {
      expect(text, path).not.toBe(english.get(path));
      expect(HAN.test(text), `${path}: ${text}`).toBe(true);
    }
  });

  it('write no Chinese into English messages, except the labels of the Chinese examples', () => {
    for (const [path, text] of english) {
      if (['examplesOther', 'languageNote', 'cliHelp'].includes(path) || path.startsWith('failure.no-requirements'))
        continue;
      expect(HAN.test(text), `${path}: ${text}`).toBe(false);
    }
  });

  it('format lists and numbers the language’s way (Intl)', () => {
    expect(en.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(zh.list(['a', 'b', 'c'])).toBe('a、b和c');
    expect(en.number(4000)).toBe('4,000');
    expect(en.cut(1, 'lines')).toBe('… (cut: 1 more line)');
    expect(en.cut(2, 'lines')).toBe('… (cut: 2 more lines)');
  });
});
