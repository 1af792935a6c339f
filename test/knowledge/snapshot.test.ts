import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedRequests } from '../../bench/pipeline.js';
import { distinctTexts } from '../../bench/texts.js';
import { Advisor } from '../../src/advisor/advisor.js';
import { KIT_TEMPLATES_PATH, loadKitTemplates } from '../../src/kit/load.js';
import { knowledgeAtStart } from '../../src/knowledge/at-start.js';
import { BUILTIN_PATH, loadKnowledge } from '../../src/knowledge/load.js';
import { readSnapshot, SNAPSHOTS, sourceHash, writeSnapshot } from '../../src/knowledge/snapshot.js';
import { answerMessage } from '../../src/render/blocks.js';

/**
 * The compiled bot starts from the build's snapshot of the built-in knowledge base and kit templates
 * (src/knowledge/snapshot.ts): it must be exactly what the YAML loaders produce, and never used once its YAML changed.
 */

const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-snapshot-'));

/** A snapshot made as `npm run build` makes it, from a copy of the YAML that the test may then change. */
function made<K extends 'knowledge' | 'kit'>(kind: K, value: Parameters<typeof writeSnapshot<K>>[0]) {
  const source = join(dir, `${kind}.yaml`);
  copyFileSync(kind === 'knowledge' ? BUILTIN_PATH : KIT_TEMPLATES_PATH, source);
  const where = { snapshot: join(dir, `${kind}.snapshot.json`), source };
  writeSnapshot<K>(value, where);
  return where;
}

const kb = loadKnowledge();
if (!kb.ok) throw new Error(kb.error.code);
const kit = loadKitTemplates();
if (!kit.ok) throw new Error(kit.error.code);

describe('the knowledge snapshot', () => {
  it('is exactly what the YAML loader produces (the same data, key for key)', () => {
    const where = made('knowledge', kb.value);
    const read = readSnapshot('knowledge', where);
    expect(read).toStrictEqual(JSON.parse(JSON.stringify(kb.value)));
    expect(read).toEqual(kb.value);
    // JSON keeps everything the loader makes: no undefined, Map, Set, Date or function anywhere in it.
    expect(JSON.parse(JSON.stringify(kb.value))).toStrictEqual(structuredClone(kb.value));
  });

  it('gives the same answers as the YAML, word for word, on the seed and on 1,000 generated requests', () => {
    const snapshot = readSnapshot('knowledge', made('knowledge', kb.value));
    if (snapshot === undefined) throw new Error('no snapshot');
    const fromYaml = new Advisor(kb.value);
    const fromSnapshot = new Advisor(snapshot);
    for (const text of [...seedRequests(), ...distinctTexts(1000)]) {
      const a = fromYaml.answer(text);
      const b = fromSnapshot.answer(text);
      expect(b).toEqual(a);
      if (a.ok && b.ok) expect(JSON.stringify(answerMessage(b.value))).toBe(JSON.stringify(answerMessage(a.value)));
    }
  });

  it('of the kit templates is exactly what their loader produces', () => {
    const read = readSnapshot('kit', made('kit', kit.value));
    expect(read).toStrictEqual(JSON.parse(JSON.stringify(kit.value)));
    expect(read).toEqual(kit.value);
  });

  it('is not used once its YAML has changed, is missing or is damaged', () => {
    const where = made('knowledge', kb.value);
    expect(readSnapshot('knowledge', where)).toBeDefined();
    writeFileSync(where.source, `${readFileSync(where.source, 'utf8')}\n# an edit\n`);
    expect(readSnapshot('knowledge', where)).toBeUndefined();

    const fresh = made('knowledge', kb.value);
    writeFileSync(fresh.snapshot, '{"format":1,"source":"');
    expect(readSnapshot('knowledge', fresh)).toBeUndefined();
    expect(readSnapshot('knowledge', { ...fresh, snapshot: join(dir, 'none.json') })).toBeUndefined();
    const other = made('knowledge', kb.value);
    const file = JSON.parse(readFileSync(other.snapshot, 'utf8')) as { format: number };
    writeFileSync(other.snapshot, JSON.stringify({ ...file, format: 0 }));
    expect(readSnapshot('knowledge', other)).toBeUndefined();
  });

  it('names the hash of the YAML it was made from', () => {
    const where = made('kit', kit.value);
    const file = JSON.parse(readFileSync(where.snapshot, 'utf8')) as { source: string };
    expect(file.source).toBe(sourceHash(readFileSync(KIT_TEMPLATES_PATH)));
    expect(file.source).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lives beside the compiled code, where the sources (tsx) have none: development reads the YAML', async () => {
    expect(SNAPSHOTS.knowledge.snapshot).toMatch(/[/\\]src[/\\]knowledge\.snapshot\.json$/);
    expect(readSnapshot('knowledge')).toBeUndefined();
    const started = await knowledgeAtStart();
    expect(started).toEqual(kb);
  });
});
