import type {
  Assumption,
  Composition,
  Conflict,
  ConstraintCheck,
  ConstraintRef,
  Dimension,
  Exclusion,
  FigureSource,
  Glossary,
  RadarMark,
  Reason,
  Ring,
  TradeItem,
} from '../../advisor/answer.js';
import type { FlippedCheck, MetricDelta, RequirementChange } from '../../advisor/diff.js';
import type { EstimateStart, MetricSource } from '../../algebra/metrics.js';
import type { AlgebraWarning, Rule } from '../../algebra/normalize.js';
import type { Failure } from '../../failure.js';
import type { OperatorInfo } from '../../knowledge/schema.js';
import type { Language, Localized } from '../../language.js';

type Quantity = 'latency' | 'cold_start' | 'memory' | 'p50' | 'p95' | 'p99';

/**
 * Every word a person reads, in one language. One object per language (`en.ts`, `zh.ts`), typed by this interface,
 * so the compiler refuses a catalog that misses a message. Functions turn the core's facts into sentences.
 */
export interface Messages {
  readonly language: Language;

  // Small pieces of grammar.
  /** The user's own words, quoted. */
  quote(text: string): string;
  /** A list in the language's way: `a, b and c` / `a、b 和 c`. */
  list(items: readonly string[]): string;
  /** A disjunction: `a, b or c` / `a、b 或 c`. */
  either(items: readonly string[]): string;
  /** A whole number as people write it: `4,000`. */
  number(n: number): string;
  /** A label before its value: `Stack:` / `技术栈：`. */
  label(text: string): string;
  /** An operator's name: the reader's language, with the English one beside a Chinese name. */
  operatorName(name: Localized): string;
  /** Text the knowledge base holds in both languages. */
  text(l: Localized): string;
  /** `(cut: 3 more lines)`. */
  cut(more: number, what: 'characters' | 'lines' | 'fields' | 'notes' | 'blocks'): string;

  // The advice frame.
  readonly adviceTitle: string;
  readonly request: string;
  readonly step1: string;
  readonly step2: string;
  readonly step3: string;
  readonly step4: string;
  readonly word: string;
  readonly normalForm: string;
  readonly alreadyNormal: string;
  readonly fromThread: string;
  readonly not: string;
  readonly assumed: string;
  readonly stack: string;
  readonly implementation: string;
  readonly commands: string;
  readonly noCommands: string;
  readonly why: string;
  readonly checks: string;
  readonly alternatives: string;
  readonly givesUp: string;
  readonly gains: string;
  readonly excludedBy: string;
  readonly conflicts: string;
  readonly ignored: string;
  readonly outOfScope: (topics: readonly string[]) => string;
  readonly metricSourceTitle: string;
  readonly sources: string;
  readonly knowledge: string;
  readonly sharedBy: string;
  readonly shareCut: (limit: number) => string;
  readonly warningTitle: string;
  readonly estimateTitle: string;
  readonly dimensions: Readonly<Record<Dimension, string>>;
  readonly quantities: Readonly<Record<Quantity, string>>;
  readonly buttons: {
    readonly share: string;
    readonly compare: string;
    readonly explain: string;
    readonly deployKit: string;
  };
  readonly score: (n: number) => string;

  // Facts into sentences.
  rule(rule: Rule): string;
  warning(warning: AlgebraWarning): string;
  metricSource(source: MetricSource): string;
  /** How an estimate was made, one line per step. */
  estimate(form: string, vector: readonly [number, number, number], basis: Record<Dimension, EstimateStart>): string[];
  figureSource(source: FigureSource): string;
  constraint(c: ConstraintRef): string;
  assumption(a: Assumption): string;
  check(c: ConstraintCheck): string;
  exclusion(e: Exclusion): string;
  trade(t: TradeItem): string;
  reason(r: Reason): string;
  conflict(c: Conflict): string;
  composed(c: Composition): string;
  readonly nothingToDeploy: string;
  readonly composedNote: string;

  // The organisation's technology radar.
  /** The rings as badges: `ADOPT`, `HOLD` / `采用`, `暂缓`. */
  readonly rings: Readonly<Record<Ring, string>>;
  /** The label of the radar's badges and version: `Radar` / `技术雷达`. */
  readonly radar: string;
  /** An entry with its ring and the radar's own description: `Istio sidecar (hold): ‘…’`. */
  radarMark(mark: RadarMark): string;
  readonly radarHome: {
    readonly title: string;
    readonly hold: string;
    readonly adopt: string;
    readonly none: string;
    readonly note: (file: string) => string;
  };
  /** Start-up: entries that match nothing the knowledge base knows (a warning). */
  radarUnmatched(file: string, titles: readonly string[]): string;
  /** Start-up: the radar in use. */
  radarInUse(version: string, matched: number): string;

