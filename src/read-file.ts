import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { UnreadableReason } from './failure.js';

/** A file's text and when it was last modified. */
export interface FileText {
  readonly text: string;
  readonly modified: Date;
}

/**
 * The text of a regular file of at most `limit` bytes, or why not. Never blocks on a FIFO or a device: the file is
 * opened non-blocking and looked at (fstat) before anything is read.
 */
export function readRegularFile(
  file: string,
  limit: number,
): { ok: true; value: FileText } | { ok: false; reason: UnreadableReason } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason: code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', code: code ?? String(error) },
    };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: { kind: 'directory' } };
    if (!stat.isFile()) return { ok: false, reason: { kind: 'not-a-file' } };
    if (stat.size > limit) return { ok: false, reason: { kind: 'too-large', size: stat.size, limit } };
    return { ok: true, value: { text: readFileSync(fd, 'utf8'), modified: stat.mtime } };
  } catch (error) {
    return { ok: false, reason: { kind: 'error', code: (error as NodeJS.ErrnoException).code ?? String(error) } };
  } finally {
    closeSync(fd);
  }
}
