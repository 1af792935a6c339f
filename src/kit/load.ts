import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KIT_TEMPLATES_PATH } from '../knowledge/files.js';
import { formatPath } from '../knowledge/load.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { type KitTemplates, KitTemplatesSchema } from './schema.js';

export { KIT_TEMPLATES_PATH } from '../knowledge/files.js';

export type KitTemplatesFailure = Failure<'kit-templates-unreadable' | 'kit-templates-invalid'>;

/** Reads and validates the kit templates; a broken file is a failure naming the file and the first problem. */
export function loadKitTemplates(file: string = KIT_TEMPLATES_PATH): Result<KitTemplates, KitTemplatesFailure> {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail(failure('kit-templates-unreadable', { file, reason: reason.split('\n')[0] }));
  }
  const parsed = KitTemplatesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = formatPath(issue.path as PropertyKey[]);
    return fail(failure('kit-templates-invalid', { file, path: where, detail: issue.message }));
  }
  return ok(parsed.data);
}
