import type { ConstraintCheck, ConstraintRef, Exclusion, RadarMark, Reason, TradeItem } from '../../advisor/answer.js';
import type { EstimateStart } from '../../algebra/metrics.js';
import { RANKED, SYMBOLS } from '../../algebra/operators.js';
import type { Failure, FailureParams, UnreadableReason } from '../../failure.js';
import { once } from '../../lazy-modules.js';
import type { Messages } from './messages.js';
import { reviewEn } from './review-en.js';

// Built on first use: the first Intl.ListFormat loads ICU's list patterns (~11 ms), which few answers need.
const listFormat = once(() => new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }));
const orFormat = once(() => new Intl.ListFormat('en', { style: 'long', type: 'disjunction' }));
const numberFormat = once(() => new Intl.NumberFormat('en'));
const lists = { format: (items: Iterable<string>): string => listFormat().format(items) };
const ors = { format: (items: Iterable<string>): string => orFormat().format(items) };
const numbers = { format: (n: number): string => numberFormat().format(n) };
const plural = new Intl.PluralRules('en');
const quote = (text: string): string => `“${text}”`;

/** What a reading of the request meant and did, after its quoted words. */
function enReading(r: Extract<Reason, { kind: 'reading' }>): string {
  const effect = r.weight > 0 ? ` (+${r.weight} for this stack)` : '';
  switch (r.reading.kind) {
    case 'rejects-component':
      return `against ${r.requirement.label.en} (${r.reading.component}): a component complained about counts against itself and is never added`;
    case 'cost-pressure':
      return `cost and footprint pressure: favours the light mesh (ambient, no proxy in every pod) or no mesh at all${effect}`;
    case 'migration':
      return `existing VM workloads moving beside containers: the hybrid stack, VMs and containers under one mesh${effect}`;
    case 'confidential-described':
      return `confidential computing, described rather than named: memory the host or cloud operator cannot read, attestation${effect}`;
    case 'impossible-vm':
      return 'VMs cannot run here: stacks with a VM head are ruled out';
    case 'observability-first':
      return `observability first: per-service telemetry from the mesh, something to observe rather than a latency bound${effect}`;
  }
}
const COMPARATOR: Record<ConstraintRef['comparator'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };
const trim = (n: number): string => String(Math.round(n * 1000) / 1000);
const QUANTITY = {
  latency: 'latency',
  cold_start: 'cold start',
  memory: 'memory',
  p50: 'p50 added',
  p95: 'p95 added',
  p99: 'p99 added',
} as const;
const noun = (n: number, one: string, many: string): string =>
  `${numbers.format(n)} ${plural.select(n) === 'one' ? one : many}`;

function constraint(c: ConstraintRef): string {
  return `${c.label.en} ${COMPARATOR[c.comparator]} ${trim(c.value)} ${c.unit}`;
}

function figureOf(c: ConstraintCheck): string {
  const f = c.figure;
  if (f === undefined) return '';
  return f.quantity === c.constraint.quantity
    ? f.text
    : `${f.text} (its ${QUANTITY[f.quantity]}; no ${c.constraint.label.en} figure is stated)`;
}

function check(c: ConstraintCheck): string {
  const label = constraint(c.constraint);
  if (c.tolerance) return `${label} is a tolerance, not a requirement: smaller is better`;
  if (c.figure === undefined) return `no ${c.constraint.label.en} figure is known for this stack`;
  const shown = figureOf(c);
  if (c.status === 'met') return `${shown} meets ${label}`;
  if (c.status === 'violated') return `${shown} does not meet ${label}`;
  return `${shown} meets ${label} only in part`;
}

function exclusion(e: Exclusion): string {
  if (e.kind === 'radar-hold') return `your radar puts ${e.mark.title} on hold`;
  return e.kind === 'negation' ? `the request rules out ${quote(e.text)} (${e.operators.join(', ')})` : check(e.check);
}

/** An entry, with the radar's own description when it has one: `Istio sidecar (‘Use ambient mode.’)`. */
const described = (mark: RadarMark): string =>
  mark.description === '' ? mark.title : `${mark.title} (‘${mark.description}’)`;

/** Where the stacks' technologies sit: `WasmEdge in adopt`, or nothing on the radar. */
const standing = (marks: readonly RadarMark[]): string =>
  marks.length === 0 ? 'nothing on the radar' : lists.format(marks.map((m) => `${m.title} in ${m.ring}`));

function radarWhere(p: FailureParams['radar-invalid']): string {
  const at = `${p.file}${p.line === undefined ? '' : `:${p.line}`}`;
  if (p.entry === undefined) return `${at}: `;
  const name = p.entry.name === undefined ? '' : ` (${quote(p.entry.name)})`;
  const which =
    p.format === 'byor-csv'
      ? `row ${p.entry.index + 1}`
      : p.format === 'byor-json'
        ? `[${p.entry.index}]`
        : `entries[${p.entry.index}]`;
  return `${at}: ${which}${name}: `;
}

