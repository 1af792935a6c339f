import type { Lexicon } from './lexicon.js';

const EN: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_WORD = `(?:${[...Object.keys(EN), 'hundred', 'thousand'].join('|')})`;
const EN_RUN = new RegExp(`(?<![a-z0-9])${EN_WORD}(?:[\\s-]+(?:and[\\s-]+)?${EN_WORD})*(?![a-z0-9])`, 'g');
const ZH_DIGIT: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_RUN = /[零一二两三四五六七八九十百千]+/g;

function english(run: string): number {
  let total = 0;
  let current = 0;
  for (const word of run.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else current += EN[word] ?? 0;
  }
  return total + current;
}

function chinese(run: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch === '十' || ch === '百' || ch === '千') {
      total += (digit || 1) * (ch === '十' ? 10 : ch === '百' ? 100 : 1000);
      digit = 0;
    } else digit = ZH_DIGIT[ch] ?? 0;
  }
  return total + digit;
}

/**
 * Writes numbers spelled in words as digits when a unit follows them: `ten milliseconds` → `10 milliseconds`,
 * `五十兆` → `50兆`, `冷启动小于十毫秒` → `冷启动小于10毫秒`. Other number words ("one mesh") stay as they are.
 */
export function spellNumbers(text: string, lexicon: Lexicon): string {
  if (!/[a-z零一二两三四五六七八九十百千]/.test(text)) return text;
  const replace = (pattern: RegExp, value: (run: string) => number) => (input: string) =>
    input.replace(pattern, (run, offset: number) => {
      let at = offset + run.length;
      while (at < input.length && input[at] === ' ') at++;
      return lexicon.units.matchAt(input, at) === undefined ? run : String(value(run));
    });
  return replace(ZH_RUN, chinese)(replace(EN_RUN, english)(text));
}
