/** An error the user can cause: a stable code for machines, a sentence for people. */
export interface Failure {
  readonly code: string;
  readonly message: string;
}

export type Result<T, F extends Failure = Failure> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: F };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <F extends Failure>(error: F): Result<never, F> => ({ ok: false, error });
