import type { Err, Ok } from '../../shared/result.js';
import type { MediaRefusalCode } from './types.js';
import { MB } from './types.js';

/** A refusal is an Err with the numbers its Indonesian message needs. */
export type Refused = Err<MediaRefusalCode> & { params: Record<string, string | number> };
export type MediaResult<T> = Ok<T> | Refused;

export const refuse = (code: MediaRefusalCode, params: Record<string, string | number> = {}): Refused => ({
  ok: false,
  error: code,
  params,
});

/** "52 MB", "1,5 MB", "800 KB": sizes as staff read them (Indonesian decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes >= MB) {
    const mb = bytes / MB;
    return `${mb >= 10 ? Math.round(mb) : (Math.round(mb * 10) / 10).toString().replace('.', ',')} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
