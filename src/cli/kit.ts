import { lstatSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Advisor } from '../advisor/advisor.js';
import type { Answer } from '../advisor/answer.js';
import { type Failure, fail, ok, type Result } from '../algebra/result.js';
import { buildKit } from '../kit/build.js';
import type { Kit, KitFailure } from '../kit/kit.js';
import { loadKitTemplates } from '../kit/load.js';
import { type Landing, resolveKitStack } from '../kit/resolve.js';
import { DEFAULT_APP, targetFor } from '../knowledge/commands.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type CliIO, EXIT } from './io.js';

export const KIT_USAGE = `Usage: stack-advisor kit "<word, stack id or requirements>" --out DIR [--app NAME] [--image IMAGE] [--force] [--json]

Writes the deploy kit of the stack the answer recommends: the files its commands name (seccomp profile, RuntimeClass,
Namespace, Deployment) and a README with the commands in order, the prerequisites and how to check it worked.

  --out DIR       the directory to write to (created if missing)
  --app NAME      the application name, a DNS label (default ${DEFAULT_APP}): namespace, Deployment and container name
  --image IMAGE   the image reference (default: the stack's, e.g. ${DEFAULT_APP}:v1.0)
  --force         overwrite files that already exist (without it, nothing is written if any would be)
  --json          print {"files": [...], "commands": [...]} instead of text

Examples:
  stack-advisor kit "I∘C∘S∘M" --out kit
  stack-advisor kit "strong isolation, compliance" --out kit --app payments --image registry.example.com/payments:1.4.2
  stack-advisor kit edge --out edge-kit --json`;

// Failures that are not the user's to fix - the knowledge, the templates, the disk, a bug: exit 1. Anything else the
// user typed (a bad word, an unknown stack, a bad --app) is a usage error: exit 2.
const PROGRAM_CODES = new Set([
  'knowledge-unreadable',
  'knowledge-syntax',
  'knowledge-invalid',
  'kit-templates-unreadable',
  'kit-templates-invalid',
  'kit-no-template',
  'kit-unsupported',
  'kit-inconsistent',
  'kit-template',
  'write-failed',
  'internal-error',
]);

function report(io: CliIO, json: boolean, error: Failure): number {
  io.stderr(`stack-advisor kit: ${error.message.split('\n')[0]}\n`);
  if (json) io.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  return PROGRAM_CODES.has(error.code) ? EXIT.failure : EXIT.usage;
}

/** Where the product's answer to a kit argument lands: the recommended stack, or the stack of a word's normal form. */
function landingOf(answer: Result<Answer>): Result<Landing> {
  if (!answer.ok) return answer;
  const a = answer.value;
  if (a.kind === 'advice') return ok({ stackId: a.recommendation.stackId, normalForm: a.recommendation.normalForm });
  if (a.kind === 'simplification') return ok({ stackId: a.stack.id, normalForm: a.normalForm });
  return fail({
    code: 'not-a-stack',
    message: `a kit is for one stack: give an operator word (I∘C∘S∘M), a stack id (edge) or requirements ("edge, cold start < 10ms"), not a ${a.kind} request`,
  });
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. Node's recursive mkdir loops forever where mkdir answers
 * ENOENT although the parent exists (procfs: `--out /proc/kit`); here that is an error like any other.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!exists(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing) mkdirSync(d);
}

/**
 * Writes a kit's files into `dir`. Refuses, writing nothing, when a file exists and `force` is off; the `wx` flag
 * keeps that promise even if a file appears between the check and the write. With `force`, an existing entry is
 * removed first and the file created anew (`wx` again), so a symbolic link planted in `dir` is replaced, never
 * written through to a file outside it.
 */
export function writeKit(dir: string, kit: Kit, force: boolean): Result<string[]> {
  if (exists(dir) && !statSync(dir).isDirectory()) {
    return fail({ code: 'out-not-directory', message: `--out ${dir} exists and is not a directory` });
  }
  const paths = kit.files.map((f) => join(dir, f.path));
  const taken = paths.filter(exists);
  if (taken.length > 0 && !force) {
    return fail({
      code: 'kit-exists',
      message: `refusing to overwrite ${taken.join(', ')}: nothing was written; pass --force to replace ${taken.length === 1 ? 'it' : 'them'}, or choose another --out`,
    });
  }
  try {
    makeDirectory(dir);
    kit.files.forEach((file, i) => {
      if (force && exists(paths[i])) unlinkSync(paths[i]);
      writeFileSync(paths[i], file.content, { flag: 'wx', mode: 0o644 });
    });
  } catch (error) {
    return fail({ code: 'write-failed', message: `cannot write the kit to ${dir}: ${(error as Error).message}` });
  }
  return ok(paths);
}

function humanText(kit: Kit, dir: string, paths: readonly string[]): string {
  return [
    `Wrote the deploy kit of ${kit.stackId} (${kit.normalForm}) for ${kit.app} (${kit.image}) to ${dir}:`,
    ...paths.map((p) => `  ${p}`),
    '',
    `Run, in order, from ${dir} (${join(dir, 'README.md')} lists what each step needs and how to check it worked):`,
    ...kit.commands.map((c) => `  ${c}`),
  ].join('\n');
}

/** `stack-advisor kit …` (the arguments after `kit`): builds the kit of the stack an answer lands on and writes it. */
export async function runKit(
  args: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const json = args.includes('--json');
  try {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(args);
    } catch (error) {
      return report(io, json, {
        code: 'bad-option',
        message: `${(error as Error).message} (see stack-advisor kit --help)`,
      });
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${KIT_USAGE}\n`);
      return EXIT.ok;
    }
    const text = positionals.length === 1 && positionals[0] === '-' ? await io.readStdin() : positionals.join(' ');
    const out = values.out;
    if (out === undefined || out === '') {
      return report(io, json, {
        code: 'missing-out',
        message: 'kit: --out DIR is required (the directory to write the kit to)',
      });
    }

    const knowledge = loadKnowledge({ overlayPath: env.KNOWLEDGE_PATH });
    if (!knowledge.ok) return report(io, json, knowledge.error);
    const templates = loadKitTemplates();
    if (!templates.ok) return report(io, json, templates.error);
    const kb = knowledge.value;
    const advisor = new Advisor(kb);
    const stack = resolveKitStack(kb, text, (t) => landingOf(advisor.answer(t)));
    if (!stack.ok) return report(io, json, stack.error);

    const target = targetFor(stack.value, values.app ?? DEFAULT_APP, values.image);
    const kit = buildKit(kb, templates.value, stack.value.id, target);
    if (!kit.ok) return report(io, json, kit.error satisfies KitFailure);
    const written = writeKit(out, kit.value, values.force === true);
    if (!written.ok) return report(io, json, written.error);

    const output = json
      ? JSON.stringify(
          {
            stack: { id: kit.value.stackId, normalForm: kit.value.normalForm },
            out,
            files: written.value,
            commands: kit.value.commands,
          },
          null,
          2,
        )
      : humanText(kit.value, out, written.value);
    io.stdout(`${output}\n`);
    return EXIT.ok;
  } catch (error) {
    // A bug, not bad input: one line, never a stack trace.
    return report(io, json, { code: 'internal-error', message: `internal error: ${(error as Error).message}` });
  }
}

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      app: { type: 'string' },
      image: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
