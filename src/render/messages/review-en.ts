import type { ConstraintCheck, ConstraintRef } from '../../advisor/answer.js';
import type { Review } from './messages.js';

const COMPARATOR: Record<ConstraintRef['comparator'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };
const trim = (n: number): string => String(Math.round(n * 1000) / 1000);
const constraint = (c: ConstraintRef): string => `${c.label.en} ${COMPARATOR[c.comparator]} ${trim(c.value)} ${c.unit}`;
const STATUS: Record<ConstraintCheck['status'], string> = { met: 'met', violated: 'violated', unknown: 'unknown' };
const DIMENSION = { latency: 'Latency', security: 'Security', observability: 'Observability' } as const;

/** The English words of design reviews. */
export const reviewEn: Review = {
  whatChanged: 'What changed',
  changed: (before, after) => `The recommendation changed: ${before} → ${after}.`,
  unchanged: (stack, added, removed) =>
    added + removed === 0
      ? `No change: still ${stack}, and no requirement was added or removed.`
      : `No change: still ${stack}, because the requirements that came or went do not change which stack fits best.`,
  cause: 'Because of',
  added: 'added',
  removed: 'removed',
  requirementChange: (c) =>
    c.kind === 'number'
      ? constraint(c.constraint)
      : `${c.requirement.negated ? 'not ' : ''}${c.requirement.label.en} (“${c.requirement.text}”)`,
  metricDeltas: 'Metrics',
  metricDelta: (d) => `${DIMENSION[d.dimension]} ${d.before} → ${d.after}`,
  flippedChecks: 'Checks that flipped',
  flipped: (f) =>
    `${constraint(f.constraint)}: ${f.before === undefined ? 'not asked before' : STATUS[f.before]} → ${STATUS[f.after]}`,
  buttons: { shareInThread: 'Share in thread', recordDecision: 'Record decision' },
  noText:
    'This message has no text to ask about (a file alone, or a message made only of blocks). Write the requirements in the thread with @stack-advisor, or use `/stack …`.',
  recordUploaded: (title) => `Decision record: ${title}`,
  recordPrivate: 'The answer is private, so the decision record is shown here instead of being posted.',
  recordUploadFailed: 'The decision record could not be uploaded here, so it is shown instead.',
  recordNoAnswer: 'There is no recommendation in this thread to record yet: ask for one first.',
  recordWritten: (path) => `Wrote ${path}`,
  feedback: {
    good: 'Helpful',
    bad: 'Not helpful',
    thanks:
      'Thank you for the feedback: it is counted with the normal form and the knowledge-base version, never with your words.',
  },
  prompts: {
    title: 'Try asking',
    items: [
      { title: 'Edge with tight limits', message: 'edge, cold start < 10ms, memory < 50MB' },
      { title: 'Multi-tenant and compliant', message: 'strong isolation, PCI compliance, multi-tenant' },
      { title: 'What does Am mean?', message: 'explain Am' },
      { title: 'Compare two stacks', message: 'compare V∘S∘C∘M | I∘C∘S∘Am' },
    ],
  },
  form: {
    title: 'Requirements',
    submit: 'Recommend',
    close: 'Cancel',
    intro: 'Fill in what you know; every field is optional, but say at least one thing.',
    latency: 'Latency budget (ms)',
    coldStart: 'Cold-start limit (ms)',
    memory: 'Memory per instance (MB)',
    compliance: 'Compliance regimes',
    tenancy: 'Tenancy',
    tenancyOptions: { single: 'Single tenant', multi: 'Multi-tenant' },
    edge: 'Edge',
    edgeOption: 'Runs at the edge (IoT, CDN, devices)',
    mesh: 'Service mesh',
    meshOptions: { sidecar: 'Sidecar', ambient: 'Ambient (no sidecars)', none: 'No mesh', any: 'No preference' },
    isolation: 'Isolation',
    isolationOptions: {
      vm: 'A VM per workload',
      strong: 'Strong isolation',
      'no-vm': 'Strong, but no VMs',
      any: 'No preference',
    },
    text: 'Anything else',
    textHint: 'In your own words, e.g. "OpenTelemetry tracing, no VMs"',
    conversation: 'Send the answer to',
    conversationHint: 'Leave empty to get it privately in your DM with stack-advisor.',
    asked: (field, value, unit) => `${field.replace(/ \((ms|MB)\)$/, '')} ≤ ${value} ${unit}`,
    errors: {
      'not-a-number': 'Enter a number, such as 20.',
      negative: 'Enter zero or more.',
      'too-large': 'That is too large to be a real limit.',
      'unknown-option': 'Pick one of the choices offered.',
      empty: 'Fill in at least one requirement.',
      'too-long': 'Keep it under 4,000 characters.',
    },
    open: 'Fill in the requirements form',
  },
  adr: {
    defaultTitle: (stack) => `Use ${stack} as the runtime, isolation and mesh stack`,
    context: 'Context and Problem Statement',
    drivers: 'Decision Drivers',
    options: 'Considered Options',
    outcome: 'Decision Outcome',
    consequences: 'Consequences',
    confirmation: 'Confirmation',
    more: 'More Information',
    asked: 'Which runtime, isolation and service-mesh stack fits these requirements? As asked:',
    thread: (url) => `Discussed in [the Slack thread](${url}).`,
    noDrivers: 'No requirement was recognised beyond the operator word itself.',
    recommended: (option) => `${option} (recommended)`,
    chosen: (option, because) => `Chosen option: ${option}, because ${because}`,
    good: (text) => `Good, because ${text}`,
    bad: (text) => `Bad, because ${text}`,
    neutral: (text) => `Neutral, because ${text}`,
    separator: '; ',
    over: (option, what) => `${what} compared with ${option}`,
    commands: 'Deploy with these commands and check that each succeeds:',
    checks: 'Check the requirements against the deployed stack:',
    noCommands: 'There is nothing to deploy for this stack.',
    knowledge: (version) => `Knowledge base version: \`${version}\`.`,
    sources: 'Where the figures come from:',
    generated: 'Written by stack-advisor from the answer above; the same input always gives the same answer.',
  },
};
