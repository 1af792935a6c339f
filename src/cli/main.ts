import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Advisor } from '../advisor/advisor.js';
import type { Answer } from '../advisor/answer.js';
import type { Failure, Result } from '../result.js';
import { loadKnowledge } from '../knowledge/load.js';
import { answerMessage } from '../render/blocks.js';
import { HELP_TEXT, renderText } from '../render/terminal.js';
import { type CliIO, EXIT } from './io.js';
import { runKit } from './kit.js';

const COMMANDS = ['advise', 'simplify', 'explain', 'compare', 'blocks', 'kit', 'help'] as const;
type Command = (typeof COMMANDS)[number];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Reports a user error: one line on stderr, and the error object on stdout with --json. Returns exit code 2. */
function usageError(io: CliIO, json: boolean, error: Failure): number {
  io.stderr(`stack-advisor: ${error.message.split('\n')[0]}\n`);
  if (json) io.stdout(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  return EXIT.usage;
}

function print(io: CliIO, json: boolean, result: Result<Answer>): number {
  if (!result.ok) return usageError(io, json, result.error);
  io.stdout(`${json ? JSON.stringify(result.value, null, 2) : renderText(result.value, { color: io.color })}\n`);
  return EXIT.ok;
}

/** Runs the CLI with its arguments (without `node` and the script) and returns the exit code. Never throws for bad input. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [first, ...rest] = argv;
  const json = argv.includes('--json');
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.stdout(`${HELP_TEXT}\n`);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    return usageError(io, json, {
      code: 'unknown-command',
      message: `unknown command "${first}": use one of ${COMMANDS.join(', ')}`,
    });
  }
  const command = first as Command;
  if (command === 'kit') return runKit(rest, io, env);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'no-color': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(io, json, { code: 'bad-option', message: (error as Error).message });
  }
  if (parsed.values.help) {
    io.stdout(`${HELP_TEXT}\n`);
    return EXIT.ok;
  }
  const out: CliIO = parsed.values['no-color'] ? { ...io, color: false } : io;
  let positionals = parsed.positionals;
  if (positionals.length === 1 && positionals[0] === '-' && command !== 'compare') {
    positionals = [(await io.readStdin()).trim()];
  }
  const knowledge = loadKnowledge({ overlayPath: env.KNOWLEDGE_PATH });
  if (!knowledge.ok) {
    io.stderr(`stack-advisor: ${knowledge.error.message}\n`);
    if (json)
      io.stdout(`${JSON.stringify({ error: { code: knowledge.error.code, message: knowledge.error.message } })}\n`);
    return EXIT.failure;
  }
  const advisor = new Advisor(knowledge.value);
  const text = positionals.join(' ');
  switch (command) {
    case 'advise':
      return print(out, json, advisor.advise(text));
    case 'simplify':
      return print(out, json, advisor.simplify(text));
    case 'explain':
      return print(out, json, advisor.explain(text));
    case 'compare':
      return print(out, json, advisor.compare(positionals.length === 1 ? positionals[0].split('|') : positionals));
    case 'blocks': {
      // Exactly what `/stack <text>` answers with: the same routing and the same renderer as the bot.
      const result = advisor.answer(text);
      if (!result.ok) return usageError(out, json, result.error);
      out.stdout(`${JSON.stringify(answerMessage(result.value), null, 2)}\n`);
      return EXIT.ok;
    }
    default:
      io.stdout(`${HELP_TEXT}\n`);
      return EXIT.ok;
  }
}
