import { WIB_OFFSET_MS } from '../shared/wib-time.js';
import { messages } from './messages/dates.js';

// Dates and times in WIB, written as Intl's id-ID formatters write them ("5 Desember 2026 pukul
// 06.59"), by arithmetic: WIB is UTC+7 without daylight saving since 1964 (src/shared/wib-time.ts).
// Issue 20: the first Intl.DateTimeFormat a process builds maps ~5 MB of ICU data into memory
// and a dozen formatters cost ~10 MB of RSS and ~16 ms of start-up; a city's public pages and
// staff screens need none of that for a fixed-offset zone. tests/i18n/wib-dates.test.ts checks
// every form against Intl over instants from 1970 to 2100.

const names = (key: keyof typeof messages.id) => messages.id[key].split(' ');
const MONTHS = names('date.months');
const MONTHS_SHORT = names('date.monthsShort');
const WEEKDAYS = names('date.weekdays');
const WEEKDAYS_SHORT = names('date.weekdaysShort');
const [AT_BEFORE, AT_BETWEEN, AT_AFTER] = messages.id['date.dateTime'].split(/\{date\}|\{time\}/) as [string, string, string];

/** The WIB wall clock of an instant, read from a Date shifted by +7 h (its UTC fields are WIB's). */
function wib(d: Date | string): Date {
  const t = typeof d === 'string' ? Date.parse(d) : d.getTime();
  // As Intl does: a date that is not one is a bug to see, not "NaN undefined NaN" on a page.
  if (Number.isNaN(t)) throw new RangeError('Invalid time value');
  return new Date(t + WIB_OFFSET_MS);
}
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "5 Desember 2026" */
export const wibDate = (d: Date | string): string => {
  const w = wib(d);
  return `${w.getUTCDate()} ${MONTHS[w.getUTCMonth()]} ${w.getUTCFullYear()}`;
};
/** "Sabtu, 5 Desember 2026" */
export const wibDayDate = (d: Date | string): string => `${WEEKDAYS[wib(d).getUTCDay()]}, ${wibDate(d)}`;
/** "06.59" (24-hour, as id-ID writes it) */
export const wibTime = (d: Date | string): string => {
  const w = wib(d);
  return `${two(w.getUTCHours())}.${two(w.getUTCMinutes())}`;
};
/** "5 Desember 2026 pukul 06.59" */
export const wibDateTime = (d: Date | string): string => `${AT_BEFORE}${wibDate(d)}${AT_BETWEEN}${wibTime(d)}${AT_AFTER}`;
/** "5 Des" */
export const wibShortDate = (d: Date | string): string => {
  const w = wib(d);
  return `${w.getUTCDate()} ${MONTHS_SHORT[w.getUTCMonth()]}`;
};
/** "Sab, 5 Des, 06.59" */
export const wibEvent = (d: Date | string): string => `${WEEKDAYS_SHORT[wib(d).getUTCDay()]}, ${wibShortDate(d)}, ${wibTime(d)}`;

let numberFmt: Intl.NumberFormat | undefined;
/** "1.234.567", "1.234,568": whole numbers by arithmetic, others by Intl (built when first needed). */
export function idNumber(n: number): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, '.');
    return n < 0 ? `-${digits}` : digits;
  }
  return (numberFmt ??= new Intl.NumberFormat('id-ID')).format(n);
}
