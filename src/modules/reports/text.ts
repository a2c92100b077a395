import type { Locale } from '../../i18n/index.js';
import { WIB_TIME_ZONE } from '../../shared/wib-time.js';

// The reports' WIB and number formatters; their texts come from src/i18n's `t` (the reports.*
// keys), with the language passed on.
export type Lang = Locale;

const TZ = WIB_TIME_ZONE;

// Intl formatters are costly to build; charts and exports format thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(o);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: TZ, ...o })));
  return f;
}

/** "Sabtu, 28 November 2026 11.15 WIB" — every time shown to people is in WIB. */
export function formatWib(isoTime: string, lang: Lang = 'id'): string {
  const d = new Date(isoTime);
  const date = fmt(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  const time = fmt('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }).format(d).replace(':', '.');
  return `${date} ${time} WIB`;
}

/** "28 Nov 2026" in WIB. */
export function formatDateWib(isoTime: string, lang: Lang = 'id'): string {
  return fmt(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(isoTime));
}

/** Short axis label for a period: "23/11" (start day in WIB). */
export function shortPeriodLabel(startIso: string): string {
  return fmt('en-GB', { day: '2-digit', month: '2-digit' }).format(new Date(startIso));
}

/** "23–29 November 2026" (end is exclusive, so the last day shown is end − 1 ms). */
export function formatPeriodRange(startIso: string, endIso: string, lang: Lang = 'id'): string {
  const loc = lang === 'id' ? 'id-ID' : 'en-GB';
  const last = new Date(new Date(endIso).getTime() - 1);
  const f = (d: Date, o: Intl.DateTimeFormatOptions) => fmt(loc, o).format(d);
  const s = new Date(startIso);
  const sameMonth = f(s, { month: 'long', year: 'numeric' }) === f(last, { month: 'long', year: 'numeric' });
  if (sameMonth) return `${f(s, { day: 'numeric' })}–${f(last, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${f(s, { day: 'numeric', month: 'long' })} – ${f(last, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

export const percent = (rate: number | null, lang: Lang = 'id'): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(0)}%`.replace('.', lang === 'id' ? ',' : '.');

/** One decimal, Indonesian decimal comma. */
export const decimal = (n: number, lang: Lang = 'id'): string => {
  const s = n.toFixed(1);
  return lang === 'id' ? s.replace('.', ',') : s;
};

/** "rapor-kota-pangkalpinang-2026-W48.pdf": stable names for the scheduled and on-demand exports. */
export function raporFileName(regionName: string, periodKey: string, ext: 'pdf' | 'xlsx'): string {
  const slug = regionName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `rapor-${slug}-${periodKey}.${ext}`;
}
