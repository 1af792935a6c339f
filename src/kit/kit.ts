import type { Failure } from '../result.js';

/**
 * A deploy kit: the files a stack's commands need, and those commands, filled in for one application. One value for
 * every consumer: the CLI writes it to a directory, the Slack "Deploy kit" button uploads it, the tests read it.
 */
export interface Kit {
  readonly stackId: string;
  readonly normalForm: string;
  readonly app: string;
  readonly image: string;
  /** README.md first, then the files in the order the commands use them. */
  readonly files: readonly KitFile[];
  /** Exactly the commands of the stack's answer, filled in by commandsFor, in order. */
  readonly commands: readonly string[];
}

export interface KitFile {
  /** A plain file name in the kit directory. */
  readonly path: string;
  readonly content: string;
}

export interface KitFailure extends Failure {
  readonly code:
    | 'unknown-stack'
    | 'invalid-app'
    | 'invalid-image'
    /** A command names a file no kit template provides. */
    | 'kit-no-template'
    /** The form needs something the templates cannot build (a head without a RuntimeClass template). */
    | 'kit-unsupported'
    /** The stack's commands and its form disagree, so no kit could satisfy both. */
    | 'kit-inconsistent'
    /** A template uses a placeholder the builder does not know: a bug in knowledge/kit.yaml. */
    | 'kit-template';
}
