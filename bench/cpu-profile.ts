/**
 * Reading a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` or the inspector writes it): where the time went, by
 * the part of the system that spent it. Native frames (socket writes, JSON, RegExp) count for the JavaScript that
 * called them, so `writev` is the HTTP response and `JSON.stringify` inside Bolt is Bolt's.
 */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export const PARTS = [
  'advisor (src/advisor, src/algebra)',
  'Block Kit rendering (src/render)',
  'Slack shell (src/slack)',
  'Bolt (@slack/bolt)',
  'other packages',
  'Node HTTP, sockets, streams',
  'Node crypto (signature check)',
  'Node other (timers, events, querystring…)',
  'garbage collector',
  'idle',
  'other',
] as const;

export type Part = (typeof PARTS)[number];

function partOfUrl(url: string): Part | undefined {
  if (url === '') return undefined;
  if (/\/(src|dist)\/(advisor|algebra|knowledge)\//.test(url)) return 'advisor (src/advisor, src/algebra)';
  if (/\/(src|dist)\/render\//.test(url)) return 'Block Kit rendering (src/render)';
  if (/\/(src|dist)\/slack\//.test(url)) return 'Slack shell (src/slack)';
  if (url.includes('/node_modules/@slack/')) return 'Bolt (@slack/bolt)';
  if (url.includes('/node_modules/')) return 'other packages';
  if (/^node:(_http|net|internal\/(streams|stream_base_commons|http|js_stream))/.test(url))
    return 'Node HTTP, sockets, streams';
  if (/^node:(crypto|internal\/crypto)/.test(url)) return 'Node crypto (signature check)';
  if (url.startsWith('node:')) return 'Node other (timers, events, querystring…)';
  return 'other';
}

export interface Breakdown {
  /** Milliseconds of samples per part. */
  readonly ms: Record<Part, number>;
  readonly totalMs: number;
  /** Self time of the heaviest functions, `name (file)`. */
  readonly hottest: readonly { readonly name: string; readonly ms: number }[];
}

/** Time per part of the system; `hottest` lists the `top` functions by self time. */
export function breakdown(profile: CpuProfile, top = 12): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partCache = new Map<number, Part>();
  const partOf = (id: number): Part => {
    const cached = partCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    let part: Part = 'other';
    if (node !== undefined) {
      const name = node.callFrame.functionName;
      if (name === '(garbage collector)') part = 'garbage collector';
      else if (name === '(idle)') part = 'idle';
      else {
        const own = partOfUrl(node.callFrame.url);
        const up = parent.get(id);
        part = own ?? (up === undefined ? 'other' : partOf(up));
      }
    }
    partCache.set(id, part);
    return part;
  };
  const ms = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  const self = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += dt;
    ms[partOf(id)] += dt;
    const node = byId.get(id);
    if (node === undefined) return;
    const file = node.callFrame.url.replace(/^.*\/(node_modules|src|dist|bench)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'}${file === '' ? '' : ` (${file})`}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const hottest = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, ms: t }));
  return { ms, totalMs, hottest };
}
