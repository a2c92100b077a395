// TikTok returns post ids as JSON numbers above 2^53 (publicaly_available_post_id, video ids).
// JSON.parse would silently round them, and a rounded id points at someone else's post or none.
// This parser quotes every integer literal too long to be exact before handing the text to
// JSON.parse, so those ids arrive as exact decimal strings. Everything else parses as usual.

const SAFE_DIGITS = 15; // every integer with at most 15 digits is below 2^53

export function parseJsonLossless(text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      // Copy a whole string literal, honouring escapes, so digits inside strings are untouched.
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + (ch === '-' ? 1 : 0);
      while (j < n && text[j]! >= '0' && text[j]! <= '9') j++;
      const isInteger = !(j < n && (text[j] === '.' || text[j] === 'e' || text[j] === 'E'));
      const digits = j - i - (ch === '-' ? 1 : 0);
      if (isInteger && digits > SAFE_DIGITS) {
        out += `"${text.slice(i, j)}"`;
        i = j;
        continue;
      }
      // Let JSON.parse read fractions/exponents; copy the integer part and carry on.
      out += text.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return JSON.parse(out);
}

/** An id that may arrive as a number or a string, as an exact string. */
export function idString(v: unknown): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return null;
}