  // Start-up, for whoever runs the bot.
  readonly configWhere: Readonly<Record<string, string>>;
  configIssue(issue: import('../../failure.js').ConfigIssue): string;
  readonly running: (mode: 'socket' | 'http', version: string, port?: number, host?: string) => string;
  readonly stopping: (signal: string, drainSeconds: number) => string;
  readonly stopTooLong: (seconds: number) => string;
  readonly stoppedAbandoned: (count: number, seconds: number) => string;
  readonly stopped: string;
  readonly stopFailed: (detail: string) => string;

  // Failures and apologies.
  failure(f: Failure): string;
  /** The line under a failure: where to look next. */
  readonly failureHint: string;
  readonly failureFallback: string;
  readonly apology: string;

  // Simplification, explanation, comparison.
  readonly simplifyTitle: string;
  explainTitle(target: string): string;
  glossary(letter: Glossary): string;
  readonly operatorClass: Readonly<Record<OperatorInfo['class'], string>>;
  readonly classLabel: string;
  readonly maps: string;
  readonly implementations: string;
  readonly inAStack: string;
  readonly whenToUse: string;
  readonly inStacks: string;
  readonly inNoStack: string;
  readonly operatorsOf: (form: string) => string;
  readonly comparisonTitle: (count: number) => string;
  readonly comparisonFallback: string;
  readonly bestOnEach: string;
  readonly summary: string;
  /** One summary line per dimension: who wins, or a tie. */
  winner(dimension: Dimension, winners: readonly string[], score: number, tie: boolean): string;
  readonly estimateMark: string;

  // Help, Home, usage.
  readonly intro: string;
  readonly howToAsk: string;
  readonly usage: readonly string[];
  readonly examples: string;
  readonly examplesOther: string;
  readonly helpFallback: string;
  readonly languageNote: string;
  readonly homeStacks: (count: number) => string;
  readonly homeMetricsNote: string;
  readonly homeGlossary: string;
  readonly homeClass: Readonly<Record<OperatorInfo['class'], string>>;
  readonly homeExamples: string;

  // Deploy kits in Slack.
  kitUploadComment(stack: string, form: string, app: string, files: number): string;
  kitTitle(stack: string): string;
  kitFallback(stack: string, form: string, files: string): string;
  readonly kitCommands: string;
  kitAll(files: number, command: string): string;
  readonly kitPrivate: string;
  readonly kitUploadFailed: string;

  // The README.md of a deploy kit: its frame; the prose inside comes from knowledge/kit.yaml in the same language.
  readonly kitReadme: {
    /** The title: `Deploy kit: Kata + Istio Ambient (V∘S∘C∘Am)`. */
    readonly title: (stack: string, form: string) => string;
    /** The line under the title; `why` is the stack's own reason, already in the language. */
    readonly intro: (stackId: string, app: string, image: string, why: string) => string;
    readonly files: string;
    /** The README's own entry in the file list. */
    readonly readmeFile: (path: string) => string;
    readonly file: (path: string, describes: string) => string;
    readonly beforeYouStart: string;
    readonly onYourMachine: string;
    readonly onTheCluster: string;
    readonly forTheApplication: string;
    readonly commandsInOrder: string;
    /** A note on one command: `Step 3, \`docker run …\`, starts the container …`. */
    readonly step: (n: number, command: string, note: string) => string;
    readonly checkThatItWorked: string;
    readonly check: (command: string, expect: string) => string;
    readonly corrections: string;
    readonly correction: (right: string, reason: string) => string;
    readonly remove: string;
    /** The seccomp phrase of the Deployment's description: the profile, then where it applies. */
    readonly seccompWhere: (profile: string, placement: string) => string;
  };
  // Design reviews: what changed, asking on a message, the decision record.
  readonly review: Review;
  // `stack-advisor report`: what was answered, per week.
  readonly report: ReportWords;

  // The terminal.
  readonly cliHelp: string;
  readonly cliKit: {
    readonly usage: (defaultApp: string) => string;
    readonly wrote: (stackId: string, form: string, app: string, image: string, dir: string) => string;
    readonly runInOrder: (dir: string, readme: string) => string;
  };
  readonly terminal: {
    readonly request: string;
    readonly notUnderstood: string;
    readonly outOfScope: string;
    readonly wordLine: string;
    readonly warning: string;
    readonly normalForm: string;
    readonly implementation: string;
    readonly deploy: string;
    readonly deployNothing: string;
    readonly earlierInThread: string;
    readonly compare: string;
    readonly whoWins: string;
    readonly figures: string;
    readonly knowledge: string;
    readonly radar: string;
  };
}

