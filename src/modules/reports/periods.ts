import type { ReportPeriod } from './types.js';
import { WIB_OFFSET_MS } from '../../shared/wib-time.js';

// The default period of the city's rule: a week from Monday 00:00 to Sunday 24:00 WIB. The
// monitoring engine owns the configured period; these helpers serve callers that have no
// verdicts yet (reminders before the first roll-up, the benchmark's simulated fleet).

const DAY = 86_400_000;

/** The weekly period containing `at`. Key is the ISO week of the WIB Monday, e.g. '2026-W48'. */
export function weeklyPeriod(at: Date): ReportPeriod {
  const wib = at.getTime() + WIB_OFFSET_MS;
  const dayStart = Math.floor(wib / DAY) * DAY;
  const dow = (new Date(dayStart).getUTCDay() + 6) % 7; // Monday = 0
  const mondayWib = dayStart - dow * DAY;
  const start = new Date(mondayWib - WIB_OFFSET_MS);
  const end = new Date(mondayWib + 7 * DAY - WIB_OFFSET_MS);
  return { key: isoWeekKey(new Date(mondayWib)), start: start.toISOString(), end: end.toISOString() };
}

/** `count` consecutive weekly periods ending with the one containing `at`, oldest first. */
export function lastWeeklyPeriods(at: Date, count: number): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let p = weeklyPeriod(at);
  for (let i = 0; i < count; i++) {
    out.unshift(p);
    p = weeklyPeriod(new Date(Date.parse(p.start) - 1));
  }
  return out;
}

/** ISO-8601 week key of a date whose UTC fields hold the WIB calendar day. */
function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3); // Thursday decides the year
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((t.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
