import { config as readDotenv } from 'dotenv';
import { Advisor } from './advisor/advisor.js';
import { loadKnowledge } from './knowledge/load.js';
import { createApp, EVENTS_PATH, HEALTH_PATH, startApp } from './slack/app.js';
import { loadConfig } from './slack/config.js';
import { DRAIN_MS, stopApp } from './slack/shutdown.js';

/** `npm start`: settings from the environment (and .env), the knowledge base, the Bolt app; a clean stop on signals. */

// Kubernetes kills a pod 30 s after SIGTERM: whatever happens, this process is gone before that.
const STOP_BUDGET_MS = 25_000;

function exit(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

readDotenv({ quiet: true });

const config = loadConfig(process.env);
if (!config.ok) exit(config.error.message);
const settings = config.value;

const knowledge = loadKnowledge(settings.knowledgePath === undefined ? {} : { overlayPath: settings.knowledgePath });
if (!knowledge.ok) exit(`stack-advisor cannot start: the knowledge base is invalid.\n  ${knowledge.error.message}`);

const advisor = new Advisor(knowledge.value);
const app = createApp(settings, advisor);

const started = await startApp(app, settings);
if (!started.ok) exit(`stack-advisor cannot start: ${started.error.message}`);

app.logger.info(
  settings.mode === 'socket'
    ? `stack-advisor is running in Socket Mode (knowledge ${advisor.version})`
    : `stack-advisor is running in HTTP mode on port ${started.value.port ?? settings.port}${settings.host === undefined ? '' : ` of ${settings.host}`}: POST ${EVENTS_PATH}, GET ${HEALTH_PATH} (knowledge ${advisor.version})`,
);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.logger.info(`${signal}: stopping (finishing the answers already acknowledged, at most ${DRAIN_MS / 1000} s)`);
  setTimeout(() => {
    process.stderr.write(`stack-advisor did not stop within ${STOP_BUDGET_MS / 1000} s: exiting anyway\n`);
    process.exit(1);
  }, STOP_BUDGET_MS).unref();
  try {
    const { abandoned } = await stopApp(app, DRAIN_MS);
    if (abandoned > 0) app.logger.warn(`Stopped with ${abandoned} answer(s) unfinished after ${DRAIN_MS / 1000} s`);
    else app.logger.info('Stopped: every acknowledged request was answered');
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `stack-advisor did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
process.once('SIGTERM', (signal) => void stop(signal));
process.once('SIGINT', (signal) => void stop(signal));
