import type { Language } from './language.js';
import type { RadarFormat, RadarProblem } from './radar/model.js';

/**
 * Every failure a user (or an operator) can cause, as data: a code from a closed list and its parameters. The words
 * come from the message catalogs (`render/messages/`), so the same failure reads in English or Chinese, and `--json`
 * keeps the code for machines. Exceptions are for bugs only.
 */
export interface FailureParams {
  // The algebra: a word that cannot be read or has no normal form.
  'empty-word': Record<string, never>;
  'unknown-operator': { readonly token: string; readonly position: number; readonly suggestion?: string };
  'two-heads': { readonly heads: readonly { readonly head: string; readonly position: number }[] };
  'container-before-head': { readonly head: string };
  'unmatched-inverse': Record<string, never>;
  // The advisor: requests it cannot answer.
  'empty-request': { readonly for?: 'kit' };
  'request-too-long': { readonly length: number; readonly limit: number };
  'no-requirements': { readonly text: string; readonly ignored: readonly string[] };
  'out-of-scope': { readonly text: string; readonly topics: readonly string[] };
  'empty-target': Record<string, never>;
  'unknown-target': { readonly target: string };
  'compare-needs-two': Record<string, never>;
  'compare-too-many': { readonly count: number; readonly limit: number };
  'no-operators': { readonly form: string };
  // Slack refusing an answer in a way a retry will not fix.
  'not-in-channel': Record<string, never>;
  'missing-scope': { readonly scope?: string };
  'msg-too-long': Record<string, never>;
  // Deploy kits.
  'unknown-stack': { readonly stackId: string; readonly known: readonly string[] };
  'no-stack-for-form': {
    readonly normalForm: string;
    readonly closest?: { readonly id: string; readonly form: string; readonly sameOperators: boolean };
    readonly known: readonly { readonly id: string; readonly form: string }[];
  };
  'not-a-stack': { readonly kind: string };
  'invalid-app': { readonly app: string; readonly suggestion?: string };
  'invalid-image': { readonly image: string; readonly app: string };
  'kit-no-template': { readonly stackId: string; readonly files: readonly string[]; readonly known: readonly string[] };
  'kit-unsupported': {
    readonly stackId: string;
    readonly form: string;
    readonly operator?: string;
    readonly files?: readonly string[];
  };
  'kit-inconsistent': { readonly stackId: string; readonly form: string; readonly detail: string };
  'kit-template': { readonly template: string; readonly placeholders: readonly string[] };
  'kit-templates-unreadable': { readonly file: string; readonly reason: string };
  'kit-templates-invalid': { readonly file: string; readonly path: string; readonly detail: string };
  'out-not-directory': { readonly dir: string };
  'kit-exists': { readonly files: readonly string[] };
  'write-failed': { readonly dir: string; readonly reason: string };
  'missing-out': Record<string, never>;
  // The CLI.
  'unknown-command': { readonly command: string; readonly commands: readonly string[] };
  'bad-option': { readonly detail: string };
  'bad-language': { readonly value: string };
  'internal-error': { readonly detail: string };
  // Design reviews: diff and the decision record.
  'diff-needs-two': { readonly count: number };
  'bad-status': { readonly value: string };
  'adr-exists': { readonly file: string };
  // `stack-advisor report`: its period and its database.
  'bad-since': { readonly value: string };
  'report-no-database': Record<string, never>;
  'report-database-unreachable': { readonly host: string; readonly why: string };
  'report-not-set-up': { readonly host: string };
  // The bot's own start-up: settings and Slack.
  'config-invalid': { readonly problems: readonly { readonly name: string; readonly issue: ConfigIssue }[] };
  'slack-rejected-token': { readonly token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'; readonly error: string };
  'slack-unreachable': { readonly api: string; readonly why: string };
  'slack-not-slack': { readonly api: string };
  'slack-rate-limited': { readonly retryAfter: number };
  'port-in-use': { readonly port: number };
  'host-not-here': { readonly host: string };
  'start-failed': { readonly detail: string };
  'database-unreachable': { readonly host: string; readonly why: string };
  'knowledge-at-start': { readonly cause: Failure<'knowledge-unreadable' | 'knowledge-syntax' | 'knowledge-invalid'> };
  'radar-at-start': { readonly cause: Failure<'radar-unreadable' | 'radar-invalid'> };
  // The knowledge file.
  'knowledge-unreadable': { readonly file: string; readonly reason: UnreadableReason };
  'knowledge-syntax': {
    readonly file: string;
    readonly line?: number;
    readonly detail: string;
    /** The YAML parsed but cannot be expanded (an alias bomb). */
    readonly expansion?: boolean;
  };
  'knowledge-invalid': {
    readonly file: string;
    readonly path: string;
    readonly line?: number;
    readonly detail: string;
  };
  // The technology radar file (RADAR_PATH, --radar).
  'radar-unreadable': { readonly file: string; readonly reason: UnreadableReason };
  'radar-invalid': {
    readonly file: string;
    readonly format?: RadarFormat;
    /** The entry at fault: its position in the file and its name, when it has one. */
    readonly entry?: { readonly index: number; readonly name?: string };
    readonly line?: number;
    readonly problem: RadarProblem;
  };
}

export type FailureCode = keyof FailureParams;

/** Why a file could not be read: missing, a directory, not a regular file, too large, or the system's error code. */
export type UnreadableReason =
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'not-a-file' }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly kind: 'error'; readonly code: string };

/** What is wrong with one setting. */
export const CONFIG_ISSUES = [
  'missing',
  'not-text',
  'not-bot-token',
  'not-signing-secret',
  'not-app-token',
  'not-whole-number',
  'port-range',
  'not-url',
  'url-credentials',
  'not-host',
  'log-level',
  'log-format',
  'not-one-word',
  'not-database-url',
  'not-encryption-key',
  'single-with-distribution',
  'distribution-with-single',
  'needed-to-distribute',
  'not-days',
  'not-boolean',
  'invalid',
] as const;
export type ConfigIssue = (typeof CONFIG_ISSUES)[number];

/** A failure with its code and parameters; `item` names the part of a comparison it came from. */
export type Failure<C extends FailureCode = FailureCode> = {
  [K in C]: {
    readonly code: K;
    readonly params: FailureParams[K];
    /** The input of a comparison that failed, when the failure is about one of several. */
    readonly item?: string;
    /** The language of the request that failed, when known: the answer to it is written in it. */
    readonly language?: Language;
  };
}[C];

/** Builds a failure value. */
export function failure<C extends FailureCode>(code: C, params: FailureParams[C]): Failure<C> {
  return { code, params } as Failure<C>;
}

/** Failures that mean the program cannot run (exit 1), as opposed to bad input (exit 2). */
export const PROGRAM_FAILURES: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'kit-no-template',
  'kit-unsupported',
  'kit-inconsistent',
  'kit-template',
  'kit-templates-unreadable',
  'kit-templates-invalid',
  'write-failed',
  'internal-error',
  'knowledge-unreadable',
  'knowledge-syntax',
  'knowledge-invalid',
  'config-invalid',
  'slack-rejected-token',
  'slack-unreachable',
  'port-in-use',
  'slack-not-slack',
  'slack-rate-limited',
  'host-not-here',
  'start-failed',
  'database-unreachable',
  'knowledge-at-start',
  'radar-unreadable',
  'radar-invalid',
  'radar-at-start',
  'report-no-database',
  'report-database-unreachable',
  'report-not-set-up',
]);
