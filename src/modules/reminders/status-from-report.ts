import type { ReportInput, ReportReason } from '../reports/index.js';
import type { ReminderStatusSnapshot, UnitStatusSource } from './status-source.js';

/**
 * Reminders from the same rows the dashboard uses: one adapter, so the reminder a lurah gets and
 * the status the mayor sees can never disagree. `load` builds the ReportInput for `now`; the
 * rows carry reason codes, which a reminder says in the caller's words (`reasonText`).
 */
export function statusSourceFromReportInput(
  load: (now: Date) => Promise<ReportInput>,
  reasonText: (r: ReportReason) => string,
  linkFor?: (unitId: string) => string,
): UnitStatusSource {
  return {
    async snapshot(now: Date): Promise<ReminderStatusSnapshot> {
      const input = await load(now);
      const current = input.periods[input.periods.length - 1];
      return {
        periods: input.periods,
        units: input.units.map((u) => {
          const rec = current ? u.history.find((h) => h.periodKey === current.key) : undefined;
          return {
            unitId: u.id,
            unitName: u.name,
            kind: u.kind,
            kecamatanId: u.kecamatanId,
            itemsThisPeriod: rec ? Object.values(rec.items).reduce((a, b) => a + b, 0) : 0,
            verdicts: u.history.map((h) => ({ periodKey: h.periodKey, verdict: h.verdict, reasons: h.reasons.map((r) => reasonText(r)) })),
            siteDownSince: u.website.downSince,
            link: linkFor?.(u.id),
          };
        }),
      };
    },
  };
}
