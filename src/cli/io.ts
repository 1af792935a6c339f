/** Where a CLI command writes, and whether colour is allowed: injected so tests can capture output. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly color: boolean;
}

/** Exit codes: 0 answered, 2 the user's input was bad, 1 the program could not run (bad knowledge file, I/O). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
