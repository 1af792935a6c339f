import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeReply, ProbeRequest } from './servers/probe.js';

/**
 * A server under test as a child process of its own, compiled, started as production starts the bot
 * (`node dist/main.js`; the bare apps from dist/bench/servers, built by `npm run bench`), timed until it is ready (by
 * default its first answered signed `/stack`, see http.ts), measured (RSS from the kernel), stopped with SIGTERM.
 */

/** The bench servers and the probe, compiled by `tsc -p tsconfig.bench.json`. */
export const BENCH_DIST = new URL('../dist/bench/servers/', import.meta.url);
const PROBE = new URL('probe.js', BENCH_DIST).href;
/** The V8 flags every server runs with (said with the figures): none that changes the heap or the JIT. */
export const NODE_FLAGS = ['--expose-gc'] as const;

export interface ServerSpec {
  readonly name: string;
  /** The entry file, absolute. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  /** True once the server on `port` does what it is there for; GET /healthz answering 200 when not given. */
  readonly ready?: (port: number) => Promise<boolean>;
}

export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  readonly port: number;
  /** Milliseconds from spawn to ready (`spec.ready`: the first answered signed request, in the benchmark). */
  readonly readyMs: number;
  readonly output: () => string;
  /** The process's own memory figures, after a full garbage collection when `gc`. */
  memory(gc: boolean): Promise<NodeJS.MemoryUsage>;
  /** Bytes each V8 heap space has reserved, by space name. */
  heapSpaces(): Promise<Record<string, number>>;
  /** CPU time the process has used so far, user + system, in microseconds. */
  cpuMicros(): Promise<number>;
  /** A CPU profile (sampled every `intervalUs`) of the server while `during` runs: the path of the .cpuprofile. */
  profile<T>(during: () => Promise<T>, intervalUs?: number): Promise<{ readonly result: T; readonly path: string }>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

// An empty working directory: no developer's .env is read by the bot.
const cwd = mkdtempSync(join(tmpdir(), 'stack-advisor-bench-'));
process.once('exit', () => rmSync(cwd, { recursive: true, force: true }));

/** Every child still running, so that an interrupted benchmark leaves none behind. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts the server and waits until it is ready (`spec.ready`, polled every 5 ms), or fails after `timeoutMs`. */
export async function startServer(spec: ServerSpec, timeoutMs = 30_000): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  // --expose-gc lets the probe tell live memory from uncollected garbage; it changes nothing until gc() is called.
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', PROBE, spec.entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...spec.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      children.delete(child);
      resolve();
    }),
  );
  for (;;) {
    if (await (spec.ready ?? healthy)(port)) break;
    if (exited || performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${spec.name} did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - started;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name} has no pid`);
  const ask = <K extends ProbeReply['type']>(request: ProbeRequest, type: K) =>
    new Promise<Extract<ProbeReply, { type: K }>>((resolve, reject) => {
      const onMessage = (reply: ProbeReply) => {
        if (reply.type !== type) return;
        child.off('message', onMessage);
        resolve(reply as Extract<ProbeReply, { type: K }>);
      };
      child.on('message', onMessage);
      child.send(request, (error) => {
        if (error) reject(error);
      });
    });
  return {
    name: spec.name,
    pid,
    port,
    readyMs,
    output: () => output,
    memory: async (gc) => (await ask({ type: 'memory', gc }, 'memory')).memory,
    heapSpaces: async () => (await ask({ type: 'memory', gc: false }, 'memory')).spaces,
    cpuMicros: async () => {
      const { cpu } = await ask({ type: 'memory', gc: false }, 'memory');
      return cpu.user + cpu.system;
    },
    profile: async (during, intervalUs = 250) => {
      await ask({ type: 'profile-start', intervalUs }, 'profile-started');
      const result = await during();
      const { path } = await ask({ type: 'profile-stop' }, 'profile');
      return { result, path };
    },
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Resident set size of a process, in MB: /proc on Linux, `ps` elsewhere. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // Not Linux: ask ps.
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}
