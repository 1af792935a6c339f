import { fail, failure, ok, type Result } from '../result.js';
import type { KitFailure } from './kit.js';

/** The values of a kit's placeholders: `{app}` → `myapp`. */
export type Vars = Readonly<Record<string, string>>;

// `{app}`, `{stack_id}`: a placeholder. JSONPath (`{.items[*]}`) and Go templates (`{{.State}}`) do not match.
const PLACEHOLDER = /\{([a-z][a-z_]*)\}/g;

/** Fills the placeholders of a template text; an unknown placeholder is a failure naming it. */
export function fillText(text: string, vars: Vars): Result<string, KitFailure> {
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return value;
  });
  if (unknown.size > 0) {
    return fail(failure('kit-template', { template: text.slice(0, 80), placeholders: [...unknown] }));
  }
  return ok(filled);
}

/** Fills every string of a template value (a Kubernetes document), keys included; returns a fresh copy. */
export function fillValue<T>(value: T, vars: Vars): Result<T, KitFailure> {
  let failure: KitFailure | undefined;
  const walk = (v: unknown): unknown => {
    if (failure !== undefined) return v;
    if (typeof v === 'string') {
      const r = fillText(v, vars);
      if (!r.ok) failure = r.error;
      return r.ok ? r.value : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x)]));
    }
    return v;
  };
  const filled = walk(value) as T;
  return failure === undefined ? ok(filled) : fail(failure);
}
