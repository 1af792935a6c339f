import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { FakeSlack } from '../test/e2e/fake-slack.js';
import { type Breakdown, breakdown, type CpuProfile, PARTS, type Part } from './cpu-profile.js';
import { type AckOf, anchorAnswers, measuredRun, type ServerName, specs } from './http.js';
import { load } from './load.js';
import { BENCH_DIST, type RunningServer, type ServerSpec, startServer } from './server-process.js';
import { distinctTexts } from './texts.js';

/**
 * Why the figures are what they are: CPU profiles of the pipeline in this process and of both servers under the
 * same load, split by the part of the system that spent the time, per answer and per request; and the bot's start-up
 * in phases. Sampling costs a little: these runs are separate from the measured ones.
 */

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Profiles `step` over `texts` in this process for about `ms` milliseconds, after a warm-up. */
async function profileInProcess(
  step: (text: string) => unknown,
  texts: readonly string[],
  ms: number,
): Promise<{ profile: CpuProfile; count: number }> {
  for (let i = 0; i < 3000; i++) step(texts[i % texts.length]);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const t of texts) step(t);
    count += texts.length;
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return { profile: profile as unknown as CpuProfile, count };
}

function printParts(print: (line: string) => void, columns: { name: string; b: Breakdown; count: number }[]): void {
  const per = (b: Breakdown, part: Part, count: number) => (b.ms[part] * 1000) / count;
  print(`  ${'part'.padEnd(44)}${columns.map((c) => `${c.name} µs`.padStart(14)).join('')}`);
  for (const part of PARTS) {
    if (part === 'idle' || columns.every((c) => c.b.ms[part] === 0)) continue;
    print(`  ${part.padEnd(44)}${columns.map((c) => fmt(per(c.b, part, c.count)).padStart(14)).join('')}`);
  }
  const busy = (c: { b: Breakdown; count: number }) => ((c.b.totalMs - c.b.ms.idle) * 1000) / c.count;
  print(`  ${'total CPU (idle excluded)'.padEnd(44)}${columns.map((c) => fmt(busy(c)).padStart(14)).join('')}`);
}

function printHottest(print: (line: string) => void, b: Breakdown, count: number, top: number): void {
  for (const h of b.hottest.filter((h) => h.name !== '(idle)').slice(0, top)) {
    print(`    ${fmt((h.ms * 1000) / count).padStart(7)} µs  ${h.name}`);
  }
}

/** Where the time of one answer goes in the pipeline (text → answer → Block Kit JSON). */
export async function profilePipeline(
  print: (line: string) => void,
  step: (text: string) => unknown,
  ms = 3000,
): Promise<void> {
  const texts = distinctTexts(3_000);
  const { profile, count } = await profileInProcess(step, texts, ms);
  const b = breakdown(profile, 14);
  print(`profile: the pipeline (text → answer → Block Kit JSON), ${fmt(count, 0)} answers, per answer`);
  print('  (JSON.stringify of the acknowledgement runs in the benchmark step: it is counted as "other")');
  printParts(print, [{ name: 'pipeline', b, count }]);
  print('  hottest functions, self time per answer:');
  printHottest(print, b, count, 14);
}

/**
 * The empty app, then acking with the bot's answers, then the bot: what each adds. And, beside them, the answering
 * app with listeners like the bot's 19: what Bolt's matchers would cost the bot per command if `/stack` went through
 * them (it is answered from a middleware that ends the chain, src/slack/listeners/commands).
 */
function variants(spec: Record<ServerName, ServerSpec>): { name: string; spec: ServerSpec; from: number }[] {
  const answering = spec.answering;
  return [
    { name: 'empty-bare: Bolt, one listener, empty ack', spec: spec.empty, from: -1 },
    { name: "answering-bare: + the bot's answer as the ack", spec: answering, from: 0 },
    { name: 'the bot: + computing the answer, its own shell', spec: spec.bot, from: 1 },
    {
      name: "(aside) answering-bare + 19 listeners like the bot's",
      spec: { ...answering, env: { ...answering.env, BARE_LISTENERS: 'bot' } },
      from: 1,
    },
  ];
}

/**
 * Both servers under the same load: the bot's extra cost taken apart by adding its parts to the bare app one at a time
 * (CPU per request, from the server processes), then CPU profiles of the bare app and the bot split by part.
 */
