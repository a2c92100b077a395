// Expected failures are values, not exceptions: a use case returns Result<T, E> where E is a
// small union of stable string codes that the web edge maps to HTTP status and Indonesian text.
export type Ok<T> = { ok: true; value: T };
export type Err<E extends string> = { ok: false; error: E; detail?: string };
export type Result<T, E extends string> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends string>(error: E, detail?: string): Err<E> =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };
