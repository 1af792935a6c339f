import { button } from './blocks-elements.js';
import type { Button } from './blocks-types.js';
import { LIMITS } from './limits.js';
import type { Phrases } from './phrases.js';

/**
 * The answer's buttons and what each carries in its `value` (at most 2000 characters): the request text or the normal
 * forms the answer can be rebuilt from, never the blocks themselves. The Slack listeners decode them with the
 * functions below.
 */
export const ACTION = {
  share: 'share_in_channel',
  compare: 'compare_alternatives',
  explain: 'explain_operators',
  /** The value is the id of the stack whose commands the message shows. */
  deployKit: 'deploy_kit',
} as const;

/** The separator of `/stack compare a | b`, reused for the Compare button's value. */
const SEPARATOR = ' | ';

export function shareButton(p: Phrases, request: string): Button {
  return button(p.buttons.share, ACTION.share, request.slice(0, LIMITS.buttonValue), 'primary');
}

/** True when the request is too long to ride on the Share button whole. */
export const shareCutsRequest = (request: string): boolean => request.length > LIMITS.buttonValue;

/** Compare the recommendation with its alternatives: as many forms as fit in the value, the first one always. */
export function compareButton(p: Phrases, forms: readonly string[]): Button | undefined {
  const unique = [...new Set(forms)];
  if (unique.length < 2) return undefined;
  let value = unique[0];
  for (const form of unique.slice(1)) {
    if (value.length + SEPARATOR.length + form.length > LIMITS.buttonValue) break;
    value += `${SEPARATOR}${form}`;
  }
  return button(p.buttons.compare, ACTION.compare, value);
}

export function explainButton(p: Phrases, normalForm: string): Button {
  return button(p.buttons.explain, ACTION.explain, normalForm.slice(0, LIMITS.buttonValue));
}

/** Deploy kit: carries the id of the stack whose commands the message shows, so the kit holds exactly their files. */
export function deployKitButton(p: Phrases, stackId: string): Button {
  return button(p.buttons.deployKit, ACTION.deployKit, stackId.slice(0, LIMITS.buttonValue));
}

/** The forms a Compare button carries. */
export function comparedForms(value: string): string[] {
  return value
    .split('|')
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

/** The operators of a normal form as printed (`V∘S∘C∘M`), for the Explain button. */
export function operatorsOf(normalForm: string): string[] {
  return normalForm
    .split('∘')
    .map((op) => op.trim())
    .filter((op) => op !== '' && op !== '∅');
}
