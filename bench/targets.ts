import type { HttpFigures } from './http.js';
import type { Language, Throughput } from './pipeline.js';

/** The targets of issue 6, and whether the figures just measured meet them. */

export interface Measured {
  /** The Slack step of the pipeline, per language and over all seed requests. */
  readonly pipeline?: Record<Language | 'all', Throughput>;
  /** The same step in the compiled build, as production (`npm run start:prod`) runs it. */
  readonly compiled?: Record<Language | 'all', Throughput>;
  readonly http?: HttpFigures;
}

const mark = (met: boolean) => (met ? 'met   ' : 'MISSED');
const f = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printTargets(print: (line: string) => void, m: Measured): void {
  print('targets (issue 6)');
  for (const [name, figures] of [
    ['compiled', m.compiled],
    ['under tsx', m.pipeline],
  ] as const) {
    if (figures === undefined) continue;
    const { en, zh, all } = figures;
    const worst = Math.min(en.perSecond, zh.perSecond);
    print(
      `  ${mark(worst >= 20_000)}  pipeline ≥ 20,000 answers/s (${name}): en ${f(en.perSecond)}, zh ${f(zh.perSecond)}, all ${f(all.perSecond)} (${all.micros.toFixed(1)} µs/answer)`,
    );
  }
  const h = m.http;
  if (h === undefined) return;
  const ratio = h.bot.requestsPerSecond / h.bare.requestsPerSecond;
  print(
    `  ${mark(ratio >= 0.9)}  HTTP ≥ 0.9 of bare Bolt: ${ratio.toFixed(2)} (bot ${f(h.bot.requestsPerSecond)} req/s, bare ${f(h.bare.requestsPerSecond)} req/s, medians)`,
  );
  // The median over the runs is the figure; the worst run says how close to the line it is.
  const p99 = h.bot.p99 < 50 ? (h.bot.worstP99 < 50 ? mark(true) : 'met*  ') : mark(false);
  print(
    `  ${p99}  p99 < 50 ms at ${h.options.connections} connections: bot ${h.bot.p99} ms (median of the runs; worst run ${h.bot.worstP99} ms${p99.startsWith('met*') ? ', * not in every run' : ''}), bare ${h.bare.p99} ms`,
  );
  print(`  ${mark(h.bot.errors === 0)}  zero errors: bot ${h.bot.errors}, bare ${h.bare.errors}`);
  const growth = h.bot.rssAfterRequests - h.bot.rssReady;
  print(
    `  ${mark(growth < 20)}  RSS growth over ${f(h.options.requests)} requests < 20 MB: bot ${f(growth, 1)} MB from ready (bare ${f(h.bare.rssAfterRequests - h.bare.rssReady, 1)} MB); bot ${f(h.bot.rssAfterMore - h.bot.rssAfterRequests, 1)} MB over the next ${f(h.options.requests)}; live data bot ${f(h.bot.liveAfterMore - h.bot.liveReady, 1)} MB over ${f(2 * h.options.requests)}`,
  );
  const startRatio = h.bot.readyMedianMs / h.bare.readyMedianMs;
  print(
    `  ${mark(startRatio <= 1.5)}  start-up within 1.5× bare: ${startRatio.toFixed(2)}× (bot ${f(h.bot.readyMedianMs)} ms, bare ${f(h.bare.readyMedianMs)} ms, medians)`,
  );
}
