// Period maths in WIB. The city's rule speaks of weeks "Monday 00:00 to Sunday 24:00 WIB", so
// a post at Sunday 23:59 WIB belongs to that week and one at Monday 00:01 WIB to the next, even
// though both are on "Sunday" in UTC. Asia/Jakarta has no daylight saving (since 1964), so a
// fixed +07:00 offset is exact and needs no time-zone database.

import { WIB_OFFSET_MS, wibDay } from '../../shared/wib-time.js';

const DAY = 24 * 3600_000;

export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** 2026-W48 for weeks (ISO week, Monday first), 2026-11 for months. */
  key: string;
  /** Inclusive start, ISO UTC. */
  start: string;
  /** Exclusive end, ISO UTC. */
  end: string;
}

/** Midnight WIB of the WIB calendar day containing `instant`, as a UTC timestamp. */
function wibMidnight(instant: number): number {
  const local = instant + WIB_OFFSET_MS;
  return Math.floor(local / DAY) * DAY - WIB_OFFSET_MS;
}

function isoWeekKey(mondayLocalMs: number): string {
  // ISO week-year: the year of that week's Thursday.
  const thursday = new Date(mondayLocalMs + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodContaining(kind: PeriodKind, instant: Date): Period {
  const t = instant.getTime();
  if (kind === 'week') {
    const midnight = wibMidnight(t);
    const local = new Date(midnight + WIB_OFFSET_MS);
    const sinceMonday = (local.getUTCDay() + 6) % 7;
    const start = midnight - sinceMonday * DAY;
    return { kind, key: isoWeekKey(start + WIB_OFFSET_MS), start: new Date(start).toISOString(), end: new Date(start + 7 * DAY).toISOString() };
  }
  const local = new Date(t + WIB_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const start = Date.UTC(y, m, 1) - WIB_OFFSET_MS;
  const end = Date.UTC(y, m + 1, 1) - WIB_OFFSET_MS;
  return { kind, key: `${y}-${String(m + 1).padStart(2, '0')}`, start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

export function periodByKey(key: string): Period | null {
  let m = key.match(/^(\d{4})-W(\d{2})$/);
  if (m) {
    const year = +m[1]!;
    const week = +m[2]!;
    if (week < 1 || week > 53) return null;
    // The ISO week containing 4 January is week 1.
    const jan4 = Date.UTC(year, 0, 4);
    const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7;
    const mondayLocal = jan4 - jan4Dow * DAY + (week - 1) * 7 * DAY;
    const p = periodContaining('week', new Date(mondayLocal - WIB_OFFSET_MS));
    return p.key === key ? p : null;
  }
  m = key.match(/^(\d{4})-(\d{2})$/);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return periodContaining('month', new Date(Date.UTC(+m[1]!, +m[2]! - 1, 1) - WIB_OFFSET_MS));
  return null;
}

export const nextPeriod = (p: Period): Period => periodContaining(p.kind, new Date(p.end));
export const previousPeriod = (p: Period): Period => periodContaining(p.kind, new Date(new Date(p.start).getTime() - 1));

export const inPeriod = (p: Period, instant: string | Date): boolean => {
  const t = typeof instant === 'string' ? instant : instant.toISOString();
  return t >= p.start && t < p.end;
};

/** The WIB calendar date (YYYY-MM-DD) of an instant; daily roll-ups are keyed by it. */
export { wibDay };

/** [start, end) of a WIB calendar date given as YYYY-MM-DD. */
export function wibDayRange(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + DAY).toISOString() };
}
