import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeSlack } from '../test/e2e/fake-slack.js';
import { commandBody, FORM, SIGNING_SECRET, signedHeaders } from '../test/e2e/slack-requests.js';
import { EVENTS_PATH, type LoadFigures, type LoadOptions, load } from './load.js';
import { BENCH_DIST, NODE_FLAGS, type RunningServer, rssMb, type ServerSpec, startServer } from './server-process.js';
import { distinctTexts } from './texts.js';

/**
 * The bot over real signed HTTP against two bare Bolt apps: the answering anchor, which acknowledges each `/stack`
 * with the very Block Kit message the bot sends for that text (looked up in a map computed before the run with the
 * bot's own rendering), and the empty one, which acknowledges with nothing. Each in a child process of its own,
 * compiled, started the same way, loaded with the same signed `/stack` requests by autocannon: distinct texts, none
 * repeated within a run, in interleaved runs so that whatever else the machine does falls on all alike.
 */

export type ServerName = 'bot' | 'answering' | 'empty';
export const SERVERS: readonly ServerName[] = ['empty', 'answering', 'bot'];
const LABEL: Record<ServerName, string> = { bot: 'bot', answering: 'answering-bare', empty: 'empty-bare' };

export interface HttpOptions {
  readonly connections: number;
  /** Requests in each measured run: each a different text (the texts are this many plus the connections). */
  readonly requestsPerRun: number;
  readonly rounds: number;
  /** Timed starts of each server (after one untimed start that warms the disk caches). */
  readonly starts: number;
  /** Requests before the "RSS after" reading (they warm the servers up too). */
  readonly requests: number;
}

export const DEFAULT_HTTP: HttpOptions = {
  connections: 50,
  requestsPerRun: 3_000,
  rounds: 6,
  starts: 5,
  requests: 10_000,
};

/** One measured run, with the CPU time the server used for it (from the server process itself). */
export interface Run extends LoadFigures {
  readonly cpuMicrosPerRequest: number;
}

/** A load run on `server`, with the CPU the server spent on it. */
export async function measuredRun(
  server: RunningServer,
  texts: readonly string[],
  responseUrl: string,
  options: LoadOptions,
): Promise<Run> {
  const before = await server.cpuMicros();
  const r = await load(server.port, texts, responseUrl, options);
  const cpu = (await server.cpuMicros()) - before;
  return { ...r, cpuMicrosPerRequest: cpu / Math.max(1, r.ok) };
}

export interface ServerFigures {
  readonly runs: Run[];
  /** Medians over the runs. */
  readonly cpuMicrosPerRequest: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Worst run. */
  readonly worstP99: number;
  /** Over every run, the 10,000-request batch included. */
  readonly errors: number;
  readonly readyMs: number[];
  readonly readyMedianMs: number;
  /** MB, from the kernel: at ready (right after the first answered request), after `requests` requests. */
  readonly rssReady: number;
  readonly rssAfterRequests: number;
  /** MB of live data (heap used after a full GC) at ready and after the requests. */
  readonly liveReady: number;
  readonly liveAfterRequests: number;
  readonly averageBytes: number;
}

export interface HttpFigures {
  readonly options: HttpOptions;
  readonly servers: Record<ServerName, ServerFigures>;
  /** Bodies of the bot and the answering anchor compared byte for byte, and how many were identical. */
  readonly identical: number;
  readonly compared: number;
}

const ROOT = new URL('../', import.meta.url);
const TOKEN = 'xoxb-1-bench-token';

/** The bot's acknowledgement for a text: computed, in the benchmark, with the compiled bot's own code. */
export type AckOf = (text: string) => string;

/** The text each start is timed to: its first answer. */
const FIRST_TEXT = 'edge computing, cold start < 10ms, memory < 50MB';

/**
 * The answering anchor's map, computed before the run with the bot's own code: text → the acknowledgement's JSON,
 * in a temporary file the anchor reads at start-up (remove `dir` afterwards).
 */
