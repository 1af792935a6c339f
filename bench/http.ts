import { fileURLToPath } from 'node:url';
import { FakeSlack } from '../test/e2e/fake-slack.js';
import { SIGNING_SECRET } from '../test/e2e/slack-requests.js';
import { checkAnswers, type LoadFigures, type LoadOptions, load } from './load.js';
import { seedRequests } from './pipeline.js';
import { type RunningServer, rssMb, type ServerSpec, startServer } from './server-process.js';

/**
 * The bot over real signed HTTP against a bare Bolt app that only acknowledges: each in a child process of its own,
 * started the same way, loaded with the same signed `/stack` requests by autocannon, in interleaved runs so that
 * whatever else the machine does falls on both alike.
 */

export interface HttpOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly rounds: number;
  /** Timed starts of each server (after one untimed start that warms the disk and tsx caches). */
  readonly starts: number;
  /** Requests before the "RSS after" reading. */
  readonly requests: number;
}

export const DEFAULT_HTTP: HttpOptions = { connections: 50, seconds: 5, rounds: 3, starts: 5, requests: 10_000 };

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
  /** Median CPU time per request of the server process, µs: what the request rate is the inverse of, when bound. */
  readonly cpuMicrosPerRequest: number;
  /** Medians over the runs. */
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Worst run. */
  readonly worstP99: number;
  readonly errors: number;
  readonly readyMs: number[];
  readonly readyMedianMs: number;
  /** MB, from the kernel: at ready, after `requests` requests, after `requests` more, after every run. */
  readonly rssReady: number;
  readonly rssAfterRequests: number;
  readonly rssAfterMore: number;
  readonly rssEnd: number;
  /** MB the V8 heap had reserved (heapTotal) at the same moments. */
  readonly heapReady: number;
  readonly heapAfterRequests: number;
  readonly heapAfterMore: number;
  /** MB of live data (heapUsed after a full GC) at ready and after both batches of requests. */
  readonly liveReady: number;
  readonly liveAfterMore: number;
  readonly averageBytes: number;
}

export interface HttpFigures {
  readonly options: HttpOptions;
  readonly bot: ServerFigures;
  readonly bare: ServerFigures;
}

const ROOT = new URL('../', import.meta.url);
const TOKEN = 'xoxb-1-bench-token';

export function specs(fake: FakeSlack): Record<'bot' | 'bare', ServerSpec> {
  const common = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'info' };
  return {
    // The bot exactly as `npm start` runs it (src/main.ts under tsx): config, knowledge base, app, auth.test, listen.
    bot: {
      name: 'bot',
      entry: fileURLToPath(new URL('src/main.ts', ROOT)),
      // Empty values count as unset: HTTP mode, the built-in knowledge base, whatever a shell has exported.
      env: { ...common, SLACK_API_URL: fake.apiUrl, SLACK_APP_TOKEN: '', KNOWLEDGE_PATH: '' },
    },
    bare: { name: 'bare', entry: fileURLToPath(new URL('bench/servers/bare.ts', ROOT)), env: common },
  };
}

