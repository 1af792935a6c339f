import { kitForForm } from '../kit/for-form.js';
import { loadKitTemplates } from '../kit/load.js';
import type { KitTemplates } from '../kit/schema.js';
import type { Knowledge } from '../knowledge/schema.js';
import { ok } from '../result.js';
import type { Services } from './services.js';

/**
 * The Deploy kit service of the listeners: the kit of the stack a button names, its README in the answer's language,
 * with that stack's name. The shipped
 * templates are read on the first press, not at start-up; the tests validate them, so a failure is a bug.
 */
export function kitService(kb: Knowledge, given?: KitTemplates): Services['kits'] {
  let templates = given;
  return (stackId, language) => {
    if (templates === undefined) {
      const loaded = loadKitTemplates();
      if (!loaded.ok) throw new Error(`kit templates: ${loaded.error.code} ${JSON.stringify(loaded.error.params)}`);
      templates = loaded.value;
    }
    const kit = kitForForm(kb, templates, stackId, language);
    if (!kit.ok) return kit;
    const stack = kb.stacks.find((s) => s.id === kit.value.stackId);
    return ok({ kit: kit.value, stackName: stack?.name ?? kit.value.stackId });
  };
}
