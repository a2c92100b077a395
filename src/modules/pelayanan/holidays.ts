import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type WorkCalendar, addDays, isDay } from '../../shared/wib-time.js';

// Days the office is closed besides weekends: national holidays and cuti bersama the city enters
// once for all units, and a unit's own (a local event, the office moving). Deadlines count only
// working days, so both lists feed every deadline of the unit.

export interface Holiday {
  id: string;
  unitId: string;
  day: string;
  reason: string;
  cityWide: boolean;
}

export async function listHolidays(db: Kysely<DB>, args: { unitId: string; cityUnitId: string; from?: string }): Promise<Holiday[]> {
  let q = db.selectFrom('pelayanan_holidays').selectAll().where('unit_id', 'in', [args.unitId, args.cityUnitId]);
  if (args.from) q = q.where('day', '>=', args.from);
  const rows = await q.orderBy('day').execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, day: r.day, reason: r.reason, cityWide: r.unit_id === args.cityUnitId }));
}

/** The working calendar of a unit: its own holidays and the city's. */
export async function calendarFor(db: Kysely<DB>, unitId: string, cityUnitId: string): Promise<WorkCalendar> {
  const rows = await db.selectFrom('pelayanan_holidays').select('day').where('unit_id', 'in', [unitId, cityUnitId]).execute();
  return { holidays: new Set(rows.map((r) => r.day)) };
}

/** Calendars of many units at once (the dashboard and the deadline job read every unit). */
export async function calendarsFor(db: Kysely<DB>, unitIds: string[], cityUnitId: string): Promise<Map<string, WorkCalendar>> {
  const rows = await db.selectFrom('pelayanan_holidays').select(['unit_id', 'day']).execute();
  const city = rows.filter((r) => r.unit_id === cityUnitId).map((r) => r.day);
  const own = new Map<string, string[]>();
  for (const r of rows) if (r.unit_id !== cityUnitId) own.set(r.unit_id, [...(own.get(r.unit_id) ?? []), r.day]);
  return new Map(unitIds.map((id) => [id, { holidays: new Set([...city, ...(own.get(id) ?? [])]) }]));
}

export type HolidayError = 'invalid_date' | 'invalid_range' | 'no_reason' | 'exists';

/** The holiday forms (city and unit), parsed at the web edge; the dates are checked by addHolidays. */
export const holidayFormSchema = z.object({ dari: z.string(), sampai: z.string(), alasan: z.string() });
export const holidayRemoveFormSchema = z.object({ id: z.string().min(1) });

/** The form field each refusal of addHolidays is about, so the web says it next to that field. */
export const HOLIDAY_ERROR_FIELD: Record<HolidayError, 'dari' | 'sampai' | 'alasan'> = { invalid_date: 'dari', invalid_range: 'sampai', no_reason: 'alasan', exists: 'dari' };

/** Adds every day of from..to (inclusive, at most 31 days) as a holiday of the unit (or the city). */
export async function addHolidays(
  db: Kysely<DB>,
  clock: Clock,
  args: { unitId: string; from: string; to?: string; reason: string },
): Promise<Result<number, HolidayError>> {
  const to = args.to || args.from;
  if (!isDay(args.from) || !isDay(to)) return err('invalid_date');
  if (to < args.from || addDays(args.from, 31) <= to) return err('invalid_range');
  const reason = args.reason.trim().slice(0, 120);
  if (!reason) return err('no_reason');
  let added = 0;
  for (let day = args.from; day <= to; day = addDays(day, 1)) {
    try {
      await db.insertInto('pelayanan_holidays').values({ id: newId(), unit_id: args.unitId, day, reason, created_at: clock.now().toISOString() }).execute();
      added++;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return added === 0 ? err('exists') : ok(added);
}

export async function removeHoliday(db: Kysely<DB>, args: { unitId: string; id: string }): Promise<boolean> {
  const r = await db.deleteFrom('pelayanan_holidays').where('id', '=', args.id).where('unit_id', '=', args.unitId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
