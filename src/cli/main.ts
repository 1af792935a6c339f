import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Advisor } from '../advisor/advisor.js';
import type { Answer } from '../advisor/answer.js';
import { failure } from '../failure.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type Language, languageOfEnvironment, parseLanguage } from '../language.js';
import { answerMessage } from '../render/blocks.js';
import { answerJson } from '../render/json.js';
import { messages } from '../render/messages/index.js';
import { renderText } from '../render/terminal.js';
import type { Result } from '../result.js';
import { reportFailure } from './failure-output.js';
import { type CliIO, EXIT } from './io.js';
import { runKit } from './kit.js';
import { cliRadar } from './radar.js';
import { runReport } from './report.js';
import { runAdr, runDiff } from './review.js';

const COMMANDS = [
  'ask',
  'advise',
  'simplify',
  'explain',
  'compare',
  'blocks',
  'kit',
  'diff',
  'adr',
  'report',
  'help',
] as const;
type Command = (typeof COMMANDS)[number];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function print(io: CliIO, json: boolean, result: Result<Answer>, language: Language | undefined): number {
  if (!result.ok) return reportFailure(io, json, result.error, language);
  io.stdout(
    `${json ? JSON.stringify(answerJson(result.value), null, 2) : renderText(result.value, { color: io.color })}\n`,
  );
  return EXIT.ok;
}

/** `--lang xx` or `--lang=xx` anywhere in the arguments, before they are parsed (help and errors need it too). */
function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') return argv[i + 1] ?? '';
    if (argv[i].startsWith('--lang=')) return argv[i].slice('--lang='.length);
  }
  return undefined;
}

/** Runs the CLI with its arguments (without `node` and the script) and returns the exit code. Never throws for bad input. */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [first, ...rest] = argv;
  const json = argv.includes('--json');
  const langArg = langArgument(argv);
  const explicit = langArg === undefined ? undefined : parseLanguage(langArg);
  // The environment's language answers requests with no language of their own, help, and errors before a request.
  const fallback = languageOfEnvironment(env);
  const frame = explicit ?? fallback;
  if (langArg !== undefined && explicit === undefined) {
    return reportFailure(io, json, failure('bad-language', { value: langArg }), frame);
  }
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.stdout(`${messages(frame).cliHelp}\n`);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    return reportFailure(io, json, failure('unknown-command', { command: first, commands: [...COMMANDS] }), frame);
  }
  const command = first as Command;
  if (command === 'kit') return runKit(rest, io, env, { language: explicit, fallback });
  if (command === 'report') return runReport(rest, io, env, { language: explicit, fallback });
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string' },
        radar: { type: 'string' },
        ...(command === 'adr'
          ? { title: { type: 'string' }, status: { type: 'string' }, out: { type: 'string' } }
          : {}),
      },
    });
  } catch (error) {
    return reportFailure(io, json, failure('bad-option', { detail: (error as Error).message }), frame);
  }
  if (parsed.values.help) {
    io.stdout(`${messages(frame).cliHelp}\n`);
    return EXIT.ok;
  }
  const out: CliIO = parsed.values['no-color'] ? { ...io, color: false } : io;
  let positionals = parsed.positionals;
  if (positionals.length === 1 && positionals[0] === '-' && command !== 'compare') {
    positionals = [(await io.readStdin()).trim()];
  }
  const knowledge = loadKnowledge({ overlayPath: env.KNOWLEDGE_PATH });
  if (!knowledge.ok) return reportFailure(io, json, knowledge.error, frame);
  const radarFile = parsed.values.radar;
  const radar = cliRadar(typeof radarFile === 'string' ? radarFile : undefined, knowledge.value, io, frame);
  if (!radar.ok) return reportFailure(io, json, radar.error, frame);
  const advisor = new Advisor(knowledge.value, radar.value);
  const text = positionals.join(' ');
  const context = {
    ...(explicit === undefined ? {} : { language: explicit }),
    ...(fallback === undefined ? {} : { fallback }),
  };
  // The language of this request: `--lang`, else its own words, else the environment's.
  const { language, text: request } = advisor.languageFor(text, context);
  switch (command) {
    case 'ask':
      return print(out, json, advisor.answer(text, undefined, context), language);
    case 'advise':
      return print(out, json, advisor.advise(request, undefined, language), language);
    case 'simplify':
      return print(out, json, advisor.simplify(request, language), language);
    case 'explain':
      return print(out, json, advisor.explain(request, language), language);
    case 'compare': {
      const items = positionals.length === 1 ? positionals[0].split('|') : positionals;
      const own = explicit ?? advisor.languageFor(items.join(' '), context).language;
      return print(out, json, advisor.compare(items, own), own);
    }
    case 'diff':
      return runDiff(advisor, positionals, out, json, context);
    case 'adr': {
      const option = (name: string) => {
        const v = parsed.values[name];
        return typeof v === 'string' ? v : undefined;
      };
      return runAdr(
        advisor,
        {
          request,
          language,
          date: new Date().toISOString().slice(0, 10),
          ...(option('title') === undefined ? {} : { title: option('title') }),
          ...(option('status') === undefined ? {} : { status: option('status') }),
          ...(option('out') === undefined ? {} : { out: option('out') }),
        },
        out,
        json,
      );
    }
    case 'blocks': {
      // Exactly what `/stack <text>` answers with: the same routing and the same renderer as the bot.
      const result = advisor.answer(text, undefined, context);
      if (!result.ok) return reportFailure(out, json, result.error, language);
      out.stdout(`${JSON.stringify(answerMessage(result.value), null, 2)}\n`);
      return EXIT.ok;
    }
    default:
      io.stdout(`${messages(language).cliHelp}\n`);
      return EXIT.ok;
  }
}
