/**
 * The bot's start-up in phases, in the order src/main.ts goes through them, each timed on its own: what the bot's
 * start-up costs beyond a bare Bolt app's. Prints one JSON object of milliseconds. Run as `node --import tsx` like
 * the servers, in a fresh process each time (module loading is most of it).
 */

// Since the process started: Node's own start-up and the tsx loader, as every server pays them.
const phases: Record<string, number> = { 'node + tsx loader': performance.now() };
let last = performance.now();
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = now - last;
  last = now;
};

await import('@slack/bolt');
mark('import @slack/bolt');
await import('yaml');
mark('import yaml');
await import('zod');
mark('import zod');
const { loadKnowledge } = await import('../../src/knowledge/load.js');
const { Advisor } = await import('../../src/advisor/advisor.js');
const { createApp } = await import('../../src/slack/app.js');
const { loadConfig } = await import('../../src/slack/config.js');
await import('dotenv');
mark('import the bot (src/**, dotenv)');
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-phases', SLACK_SIGNING_SECRET: '0123456789abcdef0123' });
if (!config.ok) throw new Error(config.error.code);
mark('validate the settings (zod)');
const kb = loadKnowledge();
if (!kb.ok) throw new Error(kb.error.code);
mark('load the knowledge base (YAML parse + zod)');
const advisor = new Advisor(kb.value);
mark('build the advisor (catalog, lexicon)');
createApp(config.value, advisor);
mark('create the app (listeners, Home, kit templates)');

process.stdout.write(`${JSON.stringify(phases)}\n`);
