import type { ReportPeriod, Verdict } from '../reports/index.js';

// What reminders need to know about each unit. Until the monitoring engine's roll-ups exist this
// is an interface the composition root implements (from the compliance verdicts, or from the
// same rows the dashboard uses), so reminders never reach into another module's tables.

export interface UnitReminderStatus {
  unitId: string;
  unitName: string;
  kind: 'kelurahan' | 'desa' | 'opd';
  /** The kecamatan unit id (camat escalation goes to users linked to it). */
  kecamatanId: string | null;
  /** Content items counted for the rule in the current period so far. */
  itemsThisPeriod: number;
  /** Verdicts per period (any order); the current period's may be provisional. */
  verdicts: { periodKey: string; verdict: Verdict; reasons?: string[] }[];
  /** When the unit's website went down, if it is down now. */
  siteDownSince: string | null;
  /** Where the recipient can act (composer, drill-down); absolute URL. */
  link?: string;
  /** Citizens' requests (issue 17): open ones due by the next working day or late, and late ones. */
  pelayanan?: { near: number; overdue: number; link: string };
}

export interface ReminderStatusSnapshot {
  /** Oldest first; the last is the current period. */
  periods: ReportPeriod[];
  units: UnitReminderStatus[];
}

export interface UnitStatusSource {
  snapshot(now: Date): Promise<ReminderStatusSnapshot>;
}
