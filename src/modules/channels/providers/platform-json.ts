import { isInteger, isSafeNumber, parse } from 'lossless-json';

// TikTok returns post ids as JSON numbers above 2^53 (publicaly_available_post_id, video ids), and
// JSON.parse would silently round them: a rounded id points at someone else's post or none. The
// maintained lossless-json parser hands us every number as its literal text; integers that a
// double cannot hold exactly stay exact decimal strings, every other number (fractions such as
// 0.30000000000000004, small integers) becomes an ordinary number.

export function parsePlatformJson(text: string): unknown {
  return parse(text, null, (literal: string) => (isInteger(literal) && !isSafeNumber(literal) ? literal : Number(literal)));
}

/** An id that may arrive as a number or a string, as an exact string. */
export function idString(v: unknown): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return null;
}
