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

/**
 * Why no kit: an unknown stack, a bad app name or image, a command naming a file no template provides, a form the
 * templates cannot build, commands and form that disagree, or a template with an unknown placeholder.
 */
export type KitFailure = Failure<
  | 'unknown-stack'
  | 'invalid-app'
  | 'invalid-image'
  | 'kit-no-template'
  | 'kit-unsupported'
  | 'kit-inconsistent'
  | 'kit-template'
>;