export async function profileServers(
  print: (line: string) => void,
  ackOf: AckOf,
  requests = 3_000,
  rounds = 3,
  connections = 50,
): Promise<void> {
  const texts = distinctTexts(requests + connections + 1);
  const anchor = anchorAnswers(texts, ackOf);
  const fake = new FakeSlack();
  await fake.start();
  const responseUrl = fake.responseUrl('profile');
  const steps = variants(specs(fake, anchor.file));
  const running: RunningServer[] = [];
  try {
    const servers: RunningServer[] = [];
    for (const step of steps) {
      const server = await startServer(step.spec);
      running.push(server);
      servers.push(server);
      await load(server.port, texts, responseUrl, { connections, amount: 10_000 });
    }
    const cpu: number[][] = steps.map(() => []);
    const rate: number[][] = steps.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => servers.length - 1 - i);
      for (const i of order) {
        const r = await measuredRun(servers[i], texts, responseUrl, { connections, amount: requests });
        cpu[i].push(r.cpuMicrosPerRequest);
        rate[i].push(r.requestsPerSecond);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    print(
      `profile: the bot's extra cost, part by part: each step a process of its own, compiled, ${rounds} interleaved runs of ${fmt(requests, 0)} distinct requests at ${connections} connections`,
    );
    print(`  ${'server'.padEnd(52)}${'CPU µs/request'.padStart(16)}${'added'.padStart(10)}${'req/s'.padStart(10)}`);
    const medians = steps.map((_, i) => median(cpu[i]));
    steps.forEach((step, i) => {
      const added = step.from < 0 ? '' : `+${fmt(medians[i] - medians[step.from])}`;
      print(
        `  ${step.name.padEnd(52)}${fmt(medians[i]).padStart(16)}${added.padStart(10)}${fmt(median(rate[i]), 0).padStart(10)}`,
      );
    });

    // Profiles of the two ends, each part scaled to the CPU time the process really used (sampling counts wall time,
    // which a busy machine stretches).
    const columns: { name: string; b: Breakdown; count: number }[] = [];
    for (const [name, i] of [
      ['answering', 1],
      ['bot', 2],
    ] as const) {
      const server = servers[i];
      const before = await server.cpuMicros();
      const { result, path } = await server.profile(() =>
        load(server.port, texts, responseUrl, { connections, amount: requests }),
      );
      const used = (await server.cpuMicros()) - before;
      const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
      rmSync(path, { force: true });
      columns.push({ name, b: scaled(breakdown(profile, 16), used / 1000), count: result.ok });
    }
    print('');
    print(`profile: CPU per request by part, answering-bare and bot (${fmt(requests, 0)} distinct requests each)`);
    print('  (Bolt includes JSON.stringify of the acknowledgement; Node HTTP includes the socket writes)');
    printParts(print, columns);
    const bot = columns[1];
    print('  hottest functions in the bot, self time per request:');
    printHottest(print, bot.b, bot.count, 16);
  } finally {
    for (const server of running) await server.stop();
    await fake.stop();
    rmSync(anchor.dir, { recursive: true, force: true });
  }
}

/** A breakdown rescaled so that its busy (not idle) time equals `busyMs`. */
function scaled(b: Breakdown, busyMs: number): Breakdown {
  const factor = busyMs / Math.max(1e-9, b.totalMs - b.ms.idle);
  const ms = Object.fromEntries(PARTS.map((p) => [p, p === 'idle' ? 0 : b.ms[p] * factor])) as Record<Part, number>;
  return {
    ms,
    totalMs: busyMs,
    hottest: b.hottest.filter((h) => h.name !== '(idle)').map((h) => ({ name: h.name, ms: h.ms * factor })),
  };
}

const PHASES = fileURLToPath(new URL('startup-phases.js', BENCH_DIST));

/** The compiled bot's start-up in phases: the median of `runs` fresh processes, after one that warms the caches. */
export function profileStartup(print: (line: string) => void, runs = 5): void {
  const samples: Record<string, number>[] = [];
  for (let i = 0; i <= runs; i++) {
    const out = execFileSync(process.execPath, [PHASES], { encoding: 'utf8', env: { PATH: '' } });
    if (i > 0) samples.push(JSON.parse(out) as Record<string, number>);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  print(`profile: the compiled bot's start-up in phases, median of ${runs} fresh processes (ms)`);
  let total = 0;
  for (const phase of Object.keys(samples[0])) {
    const ms = median(samples.map((s) => s[phase]));
    if (!phase.startsWith('(')) total += ms;
    print(`  ${phase.padEnd(72)} ${fmt(ms).padStart(8)}`);
  }
  print(`  ${'sum of the start-up phases (listening and auth.test come on top)'.padEnd(72)} ${fmt(total).padStart(8)}`);
}
