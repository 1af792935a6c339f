import { benchNormalize } from './normalize.js';
import { benchPipeline } from './pipeline.js';

// `npm run bench`: figures, not pass/fail. Pass section names to run only some: npm run bench -- normalize
const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);
const print = (line: string) => console.log(line);

console.log(`stack-advisor benchmarks · node ${process.version} · ${new Date().toISOString()}\n`);
if (wanted('normalize')) {
  benchNormalize(print);
  console.log();
}
if (wanted('pipeline')) {
  benchPipeline(print);
  console.log();
}
