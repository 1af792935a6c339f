import { runCli } from '../../src/cli/main.js';

/** What one CLI run gave back: its exit code and everything it wrote to stdout and stderr. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `stdin` as its standard input and `env` as its environment, capturing what it writes. */
export async function cli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, color: false },
    env,
  );
  return { code, stdout, stderr };
}
