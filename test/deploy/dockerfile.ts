import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Just enough of the Dockerfile format for the tests to read the bot's own Dockerfile: comments, parser directives,
 * line continuations, instructions with `--flags`, exec (JSON) and shell forms, and stages.
 */

export interface Instruction {
  /** Upper case: FROM, RUN, COPY… */
  readonly keyword: string;
  /** `--from=build` → { from: 'build' }. */
  readonly flags: Readonly<Record<string, string>>;
  /** What follows the keyword and its flags, continuations joined with a space. */
  readonly rest: string;
  /** The exec form (`["node", "dist/main.js"]`), when the rest is a JSON array of strings. */
  readonly exec?: readonly string[];
  readonly line: number;
}

export interface Stage {
  readonly image: string;
  readonly name?: string;
  readonly instructions: readonly Instruction[];
}

const FLAG = /^--([a-z-]+)(?:=(\S*))?\s+/;

function execForm(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(rest);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split('\n');
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let logical = lines[i].trim();
    i++;
    if (logical === '' || logical.startsWith('#')) continue;
    // A line ending in a backslash continues on the next; comment lines inside a continuation are skipped.
    while (logical.endsWith('\\') && i < lines.length) {
      logical = logical.slice(0, -1).trimEnd();
      const next = lines[i].trim();
      i++;
      if (next.startsWith('#')) {
        logical += '\\';
        continue;
      }
      logical = `${logical} ${next}`.trim();
    }
    const match = logical.match(/^(\S+)\s*(.*)$/);
    if (match === null) continue;
    let rest = match[2];
    const flags: Record<string, string> = {};
    for (let flag = rest.match(FLAG); flag !== null; flag = rest.match(FLAG)) {
      flags[flag[1]] = flag[2] ?? 'true';
      rest = rest.slice(flag[0].length);
    }
    // HEALTHCHECK [options] CMD command: its command's form.
    const exec = execForm(match[1].toUpperCase() === 'HEALTHCHECK' ? rest.replace(/^CMD\s+/i, '') : rest);
    out.push({
      keyword: match[1].toUpperCase(),
      flags,
      rest,
      ...(exec === undefined ? {} : { exec }),
      line: start + 1,
    });
  }
  return out;
}

/** The stages, each from its FROM to the next; instructions before the first FROM (ARG) are dropped. */
export function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: { image: string; name?: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.rest.split(/\s+/);
      stages.push({ image, ...(as?.toUpperCase() === 'AS' ? { name } : {}), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** A COPY's sources and destination (shell form: words; exec form: the array). */
export function copyArguments(copy: Instruction): { sources: string[]; destination: string } {
  const words = copy.exec ?? copy.rest.split(/\s+/);
  return { sources: words.slice(0, -1), destination: words.at(-1) ?? '' };
}

/** ENV's keys, in both `ENV A=1 B=2` and the old `ENV A 1` forms. */
export function envKeys(env: Instruction): string[] {
  if (!env.rest.includes('=')) return [env.rest.split(/\s+/)[0]];
  return [...env.rest.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]);
}

/**
 * A .dockerignore as Docker reads it: one pattern a line, `#` comments, `*` within a path segment, `**` across them,
 * `!` re-includes, the last match wins; a pattern matches a path or any folder above it.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const pattern = (negated ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const source = pattern
        .split('/')
        .map((segment) =>
          segment === '**'
            ? '.*'
            : segment
                .split('*')
                .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
                .join('[^/]*'),
        )
        .join('/');
      return { negated, regex: new RegExp(`^${source}(/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.negated;
    return ignored;
  };
}

/** Every file of the build context under `root` (paths relative to it), skipping what .dockerignore leaves out. */
export function contextFiles(root: string, ignored: (path: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = relative(root, full);
      if (ignored(path)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(root);
  return files.sort();
}

export const readDockerfile = (file: string): Stage[] => stagesOf(parseDockerfile(readFileSync(file, 'utf8')));
