/**
 * How many generated cases each fuzz property runs, in one place: the issue asks for at least 10,000 in total across
 * the parser, the normalizer, the advisor and the Slack renderer, in CI-friendly time (a few seconds on 2 cores).
 */
export const RUNS = {
  parse: 2500,
  normalize: 2500,
  answer: 2000,
  followUp: 1000,
  command: 2000,
  mention: 600,
  share: 400,
  buttons: 400,
  failure: 300,
  home: 300,
} as const;

export const TOTAL_RUNS = Object.values(RUNS).reduce((sum, n) => sum + n, 0);
