import { basename } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { readRegularFile } from '../read-file.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { BUILTIN_PATH } from './files.js';
import { type Knowledge, KnowledgeSchema, missingTranslations } from './schema.js';

export { BUILTIN_PATH } from './files.js';

export type KnowledgeFailure = Failure<'knowledge-unreadable' | 'knowledge-syntax' | 'knowledge-invalid'>;

interface Source {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** Prints a path the way people read it: `stacks[2].commands[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

// The built-in file is about 60 KB; an overlay a hundred times that is not a platform team's additions but a mistake
// (a log, a dump, /dev/zero), and parsing it would take the memory of the host.
export const MAX_KNOWLEDGE_BYTES = 5 * 1024 * 1024;

/** The file's text, if it is a regular file of at most MAX_KNOWLEDGE_BYTES; never blocks on a FIFO or a device. */
function readText(file: string): Result<string, KnowledgeFailure> {
  const read = readRegularFile(file, MAX_KNOWLEDGE_BYTES);
  return read.ok ? ok(read.value.text) : fail(failure('knowledge-unreadable', { file, reason: read.reason }));
}

function readSource(file: string): Result<Source, KnowledgeFailure> {
  const read = readText(file);
  if (!read.ok) return read;
  const text = read.value;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0].line;
    return fail(
      failure('knowledge-syntax', {
        file,
        ...(line === undefined ? {} : { line }),
        detail: first.message.split('\n')[0],
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml's guard against alias bombs ("billion laughs") throws here, after a clean parse.
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return fail(failure('knowledge-syntax', { file, detail, expansion: true }));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(failure('knowledge-invalid', { file, path: '', detail: 'not a YAML mapping' }));
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // The deepest node that exists on the path: a missing field points at its parent entry.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      const at = node && (isMap(node) || isSeq(node) || 'range' in node) ? node.range?.[0] : undefined;
      if (at !== undefined) return lineCounter.linePos(at).line;
    }
    return undefined;
  };
  return ok({ file, data: data as Record<string, unknown>, lineOf });
}

// Keyed lists of the knowledge file and the field that identifies an entry.
const KEYS: Record<string, string> = {
  operators: 'symbol',
  metrics: 'form',
  stacks: 'id',
  needs: 'id',
  quantities: 'id',
  corrections: 'wrong',
  decision_matrix: 'form',
  terms: 'operator',
  topics: 'id',
};

interface Origin {
  readonly source: Source;
  readonly path: readonly PropertyKey[];
}

/**
 * Merges an overlay over the built-in data (rules in README "Your own knowledge"): keyed lists merge entry by entry
 * (same key: fields replaced, `remove: true` deletes; new key: appended), `filler` and `negation` word lists are
 * unioned, other top-level fields are replaced, and the version becomes `base+overlay`.
 */
function merge(base: Source, overlay: Source): { data: Record<string, unknown>; origins: Map<string, Origin> } {
  const data: Record<string, unknown> = { ...base.data };
  const origins = new Map<string, Origin>();
  for (const [field, value] of Object.entries(overlay.data)) {
    const key = KEYS[field];
    if (key !== undefined && Array.isArray(value) && Array.isArray(base.data[field])) {
      const merged = [...(base.data[field] as Record<string, unknown>[])];
      value.forEach((entry: unknown, i) => {
        if (typeof entry !== 'object' || entry === null) {
          origins.set(`${field}.${merged.length}`, { source: overlay, path: [field, i] });
          merged.push(entry as Record<string, unknown>);
          return;
        }
        const record = entry as Record<string, unknown>;
        const at = merged.findIndex((old) => old[key] === record[key]);
        if (record.remove === true) {
          if (at >= 0) merged.splice(at, 1);
          return;
        }
        if (at >= 0) merged[at] = { ...merged[at], ...record };
        const index = at >= 0 ? at : merged.push(record) - 1;
        origins.set(`${field}.${index}`, { source: overlay, path: [field, i] });
      });
      data[field] = merged;
    } else if ((field === 'filler' || field === 'negation') && typeof value === 'object' && value !== null) {
      data[field] = unionWords(base.data[field], value);
    } else if (field !== 'version') {
      data[field] = value;
      origins.set(field, { source: overlay, path: [field] });
    }
  }
  // Answers from a merged base say so, whether or not the overlay names a version of its own.
  const own = overlay.data.version ?? basename(overlay.file).replace(/\.ya?ml$/i, '');
  data.version = `${String(base.data.version)}+${String(own)}`;
  return { data, origins };
}

function unionWords(base: unknown, extra: unknown): unknown {
  if (typeof base !== 'object' || base === null || typeof extra !== 'object' || extra === null) return extra;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) {
    const old = out[k];
    out[k] = Array.isArray(old) && Array.isArray(v) ? [...new Set([...old, ...v])] : unionWords(old, v);
  }
  return out;
}

function explain(issue: z.core.$ZodIssue, base: Source, origins: Map<string, Origin>): KnowledgeFailure {
  const path = issue.path as PropertyKey[];
  const origin = origins.get(`${String(path[0])}.${String(path[1])}`) ?? origins.get(String(path[0]));
  const source = origin?.source ?? base;
  const inFile = origin ? [...origin.path, ...path.slice(origin.path.length)] : path;
  const where = formatPath(inFile);
  const line = source.lineOf(inFile);
  return failure('knowledge-invalid', {
    file: source.file,
    path: where,
    ...(line === undefined ? {} : { line }),
    detail: issue.message,
  });
}

/** Reads, merges and validates the knowledge base: the built-in file, then the overlay at `overlayPath` if given. */
export function loadKnowledge(
  options: { basePath?: string; overlayPath?: string } = {},
): Result<Knowledge, KnowledgeFailure> {
  const base = readSource(options.basePath ?? BUILTIN_PATH);
  if (!base.ok) return base;
  // The base file gives every text a user reads in both languages; an overlay may give one.
  const [untranslated] = missingTranslations(base.value.data);
  if (untranslated !== undefined) {
    const line = base.value.lineOf(untranslated.path);
    return fail(
      failure('knowledge-invalid', {
        file: base.value.file,
        path: formatPath(untranslated.path),
        ...(line === undefined ? {} : { line }),
        detail: 'give this text in English and Chinese: { en: …, zh: … }',
      }),
    );
  }
  let data = base.value.data;
  let origins = new Map<string, Origin>();
  if (options.overlayPath !== undefined && options.overlayPath !== '') {
    const overlay = readSource(options.overlayPath);
    if (!overlay.ok) return overlay;
    ({ data, origins } = merge(base.value, overlay.value));
  }
  const parsed = KnowledgeSchema.safeParse(data);
  if (!parsed.success) return fail(explain(parsed.error.issues[0], base.value, origins));
  return ok(parsed.data);
}
