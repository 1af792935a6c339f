import { targetFor } from '../knowledge/commands.js';
import type { Knowledge } from '../knowledge/schema.js';
import type { Language } from '../language.js';
import { ok, type Result } from '../result.js';
import { buildKit } from './build.js';
import type { Kit } from './kit.js';
import { resolveKitStack } from './resolve.js';
import type { KitTemplates } from './schema.js';

/**
 * The kit of the stack an answer landed on, for the default application (what the answer's commands show). A form
 * without a stack row gets the resolver's failure, which names the closest stack. The README is in `language`.
 */
export function kitForForm(
  kb: Knowledge,
  templates: KitTemplates,
  normalForm: string,
  language: Language,
): Result<Kit> {
  const stack = resolveKitStack(kb, normalForm, (form) =>
    ok({ stackId: kb.stacks.find((s) => s.form === form)?.id, normalForm: form }),
  );
  if (!stack.ok) return stack;
  return buildKit(kb, templates, stack.value.id, targetFor(stack.value), language);
}
