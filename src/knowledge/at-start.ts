import type { Result } from '../result.js';
import type { KnowledgeFailure } from './load.js';
import type { Knowledge } from './schema.js';
import { readSnapshot } from './snapshot.js';

/**
 * The knowledge base the bot starts with: the build's snapshot of the built-in file when there is no overlay and the
 * snapshot is current; otherwise the YAML, read and validated as always (the loader, and with it yaml and zod, is
 * imported only then).
 */
export async function knowledgeAtStart(overlayPath?: string): Promise<Result<Knowledge, KnowledgeFailure>> {
  if (overlayPath === undefined || overlayPath === '') {
    const snapshot = readSnapshot('knowledge');
    if (snapshot !== undefined) return { ok: true, value: snapshot };
  }
  const { loadKnowledge } = await import('./load.js');
  return loadKnowledge(overlayPath === undefined ? {} : { overlayPath });
}