export function anchorAnswers(texts: readonly string[], ackOf: AckOf): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-anchor-'));
  const file = join(dir, 'answers.json');
  const map: Record<string, unknown> = {};
  for (const text of [FIRST_TEXT, ...texts]) map[text] = JSON.parse(ackOf(text));
  writeFileSync(file, JSON.stringify(map));
  return { dir, file };
}

/** Ready = the first signed `/stack` answered: 200, and the answer in it (or an empty body, for the empty app). */
function answers(responseUrl: string, expect: 'blocks' | 'empty'): (port: number) => Promise<boolean> {
  return async (port) => {
    const body = commandBody(FIRST_TEXT, responseUrl);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${EVENTS_PATH}`, {
        method: 'POST',
        headers: signedHeaders(body, FORM),
        body,
        signal: AbortSignal.timeout(2000),
      });
      const text = await res.text();
      return res.status === 200 && (expect === 'empty' ? text === '' : text.includes('"blocks"'));
    } catch {
      return false;
    }
  };
}

export function specs(fake: FakeSlack, answersFile: string): Record<ServerName, ServerSpec> {
  const common = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'info' };
  const responseUrl = fake.responseUrl('bench');
  const bare = fileURLToPath(new URL('bare.js', BENCH_DIST));
  return {
    // The bot exactly as production runs it (dist/main.js): config, knowledge base, app, auth.test, listen.
    bot: {
      name: 'bot',
      entry: fileURLToPath(new URL('dist/main.js', ROOT)),
      // Empty values count as unset: HTTP mode, the built-in knowledge base, whatever a shell has exported.
      env: { ...common, SLACK_API_URL: fake.apiUrl, SLACK_APP_TOKEN: '', KNOWLEDGE_PATH: '', RADAR_PATH: '' },
      ready: answers(responseUrl, 'blocks'),
    },
    answering: {
      name: 'answering',
      entry: bare,
      env: { ...common, BARE_ANSWERS: answersFile },
      ready: answers(responseUrl, 'blocks'),
    },
    empty: { name: 'empty', entry: bare, env: common, ready: answers(responseUrl, 'empty') },
  };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The servers in a different order each round. */
const rotated = <T>(round: number, xs: readonly T[]): T[] => xs.map((_, i) => xs[(i + round) % xs.length]);

/** The bodies `port` answers `texts` with, one request each. */
async function bodies(port: number, texts: readonly string[], responseUrl: string): Promise<string[]> {
  const out: string[] = [];
  for (const text of texts) {
    const body = commandBody(text, responseUrl);
    const res = await fetch(`http://127.0.0.1:${port}${EVENTS_PATH}`, {
      method: 'POST',
      headers: signedHeaders(body, FORM),
      body,
    });
    out.push(res.status === 200 ? await res.text() : `HTTP ${res.status}`);
  }
  return out;
}