function emptyMemory() {
  return {
    rssReady: 0,
    rssAfterRequests: 0,
    rssAfterMore: 0,
    rssEnd: 0,
    heapReady: 0,
    heapAfterRequests: 0,
    heapAfterMore: 0,
    liveReady: 0,
    liveAfterMore: 0,
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

/** Alternates the order of the two servers from one round to the next. */
const interleaved = <T>(round: number, pair: readonly [T, T]): T[] =>
  round % 2 === 0 ? [...pair] : [pair[1], pair[0]];

export async function benchHttp(
  print: (line: string) => void,
  options: HttpOptions = DEFAULT_HTTP,
): Promise<HttpFigures> {
  const texts = seedRequests();
  const fake = new FakeSlack();
  await fake.start();
  const responseUrl = fake.responseUrl('bench');
  const spec = specs(fake);
  const names = ['bare', 'bot'] as const;
  const running: RunningServer[] = [];
  try {
    print(
      `HTTP: /stack over signed HTTP on 127.0.0.1, the bot (src/main.ts) against a bare Bolt app that only acks (bench/servers/bare.ts); both \`node --import tsx\`, one child process each; autocannon in this process`,
    );

    // Start-up: spawn until GET /healthz answers, interleaved; the first start of each only warms caches.
    const readyMs: Record<'bot' | 'bare', number[]> = { bot: [], bare: [] };
    for (let i = 0; i <= options.starts; i++) {
      for (const name of interleaved(i, names)) {
        const server = await startServer(spec[name]);
        if (i > 0) readyMs[name].push(server.readyMs);
        await server.stop();
      }
    }

    // The servers measured under load: RSS at ready, after `requests` requests, and at the end.
    const servers = {} as Record<'bot' | 'bare', RunningServer>;
    for (const name of names) {
      servers[name] = await startServer(spec[name]);
      running.push(servers[name]);
    }
    const checked = {
      bot: await checkAnswers(servers.bot.port, texts, responseUrl, true),
      bare: await checkAnswers(servers.bare.port, texts, responseUrl, false),
    };
    const MB = 1024 * 1024;
    const memory = { bot: emptyMemory(), bare: emptyMemory() };
    const spacesReady: Record<'bot' | 'bare', Record<string, number>> = { bot: {}, bare: {} };
    const spacesAfter: Record<'bot' | 'bare', Record<string, number>> = { bot: {}, bare: {} };
    for (const name of names) {
      const m = memory[name];
      // RSS and the heap's size first, then a full GC for the live data: the GC must not shrink what is measured.
      m.rssReady = rssMb(servers[name].pid);
      m.heapReady = (await servers[name].memory(false)).heapTotal / MB;
      spacesReady[name] = await servers[name].heapSpaces();
      m.liveReady = (await servers[name].memory(true)).heapUsed / MB;
    }
    // Two batches: the first from a cold start (what the target reads), the second from a warm one (steady state:
    // what is still growing there is a leak). No forced GC in between, so both read what the process really holds.
    const batches: Record<'bot' | 'bare', LoadFigures[]> = { bot: [], bare: [] };
    const batch = { connections: options.connections, amount: options.requests };
    for (const name of names) {
      const m = memory[name];
      batches[name].push(await load(servers[name].port, texts, responseUrl, batch));
      m.rssAfterRequests = rssMb(servers[name].pid);
      m.heapAfterRequests = (await servers[name].memory(false)).heapTotal / MB;
      spacesAfter[name] = await servers[name].heapSpaces();
      batches[name].push(await load(servers[name].port, texts, responseUrl, batch));
      m.rssAfterMore = rssMb(servers[name].pid);
      m.heapAfterMore = (await servers[name].memory(false)).heapTotal / MB;
      m.liveAfterMore = (await servers[name].memory(true)).heapUsed / MB;
    }

    // Throughput and latency: interleaved rounds of equal length.
    const runs: Record<'bot' | 'bare', Run[]> = { bot: [], bare: [] };
    print(
      `  ${options.rounds} interleaved rounds of ${options.seconds} s at ${options.connections} connections (after a warm-up of 2 × ${fmt(options.requests)} requests each)`,
    );
    print('  round  server     req/s   p50 ms   p99 ms   max ms   errors   server CPU µs/request');
    for (let round = 0; round < options.rounds; round++) {
      for (const name of interleaved(round, names)) {
        const r = await measuredRun(servers[name], texts, responseUrl, {
          connections: options.connections,
          seconds: options.seconds,
        });
        runs[name].push(r);
        print(
          `  ${String(round + 1).padStart(5)}  ${name.padEnd(6)} ${fmt(r.requestsPerSecond).padStart(9)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ${fmt(r.max).padStart(8)} ${fmt(r.errors).padStart(8)} ${fmt(r.cpuMicrosPerRequest).padStart(15)}`,
        );
      }
    }
    memory.bot.rssEnd = rssMb(servers.bot.pid);
    memory.bare.rssEnd = rssMb(servers.bare.pid);

    const figures = (name: 'bot' | 'bare'): ServerFigures => ({
      runs: runs[name],
      cpuMicrosPerRequest: median(runs[name].map((r) => r.cpuMicrosPerRequest)),
      requestsPerSecond: median(runs[name].map((r) => r.requestsPerSecond)),
      p50: median(runs[name].map((r) => r.p50)),
      p99: median(runs[name].map((r) => r.p99)),
      worstP99: Math.max(...runs[name].map((r) => r.p99)),
      errors: [...batches[name], ...runs[name]].reduce((sum, r) => sum + r.errors, 0),
      readyMs: readyMs[name],
      readyMedianMs: median(readyMs[name]),
      ...memory[name],
      averageBytes: checked[name].averageBytes,
    });
    const bot = figures('bot');
    const bare = figures('bare');
    print(
      `  median  bare ${fmt(bare.requestsPerSecond).padStart(8)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms · bot ${fmt(bot.requestsPerSecond).padStart(8)} req/s, p50 ${bot.p50} ms, p99 ${bot.p99} ms · ratio bot/bare ${(bot.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}`,
    );
    print(
      `  server CPU per request: bare ${fmt(bare.cpuMicrosPerRequest)} µs, bot ${fmt(bot.cpuMicrosPerRequest)} µs · ratio bare/bot ${(bare.cpuMicrosPerRequest / bot.cpuMicrosPerRequest).toFixed(2)} (the throughput ratio a CPU-bound server reaches)`,
    );
    print(
      `  errors (connection errors, timeouts, non-2xx, over every run incl. the warm-up): bare ${bare.errors}, bot ${bot.errors}`,
    );
    print(
      `  response body: bare ${fmt(bare.averageBytes)} bytes (an empty ack), bot ${fmt(bot.averageBytes)} bytes (the answer as Block Kit JSON)`,
    );
    print('');
    print(`start-up to ready (spawn → GET /healthz 200), ${options.starts} interleaved starts each after one untimed`);
    for (const s of [bare, bot]) {
      const name = s === bot ? 'bot ' : 'bare';
      print(
        `  ${name}  median ${fmt(s.readyMedianMs).padStart(5)} ms   (${s.readyMs.map((ms) => fmt(ms)).join(', ')})`,
      );
    }
    print(`  ratio bot/bare ${(bot.readyMedianMs / bare.readyMedianMs).toFixed(2)}`);
    print('');
    print(
      `memory, MB: at ready → after ${fmt(options.requests)} requests at ${options.connections} connections → after ${fmt(options.requests)} more`,
    );
    const row = (a: number, b: number, c: number) =>
      `${fmt(a, 1)} → ${fmt(b, 1)} (${signed(b - a)}) → ${fmt(c, 1)} (${signed(c - b)})`.padEnd(38);
    print(`  ${''.padEnd(6)}${'RSS (kernel)'.padEnd(38)}${'V8 heap reserved'.padEnd(38)}live data after a full GC`);
    for (const s of [bare, bot]) {
      const name = s === bot ? 'bot' : 'bare';
      print(
        `  ${name.padEnd(6)}${row(s.rssReady, s.rssAfterRequests, s.rssAfterMore)}${row(s.heapReady, s.heapAfterRequests, s.heapAfterMore)}${fmt(s.liveReady, 1)} → ${fmt(s.liveAfterMore, 1)} (${signed(s.liveAfterMore - s.liveReady)})`,
      );
    }
    print(`  RSS after every run: bare ${fmt(bare.rssEnd, 1)}, bot ${fmt(bot.rssEnd, 1)}`);
    for (const name of names) {
      const grew = Object.keys(spacesAfter[name])
        .map((space) => ({ space, mb: ((spacesAfter[name][space] ?? 0) - (spacesReady[name][space] ?? 0)) / MB }))
        .filter((g) => Math.abs(g.mb) >= 0.5)
        .sort((a, b) => b.mb - a.mb)
        .map((g) => `${g.space} ${signed(g.mb)}`);
      print(
        `  ${name}: the V8 heap over the first ${fmt(options.requests)}, by space (MB): ${grew.join(', ') || 'no change'}`,
      );
    }
    return { options, bot, bare };
  } finally {
    for (const server of running) await server.stop();
    await fake.stop();
  }
}
