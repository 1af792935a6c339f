import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KitTemplates } from '../kit/schema.js';
import { BUILTIN_PATH, KIT_TEMPLATES_PATH } from './files.js';
import type { Knowledge } from './schema.js';

/**
 * The built-in knowledge base and kit templates as the build validated them: `npm run build` loads
 * knowledge/stack-advisor.yaml and knowledge/kit.yaml with their loaders (YAML parse, zod) and writes what they
 * produce beside the compiled code (dist/knowledge.snapshot.json, dist/kit.snapshot.json). The compiled bot reads
 * that JSON instead: no YAML parse, no zod, ~150 ms less start-up. Each snapshot names the SHA-256 of the YAML it was
 * made from; a snapshot whose source has changed since (or that is missing, as under tsx in development) is not used,
 * and the caller reads the YAML as before.
 */

const FORMAT = 1;

export interface SnapshotKinds {
  readonly knowledge: Knowledge;
  readonly kit: KitTemplates;
}
export type SnapshotKind = keyof SnapshotKinds;

interface SnapshotFile<K extends SnapshotKind> {
  readonly format: number;
  /** SHA-256 (hex) of the source YAML. */
  readonly source: string;
  readonly value: SnapshotKinds[K];
}

/** Where each snapshot is read from and made from: from dist/knowledge/snapshot.js, dist/<kind>.snapshot.json. */
export const SNAPSHOTS: Record<SnapshotKind, { readonly snapshot: string; readonly source: string }> = {
  knowledge: {
    snapshot: fileURLToPath(new URL('../knowledge.snapshot.json', import.meta.url)),
    source: BUILTIN_PATH,
  },
  kit: { snapshot: fileURLToPath(new URL('../kit.snapshot.json', import.meta.url)), source: KIT_TEMPLATES_PATH },
};

export const sourceHash = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The snapshot's value, or undefined when there is none, it is unreadable, or its source YAML has changed. */
export function readSnapshot<K extends SnapshotKind>(
  kind: K,
  where: { readonly snapshot: string; readonly source: string } = SNAPSHOTS[kind],
): SnapshotKinds[K] | undefined {
  try {
    const file = JSON.parse(readFileSync(where.snapshot, 'utf8')) as SnapshotFile<K>;
    if (file.format !== FORMAT || file.source !== sourceHash(readFileSync(where.source))) return undefined;
    return file.value;
  } catch {
    return undefined;
  }
}

/** Writes a snapshot of `value`, made from the YAML at `where.source` (read now, for its hash). */
export function writeSnapshot<K extends SnapshotKind>(
  value: SnapshotKinds[K],
  where: { readonly snapshot: string; readonly source: string },
): void {
  const file: SnapshotFile<K> = { format: FORMAT, source: sourceHash(readFileSync(where.source)), value };
  writeFileSync(where.snapshot, `${JSON.stringify(file)}\n`);
}
