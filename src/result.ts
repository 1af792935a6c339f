import type { Failure } from './failure.js';

export { type Failure, failure } from './failure.js';

export type Result<T, F extends Failure = Failure> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: F };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <F extends Failure>(error: F): Result<never, F> => ({ ok: false, error });
