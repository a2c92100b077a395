import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { ReminderStatusSnapshot, UnitStatusSource } from '../reminders/index.js';
import { loadReportInput } from './report-input.js';

// What the reminders module needs to know about each unit, read from the same model as the
// dashboard, so a reminder never says something the mayor's screen contradicts. Items this
// period count only what compliance counted (broadcasts from Pemkot excluded).

export function reminderStatusSource(db: Kysely<DB>, o: { region: string; publicUrl: string; weeks?: number }): UnitStatusSource {
  return {
    async snapshot(now: Date): Promise<ReminderStatusSnapshot> {
      const clock: Clock = { now: () => now };
      const ctx = await loadReportInput(db, { region: o.region, clock, count: o.weeks ?? 4 });
      if (!ctx) return { periods: [], units: [] };
      const current = ctx.period.key;
      return {
        periods: ctx.input.periods,
        units: ctx.input.units.map((u) => {
          const mine = u.history.find((h) => h.periodKey === current);
          return {
            unitId: u.id,
            unitName: u.name,
            kind: u.kind,
            kecamatanId: u.kecamatanId,
            itemsThisPeriod: mine ? Object.values(mine.items).reduce((a, b) => a + b, 0) : 0,
            verdicts: u.history.map((h) => ({ periodKey: h.periodKey, verdict: h.verdict, reasons: h.reasons })),
            siteDownSince: u.website.downSince,
            link: `${o.publicUrl}/admin/unit/${ctx.slugs.get(u.id)}/pemantauan`,
          };
        }),
      };
    },
  };
}
