import { lstatSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AskContext } from '../advisor/advisor.js';
import { Advisor } from '../advisor/advisor.js';
import type { Answer } from '../advisor/answer.js';
import { type Failure, failure } from '../failure.js';
import { buildKit } from '../kit/build.js';
import type { Kit, KitFailure } from '../kit/kit.js';
import { loadKitTemplates } from '../kit/load.js';
import { type Landing, resolveKitStack } from '../kit/resolve.js';
import { DEFAULT_APP, targetFor } from '../knowledge/commands.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { Language } from '../language.js';
import { messages } from '../render/messages/index.js';
import { fail, ok, type Result } from '../result.js';
import { reportFailure } from './failure-output.js';
import { type CliIO, EXIT } from './io.js';
import { cliRadar } from './radar.js';

/** Where the product's answer to a kit argument lands: the recommended stack, or the stack of a word's normal form. */
function landingOf(answer: Result<Answer>): Result<Landing> {
  if (!answer.ok) return answer;
  const a = answer.value;
  if (a.kind === 'advice') return ok({ stackId: a.recommendation.stack.id, normalForm: a.recommendation.normalForm });
  if (a.kind === 'simplification') return ok({ stackId: a.stack.id, normalForm: a.normalForm });
  return fail(failure('not-a-stack', { kind: a.kind }));
}

export function exists(path: string): boolean {
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
export function makeDirectory(dir: string): void {
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
    return fail(failure('out-not-directory', { dir }));
  }
  const paths = kit.files.map((f) => join(dir, f.path));
  const taken = paths.filter(exists);
  if (taken.length > 0 && !force) {
    return fail(failure('kit-exists', { files: taken }));
  }
  try {
    makeDirectory(dir);
    kit.files.forEach((file, i) => {
      if (force && exists(paths[i])) unlinkSync(paths[i]);
      writeFileSync(paths[i], file.content, { flag: 'wx', mode: 0o644 });
    });
  } catch (error) {
    return fail(failure('write-failed', { dir, reason: (error as Error).message }));
  }
  return ok(paths);
}

function humanText(language: Language, kit: Kit, dir: string, paths: readonly string[]): string {
  const m = messages(language).cliKit;
  return [
    m.wrote(kit.stackId, kit.normalForm, kit.app, kit.image, dir),
    ...paths.map((p) => `  ${p}`),
    '',
    m.runInOrder(dir, join(dir, 'README.md')),
    ...kit.commands.map((c) => `  ${c}`),
  ].join('\n');
}

/** `stack-advisor kit …` (the arguments after `kit`): builds the kit of the stack an answer lands on and writes it. */
export async function runKit(
  args: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
  context: AskContext = {},
): Promise<number> {
  const json = args.includes('--json');
  let language = context.language ?? context.fallback;
  const report = (error: Failure): number => reportFailure(io, json, error, language);
  try {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(args);
    } catch (error) {
      return report(failure('bad-option', { detail: `${(error as Error).message} (stack-advisor kit --help)` }));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${messages(language).cliKit.usage(DEFAULT_APP)}\n`);
      return EXIT.ok;
    }
    const text = positionals.length === 1 && positionals[0] === '-' ? await io.readStdin() : positionals.join(' ');
    const out = values.out;
    if (out === undefined || out === '') return report(failure('missing-out', {}));

    const knowledge = loadKnowledge({ overlayPath: env.KNOWLEDGE_PATH });
    if (!knowledge.ok) return report(knowledge.error);
    const templates = loadKitTemplates();
    if (!templates.ok) return report(templates.error);
    const kb = knowledge.value;
    const radar = cliRadar(values.radar, kb, io, language);
    if (!radar.ok) return report(radar.error);
    const advisor = new Advisor(kb, radar.value);
    language = advisor.languageFor(text, context).language;
    const stack = resolveKitStack(kb, text, (t) => landingOf(advisor.answer(t, undefined, context)));
    if (!stack.ok) return report(stack.error);

    const target = targetFor(stack.value, values.app ?? DEFAULT_APP, values.image);
    const kit = buildKit(kb, templates.value, stack.value.id, target, language);
    if (!kit.ok) return report(kit.error satisfies KitFailure);
    const written = writeKit(out, kit.value, values.force === true);
    if (!written.ok) return report(written.error);

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
      : humanText(language, kit.value, out, written.value);
    io.stdout(`${output}\n`);
    return EXIT.ok;
  } catch (error) {
    // A bug, not bad input: one line, never a stack trace.
    return report(failure('internal-error', { detail: (error as Error).message }));
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
      lang: { type: 'string' },
      radar: { type: 'string' },
    },
  });
}