export async function benchHttp(
  print: (line: string) => void,
  ackOf: AckOf,
  options: HttpOptions = DEFAULT_HTTP,
): Promise<HttpFigures> {
  const texts = distinctTexts(options.requestsPerRun + options.connections + 1);
  const { dir, file: answersFile } = anchorAnswers(texts, ackOf);

  const fake = new FakeSlack();
  await fake.start();
  const responseUrl = fake.responseUrl('bench');
  const spec = specs(fake, answersFile);
  const running: RunningServer[] = [];
  try {
    print(
      `HTTP: /stack over signed HTTP on 127.0.0.1, compiled, one child process each (node ${NODE_FLAGS.join(' ')}, no other V8 flag), autocannon in this process`,
    );
    print(
      '  bot = dist/main.js · answering-bare = a bare Bolt app acking with the bot’s own message for the text · empty-bare = acking with nothing',
    );
    print(
      `  load: ${fmt(texts.length)} distinct requirement texts (needs × numbers × en/zh), each request a command of its own, no text repeated within a run`,
    );

    // Start-up: spawn until the first signed /stack is answered, interleaved; the first start of each warms caches.
    const readyMs: Record<ServerName, number[]> = { bot: [], answering: [], empty: [] };
    for (let i = 0; i <= options.starts; i++) {
      for (const name of rotated(i, SERVERS)) {
        const server = await startServer(spec[name]);
        if (i > 0) readyMs[name].push(server.readyMs);
        await server.stop();
      }
    }

    const servers = {} as Record<ServerName, RunningServer>;
    const MB = 1024 * 1024;
    const memory = {} as Record<
      ServerName,
      { rssReady: number; liveReady: number; rssAfter: number; liveAfter: number }
    >;
    for (const name of SERVERS) {
      servers[name] = await startServer(spec[name]);
      running.push(servers[name]);
      // RSS first, then a full GC for the live data: the GC must not shrink what is measured.
      const rssReady = rssMb(servers[name].pid);
      const liveReady = (await servers[name].memory(true)).heapUsed / MB;
      memory[name] = { rssReady, liveReady, rssAfter: 0, liveAfter: 0 };
    }

    // The anchor must send what the bot sends: every text of the run, byte for byte.
    const fromBot = await bodies(servers.bot.port, texts, responseUrl);
    const fromAnchor = await bodies(servers.answering.port, texts, responseUrl);
    const identical = fromBot.filter((b, i) => b === fromAnchor[i] && b.includes('"blocks"')).length;
    const averageBytes = (xs: string[]) => xs.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / xs.length;
    const emptyBodies = await bodies(servers.empty.port, texts.slice(0, 20), responseUrl);
    if (emptyBodies.some((b) => b !== '')) throw new Error('the empty app answered with a body');

    // A batch of `requests` each (a warm-up too), then RSS and live data.
    const batches: Record<ServerName, LoadFigures> = {} as Record<ServerName, LoadFigures>;
    for (const name of SERVERS) {
      batches[name] = await load(servers[name].port, texts, responseUrl, {
        connections: options.connections,
        amount: options.requests,
      });
      memory[name].rssAfter = rssMb(servers[name].pid);
      memory[name].liveAfter = (await servers[name].memory(true)).heapUsed / MB;
    }

    const runs: Record<ServerName, Run[]> = { bot: [], answering: [], empty: [] };
    print(
      `  ${options.rounds} interleaved rounds of ${fmt(options.requestsPerRun)} requests each at ${options.connections} connections (after a warm-up of ${fmt(options.requests)} requests each)`,
    );
    print('  round  server            req/s   p50 ms   p99 ms   max ms   errors   server CPU µs/request   load avg');
    for (let round = 0; round < options.rounds; round++) {
      for (const name of rotated(round, SERVERS)) {
        const r = await measuredRun(servers[name], texts, responseUrl, {
          connections: options.connections,
          amount: options.requestsPerRun,
        });
        runs[name].push(r);
        print(
          `  ${String(round + 1).padStart(5)}  ${LABEL[name].padEnd(14)} ${fmt(r.requestsPerSecond).padStart(9)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ${fmt(r.max).padStart(8)} ${fmt(r.errors).padStart(8)} ${fmt(r.cpuMicrosPerRequest).padStart(15)}           ${load1().split(' ')[0]}`,
        );
      }
    }

    const figures = (name: ServerName, bytes: number): ServerFigures => ({
      runs: runs[name],
      cpuMicrosPerRequest: median(runs[name].map((r) => r.cpuMicrosPerRequest)),
      requestsPerSecond: median(runs[name].map((r) => r.requestsPerSecond)),
      p50: median(runs[name].map((r) => r.p50)),
      p99: median(runs[name].map((r) => r.p99)),
      worstP99: Math.max(...runs[name].map((r) => r.p99)),
      errors: [batches[name], ...runs[name]].reduce((sum, r) => sum + r.errors, 0),
      readyMs: readyMs[name],
      readyMedianMs: median(readyMs[name]),
      rssReady: memory[name].rssReady,
      rssAfterRequests: memory[name].rssAfter,
      liveReady: memory[name].liveReady,
      liveAfterRequests: memory[name].liveAfter,
      averageBytes: bytes,
    });
    const s: Record<ServerName, ServerFigures> = {
      bot: figures('bot', averageBytes(fromBot)),
      answering: figures('answering', averageBytes(fromAnchor)),
      empty: figures('empty', 0),
    };
    print('  medians over the rounds');
    for (const name of SERVERS) {
      const f = s[name];
      print(
        `    ${LABEL[name].padEnd(14)} ${fmt(f.requestsPerSecond).padStart(7)} req/s   CPU ${fmt(f.cpuMicrosPerRequest).padStart(4)} µs/request   p50 ${f.p50} ms   p99 ${f.p99} ms (worst ${f.worstP99})   errors ${f.errors}   body ${fmt(f.averageBytes)} bytes`,
      );
    }
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    print(
      `  ratios: CPU per request answering-bare/bot ${ratio(s.answering.cpuMicrosPerRequest, s.bot.cpuMicrosPerRequest)}, empty-bare/bot ${ratio(s.empty.cpuMicrosPerRequest, s.bot.cpuMicrosPerRequest)}, empty/answering ${ratio(s.empty.cpuMicrosPerRequest, s.answering.cpuMicrosPerRequest)}`,
    );
    print(
      `          throughput bot/answering-bare ${ratio(s.bot.requestsPerSecond, s.answering.requestsPerSecond)}, bot/empty-bare ${ratio(s.bot.requestsPerSecond, s.empty.requestsPerSecond)}, answering/empty ${ratio(s.answering.requestsPerSecond, s.empty.requestsPerSecond)}`,
    );
    print(
      `  the anchor's answers: ${fmt(identical)} of ${fmt(texts.length)} byte for byte the bot's (${fmt(s.bot.averageBytes)} bytes on average)`,
    );
    print('');
    print(
      `start-up to the first answered signed /stack (spawn → 200 with the answer), ${options.starts} interleaved starts each after one untimed`,
    );
    for (const name of SERVERS) {
      print(
        `  ${LABEL[name].padEnd(14)} median ${fmt(s[name].readyMedianMs).padStart(5)} ms   (${s[name].readyMs.map((ms) => fmt(ms)).join(', ')})`,
      );
    }
    print(
      `  ratio bot/empty-bare ${ratio(s.bot.readyMedianMs, s.empty.readyMedianMs)}, bot/answering-bare ${ratio(s.bot.readyMedianMs, s.answering.readyMedianMs)} (the anchor reads its map of ${fmt(texts.length + 1)} answers first)`,
    );
    print('');
    print(
      `memory, MB (node ${NODE_FLAGS.join(' ')}: V8's default heap limits): at ready → after ${fmt(options.requests)} requests at ${options.connections} connections`,
    );
    print(`  ${''.padEnd(16)}${'RSS (kernel)'.padEnd(30)}live data after a full GC`);
    for (const name of SERVERS) {
      const f = s[name];
      print(
        `  ${LABEL[name].padEnd(16)}${`${fmt(f.rssReady, 1)} → ${fmt(f.rssAfterRequests, 1)} (${signed(f.rssAfterRequests - f.rssReady)})`.padEnd(30)}${fmt(f.liveReady, 1)} → ${fmt(f.liveAfterRequests, 1)} (${signed(f.liveAfterRequests - f.liveReady)})`,
      );
    }
    print(
      `  bot − empty-bare: ${signed(s.bot.rssReady - s.empty.rssReady)} MB at ready, ${signed(s.bot.rssAfterRequests - s.empty.rssAfterRequests)} MB after ${fmt(options.requests)} (the answering anchor holds its ${fmt(texts.length + 1)} answers in memory)`,
    );
    return { options, servers: s, identical, compared: texts.length };
  } finally {
    for (const server of running) await server.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
