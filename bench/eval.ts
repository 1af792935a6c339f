/**
 * `npm run eval`: answers every message of the evaluation corpus as `/stack` would and prints accuracy overall, per
 * split, language, style and expected outcome, and the confusion pairs. Deterministic: no clock, no randomness.
 *
 *   npm run eval                     the tables (Markdown)
 *   npm run eval -- --misses         and every case that failed, with what it got
 *   npm run eval -- --split dev      only one half (dev | held-out)
 *   npm run eval -- --json           the report as JSON
 */
import { Advisor } from '../src/advisor/advisor.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { loadCorpus, type Split, splitOf } from './eval/corpus.js';
import { markdown, report } from './eval/report.js';
import { scoreCase } from './eval/score.js';

const args = process.argv.slice(2);
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
if (splitArg !== undefined && splitArg !== 'dev' && splitArg !== 'held-out') {
  console.error('--split takes dev or held-out');
  process.exit(2);
}
const kb = loadKnowledge();
if (!kb.ok) {
  console.error(`knowledge: ${kb.error.code}`);
  process.exit(1);
}
const advisor = new Advisor(kb.value);
const cases = loadCorpus().filter((c) => splitArg === undefined || splitOf(c.id) === (splitArg as Split));
const scored = cases.map((c) => scoreCase(advisor, c));
const r = report(scored);
if (args.includes('--json')) console.log(JSON.stringify(r, null, 2));
else console.log(markdown(r));
if (args.includes('--misses')) {
  console.log('\nMisses:\n');
  for (const s of scored.filter((x) => !x.pass)) {
    console.log(`${s.case.id} [${splitOf(s.case.id)}] expected ${s.expected}, got ${s.got}\n    ${s.case.text}`);
  }
}
