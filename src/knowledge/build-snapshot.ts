import { loadKitTemplates } from '../kit/load.js';
import { messages } from '../render/messages/index.js';
import { loadKnowledge } from './load.js';
import { SNAPSHOTS, writeSnapshot } from './snapshot.js';

/**
 * `npm run build`, after tsc: validates the built-in knowledge base and kit templates with their loaders and writes
 * the snapshots the compiled bot starts from (src/knowledge/snapshot.ts). An invalid file fails the build.
 */

const m = messages('en');
const knowledge = loadKnowledge();
if (!knowledge.ok) {
  process.stderr.write(`${m.failure(knowledge.error)}\n`);
  process.exit(1);
}
const kit = loadKitTemplates();
if (!kit.ok) {
  process.stderr.write(`${m.failure(kit.error)}\n`);
  process.exit(1);
}
writeSnapshot<'knowledge'>(knowledge.value, SNAPSHOTS.knowledge);
writeSnapshot<'kit'>(kit.value, SNAPSHOTS.kit);
