import type { InputBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import type { Language } from '../language.js';
import { type Messages, messages } from './messages/index.js';

/**
 * The requirements form, as a Slack modal: number fields for the limits, choices for the rest, and free text. Static
 * for a language, so it is built before any slow work (a trigger id lives 3 seconds).
 */

export const FORM_CALLBACK = 'stack_requirements';
/** Every input's action id: the block id names the field. */
export const FIELD_ACTION = 'value';

/** The compliance regimes offered, by id: their own names, the same in both languages. */
export const REGIMES = {
  pci: 'PCI DSS',
  soc2: 'SOC 2',
  hipaa: 'HIPAA',
  gdpr: 'GDPR',
  iso27001: 'ISO 27001',
  dengbao: '等保 (MLPS)',
  fedramp: 'FedRAMP',
} as const;

export const NUMBER_FIELDS = ['latency', 'cold_start', 'memory'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
export const CHOICES = {
  tenancy: ['single', 'multi'],
  mesh: ['sidecar', 'ambient', 'none', 'any'],
  isolation: ['vm', 'strong', 'no-vm', 'any'],
} as const;
export const FIELDS = [
  ...NUMBER_FIELDS,
  'compliance',
  'tenancy',
  'edge',
  'mesh',
  'isolation',
  'text',
  'conversation',
] as const;
export type Field = (typeof FIELDS)[number];

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

function numberField(id: NumberField, label: string): InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional: true,
    label: plain(label),
    element: { type: 'number_input', action_id: FIELD_ACTION, is_decimal_allowed: true, min_value: '0' },
  };
}

function radio(id: 'tenancy' | 'mesh' | 'isolation', label: string, options: readonly Option[]): InputBlock {
  return {
    type: 'input',
    block_id: id,
    optional: true,
    label: plain(label),
    element: { type: 'radio_buttons', action_id: FIELD_ACTION, options: [...options] as PlainTextOption[] },
  };
}

/** The form in one language; the language rides in `private_metadata` so the answer and its errors stay in it. */
export function requirementsForm(language: Language): ModalView {
  const m: Messages = messages(language);
  const f = m.review.form;
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify({ l: language }),
    title: plain(f.title.slice(0, 24)),
    submit: plain(f.submit.slice(0, 24)),
    close: plain(f.close.slice(0, 24)),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: f.intro }] },
      numberField('latency', f.latency),
      numberField('cold_start', f.coldStart),
      numberField('memory', f.memory),
      {
        type: 'input',
        block_id: 'compliance',
        optional: true,
        label: plain(f.compliance),
        element: {
          type: 'multi_static_select',
          action_id: FIELD_ACTION,
          options: Object.entries(REGIMES).map(([id, name]) => option(name, id)),
        },
      },
      radio(
        'tenancy',
        f.tenancy,
        CHOICES.tenancy.map((c) => option(f.tenancyOptions[c], c)),
      ),
      {
        type: 'input',
        block_id: 'edge',
        optional: true,
        label: plain(f.edge),
        element: { type: 'checkboxes', action_id: FIELD_ACTION, options: [option(f.edgeOption, 'edge')] },
      },
      radio(
        'mesh',
        f.mesh,
        CHOICES.mesh.map((c) => option(f.meshOptions[c], c)),
      ),
      radio(
        'isolation',
        f.isolation,
        CHOICES.isolation.map((c) => option(f.isolationOptions[c], c)),
      ),
      {
        type: 'input',
        block_id: 'text',
        optional: true,
        label: plain(f.text),
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION,
          multiline: true,
          max_length: 3000,
          placeholder: plain(f.textHint),
        },
      },
      {
        type: 'input',
        block_id: 'conversation',
        optional: true,
        label: plain(f.conversation),
        hint: plain(f.conversationHint),
        element: { type: 'conversations_select', action_id: FIELD_ACTION, filter: { exclude_bot_users: true } },
      },
    ],
  };
}
