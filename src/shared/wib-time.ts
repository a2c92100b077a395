// The one place for WIB calendar days and working days. Asia/Jakarta has had no daylight saving
// since 1964, so a fixed +07:00 offset is exact and needs no time-zone database. A "day" here is
// a WIB calendar date written YYYY-MM-DD; instants stay Date/ISO-UTC as everywhere else.

import { isRealDateText } from './calendar.js';

/** The time zone every time shown to people is in (Intl's name for WIB). */
export const WIB_TIME_ZONE = 'Asia/Jakarta';
export const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** WIB's offset as ISO-8601 writes it. */
const WIB_OFFSET_TEXT = '+07:00';

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function wibDay(instant: Date | string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 WIB of a WIB date, as an instant. */
export function wibDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS);
}

/** The first instant after a WIB date (its 24:00 WIB), as an instant. */
export function wibDayEnd(day: string): Date {
  return new Date(wibDayStart(day).getTime() + DAY_MS);
}

/** A WIB date plus n calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a WIB date. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** True for YYYY-MM-DD strings that are real dates. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Which days the office works. Kelurahan offices work Monday to Friday; holidays (national,
 * cuti bersama, and any the city or the unit declares) are given as a set of WIB dates.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  /** Weekdays that are not worked (default Saturday and Sunday). */
  weekend?: ReadonlySet<number>;
}

const DEFAULT_WEEKEND: ReadonlySet<number> = new Set([0, 6]);

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  return !(cal.weekend ?? DEFAULT_WEEKEND).has(weekday(day)) && !cal.holidays.has(day);
}

/** The next working day strictly after `day`. */
export function nextWorkingDay(day: string, cal: WorkCalendar): string {
  let d = addDays(day, 1);
  // A guard against a calendar that declares every day a holiday: a year without a working day is a data error.
  for (let i = 0; i < 366 && !isWorkingDay(d, cal); i++) d = addDays(d, 1);
  return d;
}

/**
 * The deadline of a task of `workingDays` started at `start`: the end (24:00 WIB) of the n-th
 * working day after the day it started. The start day itself does not count — a request sent at
 * 15:55 or on a Sunday has not had a working day yet — so 1 working day from a Friday is the end
 * of Monday (or of Tuesday when Monday is a holiday).
 */
export function workingDeadline(start: Date, workingDays: number, cal: WorkCalendar): Date {
  let day = wibDay(start);
  for (let i = 0; i < Math.max(1, workingDays); i++) day = nextWorkingDay(day, cal);
  return wibDayEnd(day);
}

/**
 * Working days from `from` to `to`: the number of working days after from's WIB date up to and
 * including to's WIB date. Same day → 0; Friday to Monday → 1.
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  let day = wibDay(from);
  const end = wibDay(to);
  let n = 0;
  // Bounded: a request older than ten years is not counted day by day.
  for (let i = 0; i < 3660 && day < end; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) n++;
  }
  return n;
}

export type DeadlineState = 'ok' | 'near' | 'overdue';

/**
 * How close a deadline is: `overdue` once it has passed, `near` when it falls at the end of today
 * or of the next working day (the office has at most one more working day), else `ok`.
 */
export function deadlineState(now: Date, deadline: Date, cal: WorkCalendar): DeadlineState {
  if (now.getTime() >= deadline.getTime()) return 'overdue';
  const today = wibDay(now);
  const lastDay = wibDay(new Date(deadline.getTime() - 1));
  if (lastDay <= today) return 'near';
  return lastDay <= nextWorkingDay(today, cal) ? 'near' : 'ok';
}

/** The calendar year in WIB (letter numbers restart on 1 January WIB). */
export const wibYear = (instant: Date): number => Number(wibDay(instant).slice(0, 4));

/** The month (1–12) in WIB. */
export const wibMonth = (instant: Date): number => Number(wibDay(instant).slice(5, 7));

/** An instant as a datetime-local field shows it in WIB: "YYYY-MM-DDTHH:mm". */
export const wibLocalInput = (instant: Date | string): string =>
  new Date(new Date(instant).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16);

/**
 * "YYYY-MM-DDTHH:mm" (seconds optional) typed in WIB → the instant; null when it is not a real
 * time ("2026-02-30T08:00", "24:30").
 */
export function fromWibLocal(local: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m || !isRealDateText(local)) return null;
  return new Date(Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}Z`) - WIB_OFFSET_MS);
}

/**
 * 12:00 WIB of a WIB date: the instant to format when only the day matters (a holiday, a date
 * typed on a letter form), far from midnight on either side. Callers check the day with isDay.
 */
export const wibMidday = (day: string): Date => new Date(wibDayStart(day).getTime() + DAY_MS / 2);

/** An instant written in WIB with its offset, "2027-01-01T03:00:00+07:00" (schema.org event times). */
export const wibIsoWithOffset = (instant: Date): string =>
  `${new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 19)}${WIB_OFFSET_TEXT}`;
