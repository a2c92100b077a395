import type { DashboardData } from './build-dashboard.js';
import type { ReportReason } from './types.js';
import type { UnitRow } from './unit-rows.js';

// Who the dashboard's first screen and the rapor's first page name (issue 14, point 6): the
// units whose site looks taken over first, then the units failing the rule, the longest run of
// failed periods first. "Belum pasti" (not enough evidence) is counted elsewhere, not named here.

export interface AttentionItem {
  row: UnitRow;
  kind: 'hijacked' | 'failing';
  /** Periods failed in a row, this one included (0 when the run is unknown). */
  failedPeriods: number;
  /** The first thing to say why: the integrity alert or the rule's reason (a code, said where shown). */
  why: ReportReason | null;
}

export function attentionList(d: DashboardData): AttentionItem[] {
  const hijacked = d.rows.filter((r) => r.verdict === 'COMPROMISED' || r.alerts.length > 0);
  const seen = new Set(hijacked.map((r) => r.id));
  const failing = d.rows.filter((r) => r.verdict === 'FAIL' && !seen.has(r.id));
  const run = (r: UnitRow) => (r.streak.kind === 'fail' ? r.streak.length : 0);
  const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'id');
  const item = (kind: AttentionItem['kind']) => (row: UnitRow): AttentionItem => ({
    row,
    kind,
    failedPeriods: run(row),
    why: (kind === 'hijacked' ? row.alerts[0] : undefined) ?? row.reasons[0] ?? null,
  });
  return [
    ...hijacked.sort(byName).map(item('hijacked')),
    ...failing.sort((a, b) => run(b) - run(a) || byName(a, b)).map(item('failing')),
  ];
}
