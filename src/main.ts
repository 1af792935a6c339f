import { config as readDotenv } from 'dotenv';
import { Advisor } from './advisor/advisor.js';
import { type Failure, failure } from './failure.js';
import { knowledgeAtStart } from './knowledge/at-start.js';
import { languageOfEnvironment } from './language.js';
import { messages } from './render/messages/index.js';
import { appLogger, createApp, startApp } from './slack/app.js';
import { loadConfig } from './slack/config.js';
import { distributedOptions, type Installations, openInstallations } from './slack/distribution.js';
import { DRAIN_MS, STOP_BUDGET_MS, stopApp } from './slack/shutdown.js';

/** `npm start`: settings from the environment (and .env), the knowledge base, the Bolt app; a clean stop on signals. */

readDotenv({ quiet: true });

// Whoever runs the bot reads its start-up and stop messages in the language of their environment.
const m = messages(languageOfEnvironment(process.env));

function exit(error: Failure): never {
  process.stderr.write(`${m.failure(error)}\n`);
  process.exit(1);
}

const config = loadConfig(process.env);
if (!config.ok) exit(config.error);
const settings = config.value;

// The build's validated snapshot of the built-in file; the YAML (with yaml and zod) only for an overlay or in development.
const knowledge = await knowledgeAtStart(settings.knowledgePath);
if (!knowledge.ok) exit(failure('knowledge-at-start', { cause: knowledge.error }));

// The organisation's technology radar: an unreadable or invalid file stops start-up like an invalid knowledge file.
const radar =
  settings.radarPath === undefined
    ? undefined
    : (await import('./radar/load.js')).loadRadar(settings.radarPath, knowledge.value);
if (radar !== undefined && !radar.ok) exit(failure('radar-at-start', { cause: radar.error }));
const book = radar?.ok ? radar.value : undefined;

const advisor = new Advisor(knowledge.value, book);
// JSON lines (or LOG_FORMAT=pretty) on standard output, scrubbed of the settings' tokens and secrets.
const logger = appLogger(settings);
let installations: Installations | undefined;
if (settings.distribution !== undefined) {
  const opened = await openInstallations(
    settings.distribution,
    settings.slackApiUrl === undefined ? {} : { slackApiUrl: settings.slackApiUrl },
    logger,
  );
  if (!opened.ok) exit(opened.error);
  installations = opened.value;
}
const app = createApp(settings, advisor, {
  logger,
  ...(installations === undefined ? {} : distributedOptions(installations)),
});
if (book !== undefined) {
  app.logger.info(m.radarInUse(book.stamp.version, book.marks.length));
  // Entries that match nothing are a warning, not an error: the rest of the radar is followed.
  if (book.unmatched.length > 0) {
    app.logger.warn(
      m.radarUnmatched(
        book.stamp.file,
        book.unmatched.map((e) => e.title),
      ),
    );
  }
}

const started = await startApp(app, settings);
if (!started.ok) exit(started.error);

app.logger.info(m.running(settings.mode, advisor.version, started.value.port ?? settings.port, settings.host));

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.logger.info(m.stopping(signal, DRAIN_MS / 1000));
  setTimeout(() => {
    process.stderr.write(`${m.stopTooLong(STOP_BUDGET_MS / 1000)}\n`);
    process.exit(1);
  }, STOP_BUDGET_MS).unref();
  try {
    const { abandoned } = await stopApp(app, DRAIN_MS);
    await installations?.close().catch(() => undefined);
    if (abandoned > 0) app.logger.warn(m.stoppedAbandoned(abandoned, DRAIN_MS / 1000));
    else app.logger.info(m.stopped);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${m.stopFailed(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
  }
}
process.once('SIGTERM', (signal) => void stop(signal));
process.once('SIGINT', (signal) => void stop(signal));
