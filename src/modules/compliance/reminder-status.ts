import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type UnitStatusSource, statusSourceFromReportInput } from '../reminders/index.js';
import type { ReportReason } from '../reports/index.js';
import { loadReportInput } from './report-input.js';

// What the reminders module needs to know about each unit, read from the same model as the
// dashboard (the reminders module's own adapter over a ReportInput), so a reminder never says
// something the mayor's screen contradicts. Items this period count only what compliance
// counted (broadcasts from Pemkot excluded). A reason is said in the caller's words (reasonText).
export function reminderStatusSource(db: Kysely<DB>, o: { region: string; publicUrl: string; weeks?: number; reasonText: (r: ReportReason) => string }): UnitStatusSource {
  let slugs = new Map<string, string>();
  return statusSourceFromReportInput(
    async (now) => {
      const ctx = await loadReportInput(db, { region: o.region, clock: { now: () => now }, count: o.weeks ?? 4 });
      if (!ctx) return { regionName: '', periods: [], units: [], generatedAt: now.toISOString() };
      slugs = ctx.slugs;
      return ctx.input;
    },
    o.reasonText,
    (unitId) => `${o.publicUrl}/admin/unit/${slugs.get(unitId)}/pemantauan`,
  );
}
