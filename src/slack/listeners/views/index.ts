import type { App, ViewSubmitAction } from '@slack/bolt';
import { FORM_CALLBACK } from '../../../render/form.js';
import type { Services } from '../../services.js';
import { requirementsSubmittedCallback } from './requirements-submitted.js';

/** Modal submissions, one listener each; the catch-all in `unhandled` leaves these callback ids alone. */
export function register(app: App, services: Services): void {
  app.view<ViewSubmitAction>(
    { callback_id: FORM_CALLBACK, type: 'view_submission' },
    requirementsSubmittedCallback(services),
  );
}
