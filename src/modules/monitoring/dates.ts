// Date reading for the many ways Indonesian sites write dates. Anything without a time zone is
// read as WIB (UTC+7): that is what a kelurahan server in Pangkalpinang means by "10:00", and
// WITA/WIT sites are then at most two hours early, never in the future. Asia/Jakarta has had
// no daylight saving since 1964, so a fixed offset is exact.
//
// Written forms read: ISO 8601 (with or without zone), RFC 822 (RSS), "Senin, 3 November 2026",
// "3 Nov 2026", "3 Nopember 2026 pukul 10.15 WIB", "November 3, 2026", "03/11/2026",
// "3-11-2026", "03.11.2026" (day first, as Indonesians write), and relative "3 hari yang lalu"
// (only where a caller says the page is a fresh render: see relativeDate).

import { WIB_OFFSET_MS, wibDay } from '../../shared/wib-time.js';
const DAY = 24 * 3600_000;

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, peb: 2, maret: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8, agus: 8,
  agt: 8, aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, nop: 11, desember: 12, des: 12, dec: 12, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

function wib(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - WIB_OFFSET_MS;
  const dt = new Date(t);
  // 31 February is not a date (Date.UTC would roll it into March).
  if (new Date(t + WIB_OFFSET_MS).getUTCDate() !== d) return null;
  return Number.isNaN(dt.getTime()) ? null : dt;
}

const ZONES: Record<string, number> = { wib: 7, wita: 8, wit: 9, gmt: 0, utc: 0, z: 0 };

/** Parses ISO-8601, RFC 822 and written dates; returns null when unsure. */
export function parseDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const s = String(input).trim();
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
  m = s.match(/^(?:[A-Za-z]{3,},?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/);
  if (m) {
    const [, d, monName, y, h, mi, sec, zone] = m;
    const mo = MONTHS[monName!.toLowerCase()];
    if (!mo) return null;
    const z = zone?.toLowerCase();
    if (z && z in ZONES) {
      const t = wib(+y!, mo, +d!, +h!, +mi!, +(sec ?? 0));
      return t ? new Date(t.getTime() + (7 - ZONES[z]!) * 3600_000) : null;
    }
    if (zone && /^[+-]\d{4}$/.test(zone)) {
      const t = wib(+y!, mo, +d!, +h!, +mi!, +(sec ?? 0));
      if (!t) return null;
      const off = (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(3)) * 60_000;
      return new Date(t.getTime() + WIB_OFFSET_MS - off);
    }
    return wib(+y!, mo, +d!, +h!, +mi!, +(sec ?? 0));
  }
  return findWrittenDate(s);
}

const WRITTEN = new RegExp(
  [
    // 3 November 2026 [, pukul 10.15 [WIB]]
    `(\\d{1,2})(?:st|nd|rd|th)?\\s*[-/ ]?\\s*(${MONTH_NAMES})(?![a-z])\\.?,?\\s*[-/ ]?\\s*(\\d{4})(?:\\s*[,|\\-–]?\\s*(?:pukul|jam|pkl\\.?|at)?\\s*(\\d{1,2})[:.](\\d{2})(?:\\s*(WIB|WITA|WIT))?)?`,
    // November 3, 2026
    `(?<![a-z])(${MONTH_NAMES})(?![a-z])\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
    // 03/11/2026, 3-11-2026, 03.11.2026 (day first)
    `(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:\\s*[,|\\-–]?\\s*(?:pukul|jam)?\\s*(\\d{1,2})[:.](\\d{2}))?`,
    // 2026-11-03 or 2026/11/03 inside text
    `(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})`,
  ].map((p) => `(?:${p})`).join('|'),
  'gi',
);

function fromMatch(m: RegExpExecArray): Date | null {
  if (m[1]) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!mo) return null;
    const t = wib(+m[3]!, mo, +m[1], +(m[4] ?? 0), +(m[5] ?? 0));
    const z = m[6]?.toLowerCase();
    return t && z && z !== 'wib' ? new Date(t.getTime() - (ZONES[z]! - 7) * 3600_000) : t;
  }
  if (m[7]) {
    const mo = MONTHS[m[7].toLowerCase()];
    return mo ? wib(+m[9]!, mo, +m[8]!) : null;
  }
  if (m[10]) return wib(+m[12]!, +m[11]!, +m[10], +(m[13] ?? 0), +(m[14] ?? 0));
  if (m[15]) return wib(+m[15], +m[16]!, +m[17]!);
  return null;
}

/** Every written date in a text fragment, in order of appearance. */
export function findWrittenDates(text: string, limit = 20): Date[] {
  const out: Date[] = [];
  WRITTEN.lastIndex = 0;
  for (let m = WRITTEN.exec(text); m && out.length < limit; m = WRITTEN.exec(text)) {
    // "1/2" inside a longer number or a version string is not a date.
    const before = text[m.index - 1];
    if (before && /[\d/.]/.test(before)) continue;
    const d = fromMatch(m);
    if (d) out.push(d);
  }
  return out;
}

/** The first written date in a text fragment. */
export function findWrittenDate(text: string): Date | null {
  return findWrittenDates(text, 1)[0] ?? null;
}

const RELATIVE = /(\d+|se)\s*(detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s*(yang\s*)?(lalu|ago)/i;
const UNIT_MS: Record<string, number> = {
  detik: 1000, second: 1000, menit: 60_000, minute: 60_000, jam: 3600_000, hour: 3600_000, hari: DAY, day: DAY,
  minggu: 7 * DAY, pekan: 7 * DAY, week: 7 * DAY, bulan: 30 * DAY, month: 30 * DAY, tahun: 365 * DAY, year: 365 * DAY,
};

/**
 * "3 hari yang lalu", "2 jam lalu", "kemarin" relative to when the page was rendered. Only as
 * good as that render time: a cached page makes everything look newer than it is, so callers
 * use it when the response says it is fresh, and never as more than medium evidence.
 */
export function relativeDate(text: string, renderedAt: Date): Date | null {
  const t = text.toLowerCase();
  if (/\bkemarin\b|\byesterday\b/.test(t)) return new Date(renderedAt.getTime() - DAY);
  if (/\bhari ini\b|\btoday\b/.test(t) && t.length < 40) return renderedAt;
  const m = t.match(RELATIVE);
  if (!m) return null;
  const n = m[1] === 'se' ? 1 : Number(m[1]);
  const unit = m[2]!.replace(/s$/, '');
  const ms = UNIT_MS[unit];
  return ms ? new Date(renderedAt.getTime() - n * ms) : null;
}

/** A date in a URL path: /2026/11/24/judul or /artikel/2026/11/24/judul (WordPress, OpenSID). */
export function urlDate(url: string): Date | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* a relative path */
  }
  const m = path.match(/\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/);
  return m ? wib(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function wibDate(d: Date): string {
  return wibDay(d);
}
