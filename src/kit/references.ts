/**
 * The files a deploy command names, in order: `-f FILE`, `-f=FILE`, `--filename FILE`, `--filename=FILE` (not `-`,
 * which is stdin) and `seccomp=FILE` (`--security-opt seccomp=FILE`; not `unconfined`). These are the files a kit
 * must contain for its commands to run.
 */
export function referencedFiles(command: string): string[] {
  const tokens = command.split(/\s+/).filter((t) => t !== '');
  const found: string[] = [];
  const add = (file: string | undefined) => {
    if (file !== undefined && file !== '' && file !== '-' && !found.includes(file)) found.push(file);
  };
  tokens.forEach((token, i) => {
    if (token === '-f' || token === '--filename') add(tokens[i + 1]);
    const inline = /^(?:-f|--filename)=(.+)$/.exec(token);
    if (inline) add(inline[1]);
    const seccomp = /(?:^|=)seccomp=(.+)$/.exec(token);
    if (seccomp && seccomp[1] !== 'unconfined') add(seccomp[1]);
  });
  return found;
}

/** The tools a command runs: the first word of the command and of each side of a pipe (`istioctl`, `kubectl`). */
export function toolsOf(command: string): string[] {
  return command
    .split('|')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((tool) => tool !== '');
}
