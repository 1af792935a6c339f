import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';

/**
 * Loaded (`--import`) into both benchmarked servers alike, it answers the benchmark over the IPC channel: memory as
 * the process sees it (optionally after a full GC, to tell live data from garbage not yet collected), the CPU time
 * the process has used, and a CPU profile of exactly the window the benchmark asks for. It does nothing until asked.
 */

export type ProbeRequest =
  | { readonly type: 'memory'; readonly gc: boolean }
  | { readonly type: 'profile-start'; readonly intervalUs: number }
  | { readonly type: 'profile-stop' };

export type ProbeReply =
  | {
      readonly type: 'memory';
      readonly memory: NodeJS.MemoryUsage;
      readonly cpu: NodeJS.CpuUsage;
      /** Bytes each V8 heap space has reserved, by name (new_space, old_space, code_space…). */
      readonly spaces: Record<string, number>;
    }
  | { readonly type: 'profile-started' }
  | { readonly type: 'profile'; readonly path: string };

let session: Session | undefined;

async function handle(request: ProbeRequest): Promise<ProbeReply> {
  switch (request.type) {
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (request.gc && gc !== undefined) gc();
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((sp) => [sp.space_name, sp.space_size]));
      return { type: 'memory', memory: process.memoryUsage(), cpu: process.cpuUsage(), spaces };
    }
    case 'profile-start': {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: request.intervalUs });
      await session.post('Profiler.start');
      return { type: 'profile-started' };
    }
    case 'profile-stop': {
      if (session === undefined) throw new Error('no profile was started');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      const path = join(tmpdir(), `stack-advisor-bench-${process.pid}-${Date.now()}.cpuprofile`);
      writeFileSync(path, JSON.stringify(profile));
      return { type: 'profile', path };
    }
  }
}

if (process.send !== undefined) {
  process.on('message', (request: ProbeRequest) => {
    handle(request).then(
      (reply) => process.send?.(reply),
      (error: unknown) => process.stderr.write(`probe: ${String(error)}\n`),
    );
  });
  // The channel must not keep a server alive that was asked to stop.
  process.channel?.unref();
}
