import type { Logger, webApi } from '@slack/bolt';
import type { Language } from '../language.js';
import { requirementsForm } from '../render/form.js';

/** Opens the requirements form with a trigger id: first thing after the acknowledgement, the id lives 3 seconds. */
export async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  language: Language,
  logger: Logger,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: requirementsForm(language) });
  } catch (error) {
    logger.error('Could not open the requirements form:', error);
  }
}