function radarProblem(p: FailureParams['radar-invalid']): string {
  const r = p.problem;
  switch (r.kind) {
    case 'syntax':
      return `cannot be read as a radar: ${r.detail}`;
    case 'not-a-radar':
      return 'not a radar: a Backstage Tech Radar JSON has an "entries" list; a Build-Your-Own-Radar file is a CSV with the columns name,ring,quadrant,isNew,description (or a JSON list of such rows)';
    case 'no-entries':
      return 'the radar has no entries';
    case 'too-many':
      return `${numbers.format(r.count)} entries; the limit is ${numbers.format(r.limit)}`;
    case 'missing-column':
      return `the header has no "${r.column}" column (a Build-Your-Own-Radar CSV starts with name,ring,quadrant,isNew,description)`;
    case 'columns':
      return `${r.found} fields where the header has ${r.expected} (a description with a comma must be in double quotes)`;
    case 'missing-field':
      return `no "${r.field}"`;
    case 'bad-ring':
      return `the ring ${quote(r.value)} is not adopt, trial, assess or hold`;
    case 'bad-link':
      return `the link ${quote(r.url)} is not an http(s) URL`;
    case 'bad-operator':
      return `the operator ${quote(r.value)} is not an operator of the knowledge base (${SYMBOLS.join(', ')})`;
    case 'duplicate':
      return `listed in ${r.ring} here and in ${r.other} as entry ${r.otherIndex + 1}: one technology cannot sit in two rings`;
  }
}

function trade(t: TradeItem): string {
  if (t.kind === 'check') return check(t.check);
  const name = { latency: 'Latency', security: 'Security', observability: 'Observability' }[t.dimension];
  return `${name} ${t.value} vs ${t.versus}`;
}

function start(s: EstimateStart): string {
  if (s.kind === 'row') return s.form;
  if (s.kind === 'swapped') return `${s.form} with ${s.head} for ${s.replaced}`;
  return `neutral ${s.label}`;
}

const from = (source: 'request' | 'thread'): string => (source === 'thread' ? ' (from earlier in the thread)' : '');

function unreadable(r: UnreadableReason): string {
  switch (r.kind) {
    case 'missing':
      return 'no such file';
    case 'directory':
      return 'it is a directory';
    case 'not-a-file':
      return 'not a regular file';
    case 'too-large':
      return `${numbers.format(r.size)} bytes; the limit is ${numbers.format(r.limit)} bytes`;
    case 'error':
      return r.code;
  }
}

function failure(f: Failure): string {
  const inner = failureText(f);
  return f.item === undefined ? inner : `${quote(f.item)}: ${inner}`;
}

