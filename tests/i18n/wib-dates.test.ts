import { describe, expect, it } from 'vitest';
import { idNumber, wibDate, wibDateTime, wibDayDate, wibEvent, wibShortDate, wibTime } from '../../src/i18n/wib-dates.js';

// The WIB date forms are written by arithmetic (issue 20: no ICU date data in memory); they
// must read exactly as Intl's id-ID formatters in Asia/Jakarta write them.
const intl = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', ...o });
const FORMS: [string, (d: Date) => string, Intl.DateTimeFormat][] = [
  ['date', wibDate, intl({ dateStyle: 'long' })],
  ['public site date', wibDate, intl({ day: 'numeric', month: 'long', year: 'numeric' })],
  ['time without hour12', wibTime, intl({ hour: '2-digit', minute: '2-digit' })],
  ['dayDate', wibDayDate, intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })],
  ['time', wibTime, intl({ hour: '2-digit', minute: '2-digit', hour12: false })],
  ['dateTime', wibDateTime, intl({ dateStyle: 'long', timeStyle: 'short' })],
  ['shortDate', wibShortDate, intl({ day: 'numeric', month: 'short' })],
  ['event', wibEvent, intl({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })],
];

// A fixed pseudo-random walk (the same instants every run), plus the edges of WIB days and years.
function instants(): Date[] {
  const out: Date[] = [];
  let x = 20_261_205;
  const from = Date.UTC(1970, 0, 1), to = Date.UTC(2100, 0, 1);
  for (let i = 0; i < 4000; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(new Date(from + Math.floor((x / 2_147_483_648) * (to - from))));
  }
  for (const edge of ['2026-12-31T16:59:59Z', '2026-12-31T17:00:00Z', '2027-01-01T00:00:00Z', '2028-02-28T17:00:00Z', '2000-02-29T16:59:00Z']) out.push(new Date(edge));
  return out;
}

describe('WIB dates without Intl', () => {
  for (const [name, mine, theirs] of FORMS) {
    it(`writes the ${name} form as Intl id-ID does, 1970–2100`, () => {
      const wrong = instants().filter((d) => mine(d) !== theirs.format(d)).slice(0, 3).map((d) => `${d.toISOString()}: ${mine(d)} ≠ ${theirs.format(d)}`);
      expect(wrong).toEqual([]);
    });
  }

  it('takes ISO strings too, and refuses a date that is not one as Intl does', () => {
    expect(wibDateTime('2026-12-04T23:59:00Z')).toBe('5 Desember 2026 pukul 06.59');
    expect(() => wibDate('not a date')).toThrow(RangeError);
  });

  it('writes numbers as id-ID does: dots between thousands, a comma before decimals', () => {
    const fmt = new Intl.NumberFormat('id-ID');
    for (const n of [0, 7, 999, 1000, -1000, 12_345, 1_234_567, -987_654_321, 2 ** 53 - 1, 1234.5678, -0.5, 1e21]) {
      expect(idNumber(n), String(n)).toBe(fmt.format(n));
    }
  });
});
