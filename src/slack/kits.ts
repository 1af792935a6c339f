import type { KitTemplates } from '../kit/schema.js';
import type { Knowledge } from '../knowledge/schema.js';
import { readSnapshot } from '../knowledge/snapshot.js';
import { ok } from '../result.js';
import type { Services } from './services.js';

/** The shipped templates: the build's snapshot when current, else knowledge/kit.yaml read and validated. */
async function builtinTemplates(): Promise<KitTemplates> {
  const snapshot = readSnapshot('kit');
  if (snapshot !== undefined) return snapshot;
  const { loadKitTemplates } = await import('../kit/load.js');
  const loaded = loadKitTemplates();
  if (!loaded.ok) throw new Error(`kit templates: ${loaded.error.code} ${JSON.stringify(loaded.error.params)}`);
  return loaded.value;
}

/**
 * The Deploy kit service of the listeners: the kit of the stack a button names, its README in the answer's language,
 * with that stack's name. The shipped templates, and the kit code with them (yaml among it), are loaded on the first
 * press, not at start-up; the tests validate the templates, so a failure is a bug.
 */
export function kitService(kb: Knowledge, given?: KitTemplates): Services['kits'] {
  let templates: Promise<KitTemplates> | undefined = given === undefined ? undefined : Promise.resolve(given);
  return async (stackId, language) => {
    templates ??= builtinTemplates();
    templates.catch(() => {
      templates = undefined;
    });
    const [{ kitForForm }, loaded] = await Promise.all([import('../kit/for-form.js'), templates]);
    const kit = kitForForm(kb, loaded, stackId, language);
    if (!kit.ok) return kit;
    const stack = kb.stacks.find((s) => s.id === kit.value.stackId);
    return ok({ kit: kit.value, stackName: stack?.name ?? kit.value.stackId });
  };
}
