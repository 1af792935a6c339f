import { normalize } from '../src/algebra/normalize.js';
import type { Letter } from '../src/algebra/operators.js';
import { parseWord } from '../src/algebra/parse.js';

/** Time per operator of parse + normalize for words of 10^3 … 10^6 operators: it must stay flat (linear time). */
export function benchNormalize(print: (line: string) => void): void {
  // One head near the front, then repeats, no-ops and add-ons: every phase of normalization has work to do.
  const pattern: Letter[] = ['C', 'M', '∅', 'C', 'S', 'M', 'Otel', 'C', 'S', 'S'];
  const wordOf = (n: number): Letter[] => [
    'S',
    'V',
    ...Array.from({ length: n - 2 }, (_, i) => pattern[i % pattern.length]),
  ];
  print('normalize: parse + normalize (with the steps) of one word');
  print('  operators      total ms     ns/operator   (parse ns/op)   steps printed too: ns/operator');
  for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
    const word = wordOf(n);
    const text = word.join('∘');
    const runs = Math.max(3, Math.min(200, Math.floor(2_000_000 / n)));
    // Warm up, then take the median of `runs`.
    for (let i = 0; i < 2; i++) normalize(word);
    const times: number[] = [];
    const parseTimes: number[] = [];
    const printedTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const parsed = parseWord(text);
      const t1 = performance.now();
      if (!parsed.ok) throw new Error(parsed.error.code);
      const result = normalize(parsed.value);
      const t2 = performance.now();
      if (!result.ok || result.value.normalForm.head !== 'V') throw new Error('unexpected normal form');
      times.push(t2 - t0);
      parseTimes.push(t1 - t0);
      // Reading every step materializes the words before and after it (the CLI and Slack do this).
      for (const st of result.value.steps) if (st.before.length + st.after.length < 0) throw new Error('unreachable');
      printedTimes.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const total = median(times);
    print(
      `  ${String(n).padStart(9)}  ${total.toFixed(3).padStart(11)}  ${((total * 1e6) / n).toFixed(1).padStart(14)}   (${((median(parseTimes) * 1e6) / n).toFixed(1).padStart(6)})   ${((median(printedTimes) * 1e6) / n).toFixed(1).padStart(10)}`,
    );
  }
}
