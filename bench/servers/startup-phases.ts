/**
 * The compiled bot's start-up in phases, in the order dist/main.js goes through them, each timed on its own: what the
 * bot's start-up costs beyond a bare Bolt app's. Prints one JSON object of milliseconds. Run with `node` from
 * dist/bench/servers (compiled by tsconfig.bench.json), in a fresh process each time (module loading is most of it).
 * The last phase is not part of the start-up: the YAML path the build's snapshot replaces, for comparison.
 */

// Since the process started: Node's own start-up, as every server pays it.
const phases: Record<string, number> = { 'node itself': performance.now() };
let last = performance.now();
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = now - last;
  last = now;
};

const DIST = new URL('../../', import.meta.url);
const load = <T>(path: string) => import(new URL(path, DIST).href) as Promise<T>;
type Ok<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
const value = <T>(r: Ok<T>): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

await import('@slack/bolt');
mark('import @slack/bolt');
await import('dotenv');
const { loadConfig } = await load<{ loadConfig: (env: Record<string, string>) => Ok<unknown> }>('slack/config.js');
const { knowledgeAtStart } = await load<{ knowledgeAtStart: () => Promise<Ok<unknown>> }>('knowledge/at-start.js');
const { Advisor } = await load<{ Advisor: new (kb: unknown) => unknown }>('advisor/advisor.js');
const { createApp } = await load<{ createApp: (config: unknown, advisor: unknown) => unknown }>('slack/app.js');
await load('render/messages/index.js');
mark('import the bot (dist/**, dotenv)');
const config = value(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-phases', SLACK_SIGNING_SECRET: '0123456789abcdef0123' }));
mark('check the settings');
const kb = value(await knowledgeAtStart());
mark('the knowledge base (the build’s snapshot)');
const advisor = new Advisor(kb);
mark('build the advisor (catalog, lexicon)');
createApp(config, advisor);
mark('create the app (listeners)');
const { loadKnowledge } = await load<{ loadKnowledge: () => Ok<unknown> }>('knowledge/load.js');
value(loadKnowledge());
mark('(not done at start) the YAML instead: import yaml + zod, parse, validate');

process.stdout.write(`${JSON.stringify(phases)}\n`);
