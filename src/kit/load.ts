import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatPath } from '../knowledge/load.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';
import { type KitTemplates, KitTemplatesSchema } from './schema.js';

/** The built-in kit templates, beside the knowledge base (knowledge/kit.yaml), from src/kit and dist/kit alike. */
export const KIT_TEMPLATES_PATH = fileURLToPath(new URL('../../knowledge/kit.yaml', import.meta.url));

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