function failureText(f: Failure): string {
  switch (f.code) {
    case 'empty-word':
      return 'the word is empty: write operators such as V∘C∘M or I -> C -> S';
    case 'unknown-operator': {
      const { token, position, suggestion } = f.params;
      const hint = suggestion ? `did you mean ${suggestion}?` : `valid operators are ${SYMBOLS.join(', ')}, ∅ and V⁻¹`;
      return `unknown operator "${token}" at position ${position}: ${hint}`;
    }
    case 'two-heads':
      return `two heads (${lists.format(f.params.heads.map((h) => `${h.head} at position ${h.position}`))}): a stack has one isolation boundary — V, Kc, F, G or Cc — pick one of them`;
    case 'container-before-head': {
      const h = f.params.head;
      return `C comes before the head ${h}: that would be a VM inside a container, a different object (A3: ${h}∘C ≠ C∘${h}). Put the head first, e.g. ${h}∘C`;
    }
    case 'unmatched-inverse':
      return 'V⁻¹ (hardware unlock) only undoes a V written immediately before it (A7: V∘V⁻¹ → ∅); here there is none to undo';
    case 'empty-request':
      return f.params.for === 'kit'
        ? 'kit for what? Give an operator word (I∘C∘S∘M), a stack id (edge) or requirements ("edge, cold start < 10ms")'
        : 'the request is empty: describe what you need, e.g. "edge, cold start < 10ms"';
    case 'request-too-long':
      return `the request is ${numbers.format(f.params.length)} characters long; the limit is ${numbers.format(f.params.limit)}: shorten it to the requirements`;
    case 'no-requirements': {
      const { text, ignored } = f.params;
      const shown = ignored.slice(0, 20);
      const more = ignored.length > shown.length ? `, … ${ignored.length - shown.length} more` : '';
      const left = shown.length > 0 ? ` (not understood: ${shown.join(', ')}${more})` : '';
      return `no requirement recognised in ${quote(text.length > 200 ? `${text.slice(0, 200)}…` : text)}${left}. Try e.g. "edge, cold start < 10ms, memory < 50MB" or "强隔离+合规，多租户"`;
    }
    case 'out-of-scope':
      return `${lists.format(f.params.topics)} ${f.params.topics.length === 1 ? 'is' : 'are'} outside what stack-advisor decides: it recommends runtime, isolation and service-mesh stacks. Ask about those, e.g. "multi-tenant, compliance" or "edge, cold start < 10ms"`;
    case 'empty-target':
      return 'explain what? Name an operator (e.g. Am) or a form (e.g. V∘S∘C∘M)';
    case 'unknown-target':
      return `“${f.params.target}” is not an operator, a stack or a form I know. Try an operator (Am, W, Kc), a product (gVisor, Istio ambient) or a form (V∘S∘C∘M)`;
    case 'compare-needs-two':
      return 'compare needs at least two items: compare <a> | <b> [| …]';
    case 'compare-too-many':
      return `compare takes at most ${f.params.limit} items, not ${f.params.count}`;
    case 'no-operators':
      return `There are no operators to explain in “${f.params.form}”.`;
    case 'not-in-channel':
      return 'I cannot post in that channel because I am not a member. Invite me with /invite, then ask again.';
    case 'missing-scope':
      return `Slack refused my answer: the app lacks a permission${f.params.scope === undefined ? '' : ` (${f.params.scope})`}. Ask a workspace admin to reinstall the app.`;
    case 'msg-too-long':
      return 'My answer was too long for Slack. Ask about fewer requirements at a time.';
    case 'unknown-stack':
      return `no stack has the id "${f.params.stackId}": the stacks are ${f.params.known.join(', ')}`;
    case 'no-stack-for-form': {
      const { normalForm, closest, known } = f.params;
      const hint =
        closest === undefined
          ? ` The stacks with kits: ${known.map((s) => `${s.id} (${s.form})`).join(', ')}.`
          : ` The closest stack is ${closest.id} (${closest.form}${closest.sameOperators ? ': the same operators in another order, which under a head is a different stack (A4)' : ''}); for its kit run: stack-advisor kit ${closest.id} --out DIR`;
      return `no stack in the knowledge base has the normal form ${normalForm}, so there is no kit for it: a kit holds the files a stack's own commands name.${hint}`;
    }
    case 'not-a-stack':
      return `a kit is for one stack: give an operator word (I∘C∘S∘M), a stack id (edge) or requirements ("edge, cold start < 10ms"), not a ${f.params.kind} request`;
    case 'invalid-app': {
      const hint = f.params.suggestion === undefined ? '' : `, e.g. "${f.params.suggestion}"`;
      return `"${f.params.app}" is not a valid app name: it names the Kubernetes namespace, Deployment and container, and Kubernetes names are DNS labels (RFC 1123) - at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit${hint}`;
    }
    case 'invalid-image':
      return `"${f.params.image}" is not a valid image reference: write [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lowercase name, for example "registry.example.com/${f.params.app}:v1.0"`;
    case 'kit-no-template':
      return `stack ${f.params.stackId}: its commands name ${f.params.files.join(', ')}, and the kit templates have no template for ${f.params.files.length === 1 ? 'it' : 'them'} (known: ${f.params.known.join(', ')})`;
    case 'kit-unsupported':
      return f.params.operator !== undefined
        ? `stack ${f.params.stackId} (${f.params.form}): there is no RuntimeClass template for ${f.params.operator} in the kit templates, and a Deployment without one would run on the default runtime, without the isolation ${f.params.operator} promises`
        : `stack ${f.params.stackId} (${f.params.form}): a pod has one RuntimeClass, and this form needs two (${(f.params.files ?? []).join(', ')})`;
    case 'kit-inconsistent':
      return `stack ${f.params.stackId} (${f.params.form}): ${f.params.detail}`;
    case 'kit-template':
      return `the kit template "${f.params.template}" uses ${f.params.placeholders.map((n) => `{${n}}`).join(', ')}, which the kit builder does not fill`;
    case 'kit-templates-unreadable':
      return `${f.params.file}: cannot read the kit templates (${f.params.reason})`;
    case 'kit-templates-invalid':
      return `${f.params.file}: ${f.params.path || '(top level)'}: ${f.params.detail}`;
    case 'out-not-directory':
      return `--out ${f.params.dir} exists and is not a directory`;
    case 'kit-exists':
      return `refusing to overwrite ${f.params.files.join(', ')}: nothing was written; pass --force to replace ${f.params.files.length === 1 ? 'it' : 'them'}, or choose another --out`;
    case 'write-failed':
      return `cannot write the kit to ${f.params.dir}: ${f.params.reason}`;
    case 'missing-out':
      return 'kit: --out DIR is required (the directory to write the kit to)';
    case 'unknown-command':
      return `unknown command "${f.params.command}": use one of ${f.params.commands.join(', ')}`;
    case 'bad-option':
      return f.params.detail;
    case 'bad-language':
      return `--lang takes en or zh, not "${f.params.value}"`;
    case 'diff-needs-two':
      return `diff takes two requests, before and after (got ${f.params.count}): stack-advisor diff "<before>" "<after>"`;
    case 'bad-status':
      return `--status takes proposed or accepted, not "${f.params.value}"`;
    case 'adr-exists':
      return `refusing to overwrite ${f.params.file}: nothing was written`;
    case 'bad-since':
      return `--since ${quote(f.params.value)} is not a period: give days (30d), weeks (8w) or a date in the past (2026-11-01)`;
    case 'report-no-database':
      return 'the report reads the database of a distributed bot: set DATABASE_URL (postgres://user:password@host:5432/stackadvisor), the same as the bot uses';
    case 'report-database-unreachable':
      return `the PostgreSQL database at ${f.params.host} (DATABASE_URL) did not answer (${f.params.why}). Check that it runs and that the URL is the bot's.`;
    case 'report-not-set-up':
      return `the database at ${f.params.host} (DATABASE_URL) has no record of answers yet: start the bot in distributed mode once with this DATABASE_URL, it creates the tables`;
    case 'internal-error':
      return `internal error: ${f.params.detail}`;
    case 'config-invalid':
      return [
        'stack-advisor cannot start: the Slack settings are incomplete or malformed.',
        ...f.params.problems.map(
          (p) =>
            `  - ${p.name} ${en.configIssue(p.issue)}.${p.name in en.configWhere ? ` It is ${en.configWhere[p.name]}.` : ''}`,
        ),
        'Put them in a .env file (see .env.example) or in the environment, then start again.',
      ].join('\n');
    case 'slack-rejected-token':
      return `stack-advisor cannot start: Slack rejected ${f.params.token} (${f.params.error}). Copy it again from api.slack.com/apps → your app (${f.params.token === 'SLACK_BOT_TOKEN' ? 'OAuth & Permissions → Bot User OAuth Token' : 'Basic Information → App-Level Tokens'}).`;
    case 'slack-unreachable':
      return `stack-advisor cannot start: could not reach the Slack Web API at ${f.params.api} (${f.params.why}).`;
    case 'slack-not-slack':
      return `stack-advisor cannot start: ${f.params.api} answered, but not as the Slack Web API (the answer was not Slack's JSON). Check SLACK_API_URL, and whether a proxy in between wants a login.`;
    case 'slack-rate-limited':
      return `stack-advisor cannot start: Slack is rate-limiting this app (auth.test: retry after ${f.params.retryAfter} s). Start again after that; if it persists, look for another process using the same token in a loop.`;
    case 'host-not-here':
      return `stack-advisor cannot start: HOST ${f.params.host} is not an address of this machine: set HOST to one of its addresses, or leave it unset.`;
    case 'port-in-use':
      return `stack-advisor cannot start: PORT ${f.params.port} is already in use: set PORT to a free port.`;
    case 'start-failed':
      return `stack-advisor cannot start: ${f.params.detail}`;
    case 'database-unreachable':
      return `stack-advisor cannot start: the PostgreSQL database at ${f.params.host} (DATABASE_URL) did not answer or refused the set-up (${f.params.why}). Check that it runs, that the URL's user may create tables, and start again.`;
    case 'knowledge-at-start':
      return `stack-advisor cannot start: the knowledge base is invalid.\n  ${failureText(f.params.cause)}`;
    case 'knowledge-unreadable':
      return `${f.params.file}: cannot read the knowledge file (${unreadable(f.params.reason)})`;
    case 'knowledge-syntax':
      return f.params.expansion
        ? `${f.params.file}: YAML cannot be expanded: ${f.params.detail}`
        : `${f.params.file}${f.params.line === undefined ? '' : `:${f.params.line}`}: YAML syntax error: ${f.params.detail}`;
    case 'knowledge-invalid':
      return `${f.params.file}${f.params.line === undefined ? '' : `:${f.params.line}`}: ${f.params.path || '(top level)'}: ${f.params.detail}`;
    case 'radar-at-start':
      return `stack-advisor cannot start: the technology radar (RADAR_PATH) is invalid.\n  ${failureText(f.params.cause)}`;
    case 'radar-unreadable':
      return `${f.params.file}: cannot read the radar file (${unreadable(f.params.reason)})`;
    case 'radar-invalid':
      return `${radarWhere(f.params)}${radarProblem(f.params)}`;
  }
}

