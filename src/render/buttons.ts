import type { ContextActionsBlock } from '@slack/types';
import type { z } from 'zod';
import type { Language } from '../language.js';
import { once, zod } from '../lazy-modules.js';
import { button } from './blocks-elements.js';
import type { Button } from './blocks-types.js';
import { LIMITS } from './limits.js';
import type { Messages } from './messages/index.js';
import { sharedValues } from './shared.js';

/**
 * The answer's buttons and what each carries: one typed action per button, encoded in its `value` (at most 2000
 * characters) as JSON, and decoded by `fromAction` for the Slack listeners. Ids and forms, never display text; the
 * language, so whatever the button answers stays in the language of the answer it sits under.
 */
export const ACTION = {
  share: 'share_in_channel',
  compare: 'compare_alternatives',
  explain: 'explain_operators',
  deployKit: 'deploy_kit',
  shareInThread: 'share_in_thread',
  recordDecision: 'record_decision',
  openForm: 'open_requirements_form',
  feedback: 'answer_feedback',
} as const;

export type ButtonAction =
  | { readonly kind: 'share'; readonly request: string; readonly language: Language }
  | { readonly kind: 'compare'; readonly forms: readonly string[]; readonly language: Language }
  | { readonly kind: 'explain'; readonly form: string; readonly language: Language }
  | { readonly kind: 'deploy-kit'; readonly stackId: string; readonly language: Language }
  | {
      readonly kind: 'share-in-thread';
      readonly request: string;
      readonly threadTs: string;
      readonly language: Language;
    }
  | { readonly kind: 'record-decision'; readonly language: Language }
  | { readonly kind: 'open-form'; readonly language: Language }
  | { readonly kind: 'feedback'; readonly positive: boolean; readonly form: string; readonly language: Language };

// Built on the first button press: zod is not loaded at start-up.
const valueSchema = once(() => {
  const { z } = zod();
  return z.object({
    l: z.enum(['en', 'zh']).optional(),
    r: z.string().optional(),
    f: z.array(z.string()).optional(),
    /** The thread a message shortcut's answer is shared into. */
    t: z.string().optional(),
  });
});

/**
 * `JSON.stringify({ l: language, ...body })`, with the keys in the order every caller writes them (r, f, t) and those
 * left undefined left out, without building the object: it runs for every button of every answer.
 */
export function encode(language: Language, body: { r?: string; f?: readonly string[]; t?: string }): string {
  let out = `{"l":${JSON.stringify(language)}`;
  if (body.r !== undefined) out += `,"r":${JSON.stringify(body.r)}`;
  if (body.f !== undefined) out += `,"f":${JSON.stringify(body.f)}`;
  if (body.t !== undefined) out += `,"t":${JSON.stringify(body.t)}`;
  return `${out}}`;
}

/** How many characters of the request the Share button carries. */
export const SHARE_LIMIT = 1900;

export function shareButton(m: Messages, request: string): Button {
  return button(m.buttons.share, ACTION.share, encode(m.language, { r: request.slice(0, SHARE_LIMIT) }), 'primary');
}

/** True when the request is too long to ride on the Share button whole. */
export const shareCutsRequest = (request: string): boolean => request.length > SHARE_LIMIT;

/** Compare the recommendation with its alternatives: as many forms as fit in the value, the first one always. */
export function compareButton(m: Messages, forms: readonly string[]): Button | undefined {
  const unique = [...new Set(forms)];
  if (unique.length < 2) return undefined;
  const kept: string[] = [];
  // The value's length form by form, as encode would make it: `{"l":…,"f":[` + the forms' JSON, comma-separated + `]}`.
  let length = encode(m.language, { f: [] }).length;
  for (const form of unique) {
    const added = JSON.stringify(form).length + (kept.length > 0 ? 1 : 0);
    if (length + added > LIMITS.buttonValue) break;
    length += added;
    kept.push(form);
  }
  return kept.length < 2 ? undefined : button(m.buttons.compare, ACTION.compare, encode(m.language, { f: kept }));
}

/**
 * Buttons that depend only on the language and a form or stack id (Explain operators, Deploy kit, the feedback
 * pair): built once for each, frozen, and shared by every answer that carries them. Bounded: a word typed by a user
 * can be any form.
 */
