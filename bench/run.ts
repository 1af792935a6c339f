import { loadavg } from 'node:os';
import { typedText } from '../src/slack/incoming-text.js';
import { reply } from '../src/slack/reply.js';
import { benchHttp, DEFAULT_HTTP, type HttpFigures } from './http.js';
import { benchNormalize } from './normalize.js';
import { benchPipeline, makeAdvisor, type PipelineFigures, seedRequests } from './pipeline.js';
import { profilePipeline, profileServers, profileStartup } from './profile.js';
import { printTargets } from './targets.js';

// `npm run bench`: figures, not pass/fail. Pass section names to run only some:
//   npm run bench -- normalize pipeline http profile
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);
const print = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(
  `stack-advisor benchmarks · node ${process.version} · ${new Date().toISOString()} · load average ${load()}\n`,
);

const advisor = makeAdvisor();
// What the /stack listener does before Bolt writes the acknowledgement: the same calls, the same JSON.
const slackAck = (t: string) => {
  const text = typedText(t);
  const { message } = reply(advisor, text, undefined, { shareRequest: text });
  return JSON.stringify({ response_type: 'ephemeral', ...message });
};
const SLACK_STEP = 'text → answer → Block Kit JSON';

// The same path in the compiled build (`npm run bench` builds it first): what `npm run start:prod` runs, without the
// per-closure naming tsx adds when it transpiles the sources.
const COMPILED_STEP = 'the same, compiled (dist/, start:prod)';
async function compiledAck(): Promise<((t: string) => string) | undefined> {
  const dist = new URL('../dist/', import.meta.url);
  try {
    const { loadKnowledge } = (await import(
      new URL('knowledge/load.js', dist).href
    )) as typeof import('../src/knowledge/load.js');
    const { Advisor } = (await import(
      new URL('advisor/advisor.js', dist).href
    )) as typeof import('../src/advisor/advisor.js');
    const answer = (await import(new URL('slack/reply.js', dist).href)) as typeof import('../src/slack/reply.js');
    const incoming = (await import(
      new URL('slack/incoming-text.js', dist).href
    )) as typeof import('../src/slack/incoming-text.js');
    const kb = loadKnowledge();
    if (!kb.ok) return undefined;
    const built = new Advisor(kb.value);
    return (t: string) => {
      const text = incoming.typedText(t);
      const { message } = answer.reply(built, text, undefined, { shareRequest: text });
      return JSON.stringify({ response_type: 'ephemeral', ...message });
    };
  } catch {
    return undefined;
  }
}

let pipeline: PipelineFigures | undefined;
let http: HttpFigures | undefined;
if (wanted('normalize')) {
  benchNormalize(print);
  console.log();
}
if (wanted('pipeline')) {
  const compiled = await compiledAck();
  pipeline = benchPipeline(print, { [SLACK_STEP]: slackAck, ...(compiled ? { [COMPILED_STEP]: compiled } : {}) });
  if (!compiled) print('  (no compiled build in dist/: run `npm run build` for the compiled figures)');
  console.log();
}
if (wanted('http')) {
  http = await benchHttp(print, DEFAULT_HTTP);
  console.log();
}
if (wanted('profile')) {
  await profilePipeline(print, slackAck);
  console.log();
  // The bare app's ack in the decomposition: a real answer of median size.
  const answers = seedRequests()
    .map((t) => slackAck(t))
    .sort((a, b) => a.length - b.length);
  await profileServers(print, answers[Math.floor(answers.length / 2)]);
  console.log();
  profileStartup(print);
  console.log();
}
printTargets(print, { pipeline: pipeline?.[SLACK_STEP], compiled: pipeline?.[COMPILED_STEP], http });
console.log(`\nload average at the end ${load()} (2 cores: above 2 the figures are squeezed by other work)`);