export const en: Messages = {
  language: 'en',
  quote,
  list: (items) => lists.format(items),
  either: (items) => ors.format(items),
  number: (n) => numbers.format(n),
  label: (text) => `${text}:`,
  operatorName: (name) => name.en,
  text: (l) => l.en,
  cut: (more, what) =>
    `… (cut: ${noun(more, `more ${what === 'characters' ? 'character' : what.slice(0, -1)}`, `more ${what}`)})`,

  adviceTitle: 'Stack advice',
  request: 'Request',
  step1: '1 · Requirements → operator word',
  step2: '2 · Simplify → normal form',
  step3: '3 · Look up → metrics',
  step4: '4 · Land it → stack and commands',
  word: 'Operator word',
  normalForm: 'Normal form',
  alreadyNormal: 'Already in normal form: no rewrite needed.',
  fromThread: 'from earlier in this thread',
  not: 'not',
  assumed: 'assumed',
  stack: 'Stack',
  implementation: 'Implementation',
  commands: 'Deploy commands',
  noCommands: 'Nothing to deploy.',
  why: 'Why',
  checks: 'Constraints not met',
  alternatives: 'Nearest alternatives',
  givesUp: 'gives up',
  gains: 'gains',
  excludedBy: 'excluded by',
  conflicts: 'Conflicting requirements',
  ignored: 'Not understood (ignored)',
  outOfScope: (topics) =>
    `Outside what I decide: ${lists.format(topics)}. I answered the runtime, isolation and mesh part of the request.`,
  metricSourceTitle: 'Metrics',
  sources: 'Sources',
  knowledge: 'Knowledge base',
  sharedBy: 'Shared by',
  shareCut: (limit) => `Share re-asks the first ${numbers.format(limit)} characters of the request.`,
  warningTitle: 'warning',
  estimateTitle: 'estimate',
  dimensions: { latency: 'Latency', security: 'Security', observability: 'Observability' },
  quantities: {
    latency: 'Latency',
    cold_start: 'Cold start',
    memory: 'Memory',
    p50: 'p50 added',
    p95: 'p95 added',
    p99: 'p99 added',
  },
  buttons: {
    share: 'Share in channel',
    compare: 'Compare alternatives',
    explain: 'Explain operators',
    deployKit: 'Deploy kit',
  },
  score: (n) => `${n} / 5`,

  rule(rule) {
    switch (rule.code) {
      case 'remove-empty':
        return `∅ is the no-op: ${rule.count} × ∅ removed`;
      case 'cancel-inverse':
        return `V∘V⁻¹ → ∅ (weak inverse), ${rule.count} × cancelled`;
      case 'collapse-runs':
        return `idempotence: ${rule.operators.map((op) => `${op}∘${op} → ${op}`).join(', ')}`;
      case 'head-to-front':
        return `the head ${rule.head} moves to the front`;
      case 'keep-last':
        return `idempotence: ${rule.operators.join(', ')} repeated, kept once (the last occurrence is the outer layer)`;
      case 'sort-by-rank':
        return `no head, so the operators commute: sorted by rank ${RANKED.join(' < ')}`;
      case 'order-under-head':
        return `under the head ${rule.head}: I first, C and S kept in the order of their last occurrence (S∘C ≠ C∘S), add-ons by rank`;
    }
  },
  warning: () =>
    'V∘V collapsed to V: nested virtualization (a VM inside a VM) is not the same object and needs hardware support (e.g. nested KVM) — write one V unless you really mean it',
  metricSource: (s) =>
    s.kind === 'row'
      ? `table row ${s.form} (${s.source.en})`
      : `estimate from ${[...new Set([s.basis.latency, s.basis.security, s.basis.observability].map(start))].join(', ')}`,
  estimate: (form, vector, basis) => [
    `${form} has no row in the metric table, so its metrics are estimated (rules: knowledge file, estimation).`,
    `Latency ${vector[0]} from ${start(basis.latency)} (the most cautious), Security ${vector[1]} from ${start(basis.security)}, Observability ${vector[2]} from ${start(basis.observability)}, each carried over by the rules for the operators that row lacks.`,
  ],
  figureSource: (s) =>
    s.kind === 'stated' ? s.text.en : `derived: ${s.parts.map((p) => `${p.operator} ${p.text}`).join(' + ')}`,
  constraint,
  assumption(a) {
    switch (a.kind) {
      case 'quantity-from-unit':
        return `no quantity named: read as ${QUANTITY[a.quantity]} from the unit`;
      case 'range-upper':
        return 'a range: read as at most its upper end';
      case 'no-comparator':
        return 'no comparator: read as "at most"';
      case 'approx-as-at-most':
        return `"${a.word}" read as "at most"`;
    }
  },
  check,
  exclusion,
  trade,
  reason(r) {
    switch (r.kind) {
      case 'supports':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${r.requirement.label.en}: supports this stack (+${r.weight})`;
      case 'not-for-stack':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${r.requirement.label.en}: not what this stack is for`;
      case 'indifferent':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} does not matter here: ${r.requirement.label.en} is not weighed`;
      case 'negated':
        return r.excludes.length > 0
          ? `${quote(r.requirement.text)}${from(r.requirement.source)} is negated: stacks with ${r.excludes.join(', ')} are ruled out`
          : `${quote(r.requirement.text)}${from(r.requirement.source)} is negated: ${r.requirement.label.en} is not required`;
      case 'reading':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${enReading(r)}`;
      case 'check':
        return `${constraint(r.check.constraint)}: ${r.check.status} — ${check(r.check)}`;
      case 'excluded':
        return `${r.stack.name} (${r.stack.form}) excluded: ${r.excludedBy.map(exclusion).join('; ')}`;
      case 'ranked-by-numbers':
        return 'No named need prefers one stack here: the stacks are ranked by the numeric requirements, then the metric table.';
      case 'operator-word':
        return `The request is an operator word, ${r.word}: it is simplified and looked up as it is.`;
      case 'stack':
        return r.why.en;
      case 'composed':
        return en.composed(r.composition);
      case 'nothing-to-deploy':
        return en.nothingToDeploy;
      case 'radar-hold':
        return `${r.stack.name}, because your radar puts ${lists.format(r.holds.map(described))} on hold: ${r.instead.name} (${r.instead.form}) would need it.`;
      case 'radar-ring':
        return `${r.stack.name} rather than ${r.over.name} (${r.over.form}): the two (nearly) tie on your requirements, and your radar has ${standing(r.marks)} for this stack, ${standing(r.overMarks)} for the other.`;
      case 'radar-hold-named':
        return `Warning: your radar puts ${described(r.mark)} on hold; this stack keeps it because the request names it (${quote(r.text)}).`;
    }
  },
  conflict(c) {
    switch (c.kind) {
      case 'no-stack-meets-all':
        return `No stack meets every requirement. The closest is ${c.closest.name} (${c.closest.form}), but ${c.excludedBy.map(exclusion).join('; ')}.`;
      case 'unknown-for-all':
        return `No stack is known to meet ${quote(c.constraint.text)}: ${c.closest.name} comes closest (${check(c.check)}). Measure before you rely on it.`;
      case 'favorite-excluded': {
        const gives = c.givesUp.length > 0 ? `, which gives up ${c.givesUp.map(trade).join(', ')}` : '';
        return `${quote(c.text)} (${c.label.en}) points to ${c.favorite.name} (${c.favorite.form}), but ${c.excludedBy.map(exclusion).join('; ')}. Recommended instead: ${c.chosen.name}${gives}.`;
      }
      case 'contradiction':
        return `${quote(c.first)} and ${quote(c.second)} cannot both hold: every stack that gives the first is ruled out by the second. The closest is ${c.closest.name} (${c.closest.form}); decide which requirement gives way.`;
      case 'radar-excludes-all':
        return `Every stack that meets your requirements needs something your radar puts on hold: ${lists.format(c.holds.map(described))}. The closest: ${lists.format(c.closest.map((s) => `${s.name} (${s.form})`))}. Shown is the first; name the technology in the request to accept it, or take it up with the radar's owners.`;
    }
  },
  composed: (c) => {
    const diff =
      [...c.added.map((op) => `+${op}`), ...c.missing.map((op) => `−${op}`)].join(', ') ||
      'the order of its operators only (under a head, S∘C and C∘S are different stacks: A4)';
    return `No stack row for ${c.form || '∅'}: assembled from its operators. The deploy commands are those of ${c.chosen ? 'the chosen' : 'the closest'} stack, ${c.base.name} (${c.base.form}), which differs by ${diff}; adapt them for the difference.`;
  },
  nothingToDeploy: 'The word simplifies to ∅, the no-op: there is no stack and nothing to deploy.',
  composedNote: 'No stack in the knowledge base has this form, so it is assembled from its operators.',

  rings: { adopt: 'ADOPT', trial: 'TRIAL', assess: 'ASSESS', hold: 'HOLD' },
  radar: 'Radar',
  radarMark: (mark) => `${mark.title} (${mark.ring})${mark.description === '' ? '' : `: ‘${mark.description}’`}`,
  radarHome: {
    title: "Your organisation's radar",
    hold: 'On hold: not recommended unless a request names it',
    adopt: 'Adopted: preferred when stacks (nearly) tie',
    none: 'None of its entries is in these rings.',
    note: (file) => `Answers follow the radar ${file}: its holds rule stacks out, its rings break near ties.`,
  },
  radarUnmatched: (file, titles) =>
    `${file}: ${noun(titles.length, 'radar entry matches', 'radar entries match')} nothing the knowledge base knows, and ${titles.length === 1 ? 'is' : 'are'} ignored: ${titles.join(', ')}. Name an operator, an implementation or a stack part, or add an "operator" field.`,
  radarInUse: (version, matched) =>
    `Following the technology radar ${version} (${noun(matched, 'entry', 'entries')} matched)`,

  configWhere: {
    SLACK_BOT_TOKEN:
      'the Bot User OAuth Token (xoxb-…): api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token (install the app to your workspace first)',
    SLACK_SIGNING_SECRET:
      'needed in HTTP mode (when SLACK_APP_TOKEN is not set): api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret',
    SLACK_APP_TOKEN:
      'optional; set it for Socket Mode (xapp-…): api.slack.com/apps → your app → Basic Information → App-Level Tokens → Generate, scope connections:write',
    HOST: 'optional; the address the HTTP server listens on, e.g. 127.0.0.1 behind a sidecar proxy (default: all interfaces)',
    PORT: 'optional; the HTTP port (in Socket Mode, where /healthz, /readyz and /metrics are served), a whole number from 0 to 65535 (default 3000; 0 picks any free port)',
    SLACK_API_URL:
      'optional; the Slack Web API base URL, e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/)',
    KNOWLEDGE_PATH: 'optional; a YAML file that adds to or overrides the built-in knowledge base',
    RADAR_PATH:
      "optional; your organisation's technology radar (Backstage Tech Radar JSON or a Build-Your-Own-Radar CSV): answers follow it",
    LOG_LEVEL: 'optional; one of debug, info, warn, error (default info)',
    LOG_FORMAT: 'optional; json (JSON lines, the default) or pretty (readable lines for a terminal)',
    SLACK_CLIENT_ID:
      'needed to distribute the app (OAuth installs): api.slack.com/apps → your app → Basic Information → App Credentials → Client ID',
    SLACK_CLIENT_SECRET:
      'needed to distribute the app: api.slack.com/apps → your app → Basic Information → App Credentials → Client Secret',
    SLACK_STATE_SECRET:
      'needed to distribute the app: any long random text of your own, e.g. the output of `openssl rand -hex 32`; it signs the OAuth state',
    DATABASE_URL:
      'needed to distribute the app: the PostgreSQL database that keeps installations, e.g. postgres://user:password@host:5432/stackadvisor',
    TOKEN_ENCRYPTION_KEY:
      'needed to distribute the app: 32 random bytes in base64 that encrypt the tokens in the database, e.g. the output of `openssl rand -base64 32`; keep it, the stored tokens cannot be read without it',
    THREAD_MEMORY_DAYS:
      "optional, distributed only; how many days a thread's context is kept in the database after the bot's latest answer in it, a whole number from 1 to 3650 (default 30)",
    AUDIT_RETENTION_DAYS:
      'optional, distributed only; how many days the record of each answer (the answers table that stack-advisor report reads) is kept, a whole number from 1 to 3650 (default 90)',
    AUDIT_STORE_TEXT:
      "optional, distributed only; true keeps the asker's words in the record of each answer too; by default (false) only the facts are kept (stack, form, language, time)",
  },
  configIssue: (issue) =>
    ({
      missing: 'is missing',
      'not-text': 'must be text',
      'not-bot-token': 'does not look like a bot token (it starts with xoxb-)',
      'not-signing-secret': 'does not look like a signing secret (one word, no spaces)',
      'not-app-token': 'does not look like an app-level token (it starts with xapp-)',
      'not-whole-number': 'must be a whole number',
      'port-range': 'must be between 0 and 65535',
      'not-url': 'must be an http(s) URL',
      'url-credentials': 'must not contain a user name or password',
      'not-host': 'must be a host name or an IP address',
      'log-level': 'is not a log level',
      'log-format': 'is not a log format',
      'not-one-word': 'must be one word, without spaces',
      'not-database-url': 'must be a postgres:// or postgresql:// URL',
      'not-encryption-key': 'must be 32 bytes in base64 (44 characters, e.g. from `openssl rand -base64 32`)',
      'single-with-distribution':
        'is set together with the distribution settings: run either one workspace (SLACK_BOT_TOKEN alone) or distributed (without SLACK_BOT_TOKEN), not both',
      'distribution-with-single': 'is a distribution setting, and SLACK_BOT_TOKEN is set too: remove one or the other',
      'not-days': 'must be a whole number of days from 1 to 3650',
      'not-boolean': 'must be true or false',
      'needed-to-distribute':
        'is missing: a distributed app needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, DATABASE_URL and TOKEN_ENCRYPTION_KEY together',
      invalid: 'is invalid',
    })[issue],
  running: (mode, version, port, host) =>
    mode === 'socket'
      ? `stack-advisor is running in Socket Mode (knowledge ${version}); GET /healthz, /readyz, /metrics on port ${port}${host === undefined ? '' : ` of ${host}`}`
      : `stack-advisor is running in HTTP mode on port ${port}${host === undefined ? '' : ` of ${host}`}: POST /slack/events, GET /healthz, /readyz, /metrics (knowledge ${version})`,
  stopping: (signal, seconds) =>
    `${signal}: stopping (finishing the answers already acknowledged, at most ${seconds} s)`,
  stopTooLong: (seconds) => `stack-advisor did not stop within ${seconds} s: exiting anyway`,
  stoppedAbandoned: (count, seconds) =>
    `Stopped with ${noun(count, 'answer', 'answers')} unfinished after ${seconds} s`,
  stopped: 'Stopped: every acknowledged request was answered',
  stopFailed: (detail) => `stack-advisor did not stop cleanly: ${detail}`,

  failure,
  failureHint: 'Try `/stack help` for examples',
  failureFallback: 'Sorry, I could not answer that',
  apology: 'Sorry, something went wrong on my side while answering. It has been logged; please try again.',

  simplifyTitle: 'Simplify → normal form',
  explainTitle: (target) => `Explain ${target}`,
  glossary: (letter) =>
    letter === '∅'
      ? '∅ is the no-op (A6): it maps every technical object to itself and disappears from every word. A word that simplifies to ∅ deploys nothing.'
      : 'V⁻¹ (also written V^-1) is the weak inverse of V, "hardware unlock" (A7): V∘V⁻¹ → ∅. Only V has one, and it only undoes a V written immediately before it.',
  operatorClass: {
    head: 'head: the isolation boundary, always first',
    base: 'base: image, container, sandbox',
    'add-on': 'add-on: mesh, runtime or policy on top',
  },
  classLabel: 'Class',
  maps: 'Maps',
  implementations: 'Implementations',
  inAStack: 'In a stack',
  whenToUse: 'When to use it',
  inStacks: 'Canonical stacks with it',
  inNoStack: 'In no stack of the knowledge base yet',
  operatorsOf: (form) => `The operators of ${form}`,
  comparisonTitle: (count) => `Comparison of ${count}`,
  comparisonFallback: 'Comparison',
  bestOnEach: 'Best on each dimension',
  summary: 'Summary',
  winner: (dimension, winners, score, tie) => {
    const name = en.dimensions[dimension];
    return tie ? `${name}: a tie (${score} for all)` : `${name}: ${lists.format(winners)} — ${score} of 5`;
  },
  estimateMark: '(estimate)',

  intro:
    'Tell me what a service needs and I recommend a runtime / isolation / service-mesh stack, showing every step: ' +
    'requirements → operator word → normal form (with the rewrite rules) → metrics Latency / Security / Observability → ' +
    'the stack and its deploy commands. Every answer says why, names the nearest alternatives and any conflict.',
  howToAsk: 'How to ask',
  usage: [
    '`/stack <requirements>`: a recommendation, private to you, with a button to share it in the channel',
    '`/stack <operator word>` such as `V∘C∘M∘C` or `V -> C -> M`: the simplification, metrics and stack',
    '`/stack compare <a> | <b>`: side by side, and which one wins on what',
    '`/stack explain <operator or form>`: what it is, implementations, figures, when to use it',
    '`/stack help`: this message',
    '`/stack form`: a form for the latency, memory, compliance and other requirements',
    '*Ask stack-advisor* on any message (its ⋮ menu): an answer to that message, private to you',
    '@mention me in a thread: I answer there, and follow-ups combine with my earlier answer in that thread',
    'Direct messages work like mentions',
  ],
  examples: 'Examples',
  examplesOther: '示例（中文）',
  helpFallback: 'stack-advisor: /stack <requirements>, /stack <operator word>, /stack compare a | b, /stack explain X',
  languageNote:
    'I answer in the language you write in. Start with `中文:` or `en:` to choose; operator words and buttons follow your Slack language.',
  homeStacks: (count) => `The ${count} canonical stacks`,
  homeMetricsNote:
    'Metrics read Latency-Security-Observability, each scored 1–5 where 5 is best (Latency 5 = lowest latency); ▼ marks 4–5, ▲ marks 1–3.',
  homeGlossary: 'Operator glossary',
  homeClass: {
    head: 'Heads: the isolation boundary (one per stack, always first)',
    base: 'Base: image, container, sandbox',
    'add-on': 'Add-ons: mesh, runtimes, policy, telemetry',
  },
  homeExamples: 'Example questions',

  kitUploadComment: (stack, form, app, files) =>
    `Deploy kit for ${stack} (${form}), app ${app}: ${noun(files, 'file', 'files')}. Start with README.md.`,
  kitTitle: (stack) => `Deploy kit · ${stack}`,
  kitFallback: (stack, form, files) => `Deploy kit for ${stack} (${form}): ${files}`,
  kitCommands: 'Commands, in order',
  kitAll: (files, command) => `All ${files} files, with a README of prerequisites and checks: ${command}`,
  kitPrivate: 'The answer is private, so the kit is shown here rather than uploaded.',
  kitUploadFailed: 'The files could not be uploaded here, so the kit is shown instead.',

  kitReadme: {
    title: (stack, form) => `Deploy kit: ${stack} (${form})`,
    intro: (stackId, app, image, why) =>
      `Stack \`${stackId}\` for the application \`${app}\`, image \`${image}\`, generated by stack-advisor. ${why}`,
    files: 'Files',
    readmeFile: (path) => `\`${path}\` - this file.`,
    file: (path, describes) => `\`${path}\` - ${describes}`,
    beforeYouStart: 'Before you start',
    onYourMachine: 'On your machine:',
    onTheCluster: 'On the cluster:',
    forTheApplication: 'For the application:',
    commandsInOrder: 'Commands, in order',
    step: (n, command, note) => `Step ${n}, \`${command}\`, ${note}`,
    checkThatItWorked: 'Check that it worked',
    check: (command, expect) => `\`${command}\` - expect ${expect}`,
    corrections: 'Corrections to the sources',
    correction: (right, reason) => `\`${right}\` replaces an invalid command of the sources. ${reason}`,
    remove: 'Remove',
    seccompWhere: (profile, placement) => (placement === '' ? profile : `${profile} ${placement}`),
  },
  review: reviewEn,
  report: {
    title: (total, since, until) =>
      `stack-advisor report: ${noun(total, 'answer', 'answers')} from ${since} to ${until} (UTC)`,
    week: (monday, answers, languages) => `Week of ${monday}: ${noun(answers, 'answer', 'answers')} (${languages})`,
    byStack: 'By stack and language:',
    composed: 'assembled from its operators',
    other: (kinds) => `Other answers: ${kinds}`,
    unmet: 'Most frequent unmet numeric limits:',
    conflicts: 'Most frequent conflicts:',
    empty: 'No answers were recorded in this period.',
    kind: (kind) =>
      ({
        advice: 'advice',
        simplification: 'simplification',
        explanation: 'explanation',
        comparison: 'comparison',
        help: 'help',
        refused: 'turned down',
      })[kind],
    limit: (quantity, comparator, value, unit) =>
      `${QUANTITY[quantity]} ${COMPARATOR[comparator]} ${trim(value)} ${unit}`,
    conflict: (kind, subjects) => {
      const [a = '', b = ''] = subjects;
      switch (kind) {
        case 'no-stack-meets-all':
          return `no stack meets every requirement (closest: ${a})`;
        case 'unknown-for-all':
          return `no stack is known to meet the ${QUANTITY[a as keyof typeof QUANTITY] ?? a} requirement`;
        case 'favorite-excluded':
          return `${a} points to ${b}, which the other requirements rule out`;
        case 'contradiction':
          return `${a} and ${b} cannot both hold`;
        case 'radar-excludes-all':
          return `the radar's holds rule out every stack that fits (${lists.format(subjects)})`;
      }
    },
    separator: ', ',
  },

  cliHelp: `stack-advisor — which runtime / isolation / mesh stack fits your requirements
  stack-advisor ask "<text>"                answers as /stack does: advice, simplification, explanation, comparison, help
  stack-advisor advise "<requirements>"     e.g. "edge, cold start < 10ms, memory < 50MB" or "强隔离+合规，多租户"
  stack-advisor simplify "<operator word>"  e.g. "V -> C -> M -> C" (use - to read it from standard input)
  stack-advisor explain <operator|form>     e.g. Am, W, V∘S∘C∘M
  stack-advisor compare "<a>" "<b>" [...]   requirements or operator words, side by side
  stack-advisor blocks "<text>"             the Block Kit JSON the Slack bot would send for /stack <text>
  stack-advisor kit "<word or requirements>" --out DIR [--app NAME] [--image IMAGE] [--force]
  stack-advisor diff "<before>" "<after>"   what changes in the recommendation, and why
  stack-advisor adr "<requirements>" [--title T] [--status proposed|accepted] [--out DIR|FILE.md]
                                            a decision record (MADR 4.0); in DIR as the next NNNN-title.md
  stack-advisor report [--since 30d|8w|2026-11-01]
                                            what a distributed bot answered, per week (reads DATABASE_URL)
Options: --json (machine-readable), --lang en|zh (default: the request's language, then LC_ALL/LANG), --no-color,
--radar FILE (answers follow your technology radar: Backstage JSON or a Build-Your-Own-Radar CSV), --help, --version. Exit codes: 0 answered, 2 bad input, 1 cannot run.
Operators: V Kc F G Cc (heads) · I C S (base) · M W We Am P Ns Cg O E Ist Otel Gk (add-ons) · ∅ · V⁻¹`,
  cliKit: {
    usage: (
      app,
    ) => `Usage: stack-advisor kit "<word, stack id or requirements>" --out DIR [--app NAME] [--image IMAGE] [--force] [--json] [--lang en|zh] [--radar FILE]

Writes the deploy kit of the stack the answer recommends: the files its commands name (seccomp profile, RuntimeClass,
Namespace, Deployment) and a README with the commands in order, the prerequisites and how to check it worked.

  --out DIR       the directory to write to (created if missing)
  --app NAME      the application name, a DNS label (default ${app}): namespace, Deployment and container name
  --image IMAGE   the image reference (default: the stack's, e.g. ${app}:v1.0)
  --force         overwrite files that already exist (without it, nothing is written if any would be)
  --json          print {"files": [...], "commands": [...]} instead of text
  --lang en|zh    the language of the README and the messages (default: the request's, then LC_ALL/LANG)
  --radar FILE    choose the stack following your technology radar (Backstage JSON or a Build-Your-Own-Radar CSV)

Examples:
  stack-advisor kit "I∘C∘S∘M" --out kit
  stack-advisor kit "strong isolation, compliance" --out kit --app payments --image registry.example.com/payments:1.4.2
  stack-advisor kit edge --out edge-kit --json`,
    wrote: (stackId, form, app, image, dir) =>
      `Wrote the deploy kit of ${stackId} (${form}) for ${app} (${image}) to ${dir}:`,
    runInOrder: (dir, readme) =>
      `Run, in order, from ${dir} (${readme} lists what each step needs and how to check it worked):`,
  },
  terminal: {
    request: 'Request',
    notUnderstood: 'not understood',
    outOfScope: 'outside what stack-advisor decides',
    wordLine: 'word',
    warning: 'warning',
    normalForm: 'normal form',
    implementation: 'implementation',
    deploy: 'deploy',
    deployNothing: 'deploy: nothing',
    earlierInThread: 'earlier in the thread',
    compare: 'Compare',
    whoWins: 'Who wins on what',
    figures: 'figures',
    knowledge: 'knowledge base',
    radar: 'radar',
  },
};