const keptButtons = sharedValues<Messages, unknown>(1024);
const keptFor = <T>(m: Messages, key: string, build: () => T): T => keptButtons(m, key, build) as T;

export function explainButton(m: Messages, normalForm: string): Button {
  return keptFor(m, `explain\u0000${normalForm}`, () =>
    button(m.buttons.explain, ACTION.explain, encode(m.language, { f: [normalForm.slice(0, 1000)] })),
  );
}

/** Deploy kit: carries the id of the stack whose commands the message shows, so the kit holds exactly their files. */
export function deployKitButton(m: Messages, stackId: string): Button {
  return keptFor(m, `kit\u0000${stackId}`, () =>
    button(m.buttons.deployKit, ACTION.deployKit, encode(m.language, { r: stackId.slice(0, 200) })),
  );
}

/** Share in thread: a message shortcut's private answer, asked again and posted in the message's thread. */
export function shareInThreadButton(m: Messages, request: string, threadTs: string): Button {
  const value = encode(m.language, { r: request.slice(0, SHARE_LIMIT), t: threadTs.slice(0, 40) });
  return button(m.review.buttons.shareInThread, ACTION.shareInThread, value, 'primary');
}

/** Record decision: the thread's latest answer as a decision record, uploaded into the thread. */
export function recordDecisionButton(m: Messages): Button {
  return button(m.review.buttons.recordDecision, ACTION.recordDecision, encode(m.language, {}));
}

/** The Home tab's way into the requirements form, in the Home tab's language. */
export function openFormButton(m: Messages): Button {
  return button(m.review.form.open, ACTION.openForm, encode(m.language, {}), 'primary');
}

/** Feedback under an answer: thumbs up and down, each carrying the normal form the answer landed on. */
export function feedbackBlock(m: Messages, normalForm: string): ContextActionsBlock {
  return keptFor(m, `feedback\u0000${normalForm}`, () => feedbackBlockOf(m, normalForm));
}

function feedbackBlockOf(m: Messages, normalForm: string): ContextActionsBlock {
  const value = (r: 'positive' | 'negative') => encode(m.language, { r, f: [normalForm.slice(0, 500)] });
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: { text: { type: 'plain_text', text: m.review.feedback.good }, value: value('positive') },
        negative_button: { text: { type: 'plain_text', text: m.review.feedback.bad }, value: value('negative') },
      },
    ],
  };
}

/** The forms of a normal form as printed (`V∘S∘C∘M`), without the empty word. */
export function operatorsOf(normalForm: string): string[] {
  return normalForm
    .split('∘')
    .map((op) => op.trim())
    .filter((op) => op !== '' && op !== '∅');
}

/**
 * What a pressed button asks for, or undefined for an unknown action. A value that is not this codec's JSON (a
 * button from before the language was carried) is read the old way: the plain request, stack id or `a | b` forms.
 */
export function fromAction(actionId: string, value: string | undefined): ButtonAction | undefined {
  const raw = value ?? '';
  let parsed: z.infer<ReturnType<typeof valueSchema>> | undefined;
  if (raw.startsWith('{')) {
    try {
      const v = valueSchema().safeParse(JSON.parse(raw));
      parsed = v.success ? v.data : undefined;
    } catch {
      parsed = undefined;
    }
  }
  const language: Language = parsed?.l ?? 'en';
  const text = parsed === undefined ? raw : (parsed.r ?? '');
  const forms =
    parsed?.f ??
    raw
      .split('|')
      .map((f) => f.trim())
      .filter((f) => f !== '');
  switch (actionId) {
    case ACTION.share:
      return { kind: 'share', request: text, language };
    case ACTION.compare:
      return { kind: 'compare', forms, language };
    case ACTION.explain:
      return { kind: 'explain', form: parsed?.f?.[0] ?? raw, language };
    case ACTION.deployKit:
      return { kind: 'deploy-kit', stackId: text, language };
    case ACTION.shareInThread:
      return parsed?.t === undefined
        ? undefined
        : { kind: 'share-in-thread', request: text, threadTs: parsed.t, language };
    case ACTION.recordDecision:
      return { kind: 'record-decision', language };
    case ACTION.openForm:
      return { kind: 'open-form', language };
    case ACTION.feedback:
      return { kind: 'feedback', positive: text === 'positive', form: parsed?.f?.[0] ?? '', language };
    default:
      return undefined;
  }
}
