import { MAX_REQUEST } from '../advisor/advisor.js';
import type { Carried } from '../advisor/answer.js';
import type { Language } from '../language.js';
import { CHOICES, FIELD_ACTION, type Field, NUMBER_FIELDS, REGIMES } from '../render/form.js';
import { messages } from '../render/messages/index.js';

/**
 * A submitted requirements form read into requirements as facts (no text round-trip), or the fields that are wrong.
 * Whatever the client checked, every value is checked again here: a forged submission gets the same field errors.
 */

export type FormError = keyof ReturnType<typeof messages>['review']['form']['errors'];

export interface FormRequirements {
  readonly carried: Carried;
  /** The free text, parsed by the advisor with the fields. */
  readonly text: string;
  /** Where the answer goes: a conversation picked in the form, or none (the submitter's DM). */
  readonly conversation?: string;
}

export type FormResult =
  | { readonly ok: true; readonly value: FormRequirements }
  | { readonly ok: false; readonly errors: Partial<Record<Field, FormError>> };

type State = Record<string, Record<string, unknown>>;

/** Limits beyond this are not limits a person means (a week, a terabyte). */
const MAX_NUMBER = { latency: 604_800_000, cold_start: 604_800_000, memory: 1_048_576 } as const;
const QUANTITY = { latency: 'latency', cold_start: 'cold_start', memory: 'memory' } as const;
const UNIT = { latency: 'ms', cold_start: 'ms', memory: 'MB' } as const;

function field(state: State, id: Field): Record<string, unknown> | undefined {
  const block = state[id];
  const value = typeof block === 'object' && block !== null ? block[FIELD_ACTION] : undefined;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

const optionValue = (o: unknown): unknown =>
  typeof o === 'object' && o !== null ? (o as { value?: unknown }).value : undefined;

/** Reads the form's values (`view.state.values`) in the form's language. */
export function readForm(values: unknown, language: Language): FormResult {
  const state: State = typeof values === 'object' && values !== null ? (values as State) : {};
  const f = messages(language).review.form;
  const errors: Partial<Record<Field, FormError>> = {};
  const needs: Carried['needs'] = [];
  const constraints: Carried['constraints'] = [];
  const labels = { latency: f.latency, cold_start: f.coldStart, memory: f.memory };

  for (const id of NUMBER_FIELDS) {
    const raw = field(state, id)?.value;
    if (raw === undefined || raw === null || raw === '') continue;
    const n = typeof raw === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(n)) errors[id] = 'not-a-number';
    else if (n < 0) errors[id] = 'negative';
    else if (n > MAX_NUMBER[id]) errors[id] = 'too-large';
    else
      constraints.push({
        quantity: QUANTITY[id],
        comparator: '<=',
        value: n,
        unit: UNIT[id],
        text: f.asked(labels[id], n, UNIT[id]),
      });
  }

  const regimes = field(state, 'compliance')?.selected_options;
  if (regimes !== undefined && regimes !== null) {
    const ids = Array.isArray(regimes) ? regimes.map(optionValue) : [undefined];
    if (ids.some((id) => typeof id !== 'string' || !Object.hasOwn(REGIMES, id))) errors.compliance = 'unknown-option';
    else if (ids.length > 0)
      needs.push({
        need: 'compliance',
        negated: false,
        text: ids.map((id) => REGIMES[id as keyof typeof REGIMES]).join(', '),
      });
  }

  const choice = <K extends keyof typeof CHOICES>(id: K): (typeof CHOICES)[K][number] | undefined => {
    const selected = field(state, id)?.selected_option;
    if (selected === undefined || selected === null) return undefined;
    const v = optionValue(selected);
    if (typeof v === 'string' && (CHOICES[id] as readonly string[]).includes(v))
      return v as (typeof CHOICES)[K][number];
    errors[id] = 'unknown-option';
    return undefined;
  };
  if (choice('tenancy') === 'multi') needs.push({ need: 'multi-tenant', negated: false, text: f.tenancyOptions.multi });
  const mesh = choice('mesh');
  if (mesh === 'sidecar') needs.push({ need: 'sidecar', negated: false, text: f.meshOptions.sidecar });
  if (mesh === 'ambient') needs.push({ need: 'ambient', negated: false, text: f.meshOptions.ambient });
  if (mesh === 'none') needs.push({ need: 'service-mesh', negated: true, text: f.meshOptions.none });
  const isolation = choice('isolation');
  if (isolation === 'vm') needs.push({ need: 'vm-isolation', negated: false, text: f.isolationOptions.vm });
  if (isolation === 'strong' || isolation === 'no-vm') {
    needs.push({ need: 'strong-isolation', negated: false, text: f.isolationOptions[isolation] });
  }
  if (isolation === 'no-vm') needs.push({ need: 'vm-isolation', negated: true, text: f.isolationOptions['no-vm'] });

  const edge = field(state, 'edge')?.selected_options;
  if (edge !== undefined && edge !== null) {
    const ids = Array.isArray(edge) ? edge.map(optionValue) : [undefined];
    if (ids.some((id) => id !== 'edge')) errors.edge = 'unknown-option';
    else if (ids.length > 0) needs.push({ need: 'edge', negated: false, text: f.edgeOption });
  }

  const rawText = field(state, 'text')?.value;
  const text = typeof rawText === 'string' ? rawText.trim() : '';
  if (rawText !== undefined && rawText !== null && typeof rawText !== 'string') errors.text = 'unknown-option';
  if (text.length > MAX_REQUEST) errors.text = 'too-long';

  const picked = field(state, 'conversation')?.selected_conversation;
  const conversation = typeof picked === 'string' && /^[CDG][A-Z0-9]{2,}$/.test(picked) ? picked : undefined;
  if (picked !== undefined && picked !== null && conversation === undefined) errors.conversation = 'unknown-option';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (needs.length === 0 && constraints.length === 0 && text === '') return { ok: false, errors: { latency: 'empty' } };
  return {
    ok: true,
    value: { carried: { needs, constraints, language }, text, ...(conversation === undefined ? {} : { conversation }) },
  };
}
