import { loadavg } from 'node:os';
import { typedText } from '../src/slack/incoming-text.js';
import { reply } from '../src/slack/reply.js';
import { benchHttp, DEFAULT_HTTP, type HttpFigures } from './http.js';
import { benchNormalize } from './normalize.js';
import { benchPipeline, makeAdvisor, type PipelineFigures, type Throughput, throughput } from './pipeline.js';
import { profilePipeline, profileServers, profileStartup } from './profile.js';
import { printTargets } from './targets.js';
import { distinctTexts } from './texts.js';

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
const COMPILED_STEP = 'the same, compiled (dist/)';
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
let distinct: Throughput | undefined;
let http: HttpFigures | undefined;
const compiled = await compiledAck();
if (compiled === undefined) {
  print('no compiled build in dist/: `npm run bench` builds it (npm run build && tsc -p tsconfig.bench.json)');
  process.exit(2);
}
if (wanted('normalize')) {
  benchNormalize(print);
  console.log();
}
if (wanted('pipeline')) {
  pipeline = benchPipeline(print, { [SLACK_STEP]: slackAck, [COMPILED_STEP]: compiled });
  distinct = throughput(compiled, distinctTexts(3_000));
  print(
    `  ${'the same, compiled, 3,000 distinct texts'.padEnd(36)} ${''.padStart(48)}${Math.round(distinct.perSecond).toLocaleString('en-US').padStart(8)} ${distinct.micros.toFixed(1).padStart(6)} µs`,
  );
  console.log();
}
if (wanted('http')) {
  http = await benchHttp(print, compiled, DEFAULT_HTTP);
  console.log();
}
if (wanted('profile')) {
  await profilePipeline(print, compiled);
  console.log();
  await profileServers(print, compiled);
  console.log();
  profileStartup(print);
  console.log();
}
printTargets(print, { compiled: pipeline?.[COMPILED_STEP], compiledDistinct: distinct, http });
console.log(`\nload average at the end ${load()} (2 cores: above 2 the figures are squeezed by other work)`);