/** The words of `stack-advisor report` (the facts are `AnswersReport`, src/store/report.ts). */
export interface ReportWords {
  /** The first line: how many answers in the period (dates YYYY-MM-DD, UTC). */
  title(total: number, since: string, until: string): string;
  /** A week's heading: its Monday, its answers, and how many in each language (already formatted). */
  week(monday: string, answers: number, languages: string): string;
  readonly byStack: string;
  /** A composed form (no stack row) in the stack list. */
  readonly composed: string;
  /** The answers without a stack, by kind (already formatted: `help 1, turned down 1`). */
  other(kinds: string): string;
  readonly unmet: string;
  readonly conflicts: string;
  /** No answers recorded in the period. */
  readonly empty: string;
  /** The kinds of answers: advice, simplification… and refused. */
  kind(kind: 'advice' | 'simplification' | 'explanation' | 'comparison' | 'help' | 'refused'): string;
  /** An unmet numeric requirement: `cold start < 10 ms`. */
  limit(
    quantity: ConstraintRef['quantity'],
    comparator: ConstraintRef['comparator'],
    value: number,
    unit: 'ms' | 'MB',
  ): string;
  /** A conflict by its kind and the ids it names (stacks, needs, quantities, radar entries). */
  conflict(kind: Conflict['kind'], subjects: readonly string[]): string;
  /** Between the items of a list on one line. */
  readonly separator: string;
}

/** The words of design reviews: a thread's change explained, the message shortcut, and the MADR decision record. */
export interface Review {
  readonly whatChanged: string;
  /** The recommendation moved from one stack to another (names and forms as given, already formatted). */
  changed(before: string, after: string): string;
  /** Nothing changed: one line, and why (how many requirements came or went). */
  unchanged(stack: string, added: number, removed: number): string;
  readonly cause: string;
  readonly added: string;
  readonly removed: string;
  requirementChange(c: RequirementChange): string;
  readonly metricDeltas: string;
  metricDelta(d: MetricDelta): string;
  readonly flippedChecks: string;
  flipped(f: FlippedCheck): string;
  readonly buttons: { readonly shareInThread: string; readonly recordDecision: string };
  /** The message shortcut was used on a message with no text (a file alone, blocks only). */
  readonly noText: string;
  /** The decision record was uploaded into the thread. */
  recordUploaded(title: string): string;
  readonly recordPrivate: string;
  readonly recordUploadFailed: string;
  readonly recordNoAnswer: string;
  /** `adr --out` wrote the file. */
  recordWritten(path: string): string;
  readonly feedback: { readonly good: string; readonly bad: string; readonly thanks: string };
  /** The Messages tab's suggested prompts: a title, and four prompts (a title and the message it sends). */
  readonly prompts: {
    readonly title: string;
    readonly items: readonly { readonly title: string; readonly message: string }[];
  };
  /** The requirements form (a modal). */
  readonly form: {
    readonly title: string;
    readonly submit: string;
    readonly close: string;
    readonly intro: string;
    readonly latency: string;
    readonly coldStart: string;
    readonly memory: string;
    readonly compliance: string;
    readonly tenancy: string;
    readonly tenancyOptions: { readonly single: string; readonly multi: string };
    readonly edge: string;
    readonly edgeOption: string;
    readonly mesh: string;
    readonly meshOptions: {
      readonly sidecar: string;
      readonly ambient: string;
      readonly none: string;
      readonly any: string;
    };
    readonly isolation: string;
    readonly isolationOptions: {
      readonly vm: string;
      readonly strong: string;
      readonly 'no-vm': string;
      readonly any: string;
    };
    readonly text: string;
    readonly textHint: string;
    readonly conversation: string;
    readonly conversationHint: string;
    /** The words a number field's requirement is quoted by (`latency budget ≤ 20 ms`). */
    asked(field: string, value: number, unit: 'ms' | 'MB'): string;
    readonly errors: {
      readonly 'not-a-number': string;
      readonly negative: string;
      readonly 'too-large': string;
      readonly 'unknown-option': string;
      readonly empty: string;
      readonly 'too-long': string;
    };
    /** The Home tab's and `/stack form`'s way in. */
    readonly open: string;
  };
  readonly adr: {
    defaultTitle(stack: string): string;
    readonly context: string;
    readonly drivers: string;
    readonly options: string;
    readonly outcome: string;
    readonly consequences: string;
    readonly confirmation: string;
    readonly more: string;
    readonly asked: string;
    thread(url: string): string;
    readonly noDrivers: string;
    recommended(option: string): string;
    chosen(option: string, because: string): string;
    good(text: string): string;
    bad(text: string): string;
    neutral(text: string): string;
    /** A trade-off against another option: `Latency 5 vs 3 (over Kata)`. */
    over(option: string, what: string): string;
    /** Between the reasons of one sentence. */
    readonly separator: string;
    readonly commands: string;
    readonly checks: string;
    readonly noCommands: string;
    knowledge(version: string): string;
    readonly sources: string;
    readonly generated: string;
  };
}
