// Date parsing for the many ways Indonesian sites print dates. Anything without a time zone is
// read as WIB (UTC+7): that is what a kelurahan server in Pangkalpinang means by "10:00".
// Asia/Jakarta has had no daylight saving since 1964, so a fixed offset is exact.

export const WIB_OFFSET_MS = 7 * 3600_000;

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8,
  agt: 8, aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, desember: 12, des: 12, dec: 12, december: 12,
};

function wib(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - WIB_OFFSET_MS;
  const dt = new Date(t);
  return Number.isNaN(dt.getTime()) ? null : dt;
}

/** Parses ISO-8601, RFC 822 and Indonesian dates; returns null when unsure. */
export function parseDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const s = input.trim();
  if (!s) return null;
  // ISO 8601, possibly without zone ("2026-11-24T10:00:00" or "2026-11-24 10:00:00").
  let m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i);
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    if (zone) {
      const dt = new Date(`${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${sec ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
      return Number.isNaN(dt.getTime()) ? null : dt;
    }
    return wib(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0));
  }
  // RFC 822 / 1123 as used in RSS: "Tue, 24 Nov 2026 10:00:00 +0700" (zone optional).
  m = s.match(/^(?:[A-Za-z]{3,},?\s+)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/);
  if (m) {
    const [, d, monName, y, h, mi, sec, zone] = m;
    const mo = MONTHS[monName!.toLowerCase()];
    if (!mo) return null;
    if (zone && !/^(WIB)$/i.test(zone)) {
      const dt = new Date(`${d} ${monName} ${y} ${h}:${mi}:${sec ?? '00'} ${zone}`);
      if (!Number.isNaN(dt.getTime())) return dt;
    }
    return wib(+y!, mo, +d!, +h!, +mi!, +(sec ?? 0));
  }
  return parseIndonesianDate(s);
}

/** "Senin, 23 November 2026", "23 Nov 2026 14:05 WIB", "23/11/2026", "23-11-2026". */
export function parseIndonesianDate(s: string): Date | null {
  let m = s.match(/(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s*[,|-]?\s*(?:pukul\s*)?(\d{1,2})[:.](\d{2}))?/i);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (mo) return wib(+m[3]!, mo, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0));
  }
  m = s.match(/\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/);
  if (m) return wib(+m[3]!, +m[2]!, +m[1]!); // Indonesian order: day/month/year
  return null;
}

/** Finds the first Indonesian date printed in a text fragment. */
export function findIndonesianDate(text: string): Date | null {
  const m = text.match(
    /(\d{1,2}\s+(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des)\.?\s+\d{4}(?:\s*[,|-]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2})?|\b\d{1,2}\/\d{1,2}\/\d{4}\b)/i,
  );
  return m ? parseIndonesianDate(m[1]!) : null;
}

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function wibDate(d: Date): string {
  return new Date(d.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}
