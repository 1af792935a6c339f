import type { HttpFigures } from './http.js';
import type { Language, Throughput } from './pipeline.js';

/** The targets of issue 14, and whether the figures just measured meet them. */

export interface Measured {
  /** Text → Block Kit JSON in the compiled build, over the seed requests per language and over distinct texts. */
  readonly compiled?: Record<Language | 'all', Throughput>;
  readonly compiledDistinct?: Throughput;
  readonly http?: HttpFigures;
}

const mark = (met: boolean) => (met ? 'met   ' : 'MISSED');
const f = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printTargets(print: (line: string) => void, m: Measured): void {
  print('targets (issue 14)');
  const h = m.http;
  if (h !== undefined) {
    const { bot, answering, empty } = h.servers;
    const cpu = answering.cpuMicrosPerRequest / bot.cpuMicrosPerRequest;
    print(
      `  ${mark(cpu >= 0.6)}  CPU per request answering-bare/bot ≥ 0.6 (goal 0.8): ${cpu.toFixed(2)} (answering-bare ${f(answering.cpuMicrosPerRequest)} µs, bot ${f(bot.cpuMicrosPerRequest)} µs; distinct texts, compiled)${cpu >= 0.8 ? ' · goal met' : ''}`,
    );
    const rate = bot.requestsPerSecond / answering.requestsPerSecond;
    print(
      `  ${mark(rate >= 0.6)}  throughput bot/answering-bare ≥ 0.6: ${rate.toFixed(2)} (bot ${f(bot.requestsPerSecond)} req/s, answering-bare ${f(answering.requestsPerSecond)} req/s, same run)`,
    );
    const p99 = bot.p99 < 50 && bot.errors === 0;
    print(
      `  ${mark(p99)}  p99 < 50 ms at ${h.options.connections} connections, 0 errors: bot p99 ${bot.p99} ms (worst run ${bot.worstP99} ms), ${bot.errors} errors (answering-bare ${answering.p99} ms, ${answering.errors}; empty-bare ${empty.p99} ms, ${empty.errors})`,
    );
    const start = bot.readyMedianMs / empty.readyMedianMs;
    print(
      `  ${mark(start <= 1.3)}  start-up to the first answered signed request bot/bare ≤ 1.3: ${start.toFixed(2)} (bot ${f(bot.readyMedianMs)} ms, empty-bare ${f(empty.readyMedianMs)} ms, medians, both compiled)`,
    );
    const rss = bot.rssReady - empty.rssReady;
    print(
      `  ${mark(rss <= 30)}  RSS at ready bot − bare ≤ 30 MB: ${f(rss, 1)} MB (bot ${f(bot.rssReady, 1)}, empty-bare ${f(empty.rssReady, 1)}); after ${f(h.options.requests)} requests ${f(bot.rssAfterRequests - empty.rssAfterRequests, 1)} MB (bot ${f(bot.rssAfterRequests, 1)}, empty-bare ${f(empty.rssAfterRequests, 1)})`,
    );
  }
  if (m.compiled !== undefined) {
    const { en, zh, all } = m.compiled;
    const worst = Math.min(en.perSecond, zh.perSecond);
    const distinct =
      m.compiledDistinct === undefined
        ? ''
        : `; over distinct texts ${f(m.compiledDistinct.perSecond)} (${m.compiledDistinct.micros.toFixed(1)} µs)`;
    print(
      `  ${mark(worst >= 20_000)}  pipeline text → Block Kit JSON ≥ 20,000 answers/s, compiled: seed en ${f(en.perSecond)}, zh ${f(zh.perSecond)}, all ${f(all.perSecond)} (${all.micros.toFixed(1)} µs/answer)${distinct}`,
    );
  }
}
