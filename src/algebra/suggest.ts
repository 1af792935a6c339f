import { SYMBOLS, spellings } from './operators.js';

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

const BY_LENGTH = [...SYMBOLS].sort((x, y) => y.length - x.length);

/** Splits a run-together token such as `ICSM` into exact symbols, or returns undefined. */
function segment(token: string): string[] | undefined {
  const parts: string[] = [];
  let at = 0;
  while (at < token.length) {
    const next = BY_LENGTH.find((s) => token.startsWith(s, at));
    if (next === undefined) return undefined;
    parts.push(next);
    at += next.length;
  }
  return parts.length > 1 ? parts : undefined;
}

/** The valid spelling nearest to an unknown token, written as the user should type it. */
export function suggestFor(token: string): string | undefined {
  const parts = segment(token);
  if (parts) return parts.join('∘');
  const lower = token.toLowerCase();
  let best: { spelling: string; distance: number } | undefined;
  for (const [spelling, letter] of spellings()) {
    const distance = editDistance(lower, spelling);
    if (best === undefined || distance < best.distance) best = { spelling: letter, distance };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(lower.length / 2));
  return best.distance <= limit ? best.spelling : undefined;
}
