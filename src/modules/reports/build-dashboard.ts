import { type RankedRow, rankByCategory } from './ranking.js';
import { type Summary, summarize } from './summary.js';
import { type Lang, formatPeriodRange } from './text.js';
import { type ComplianceTrend, type ItemsByChannel, complianceTrend, itemsByChannel } from './trend.js';
import type { ReportInput, ReportPeriod, ReportReason } from './types.js';
import { type UnitRow, buildUnitRows } from './unit-rows.js';
import { compareNames } from './compare-names.js';

// Everything the pimpinan dashboard, the rapor PDF and the spreadsheet show, computed once from
// plain rows. Pure: no database, no clock (the time of generation comes in with the input).

export interface FailingUnit {
  row: UnitRow;
  reasons: ReportReason[];
}

export interface DashboardData {
  regionName: string;
  period: ReportPeriod;
  periodLabel: string;
  generatedAt: string;
  /** Latest check time over all units: "pemeriksaan terakhir". */
  lastCheckedAt: string | null;
  rows: UnitRow[];
  /** Kelurahan/desa grouped by kecamatan (names sorted), OPD apart. */
  groups: { kecamatanId: string | null; kecamatanName: string; rows: UnitRow[] }[];
  opdRows: UnitRow[];
  summary: Summary;
  ranking: { kelurahan: RankedRow[]; opd: RankedRow[] };
  trend: ComplianceTrend;
  channels: ItemsByChannel;
  failing: FailingUnit[];
  integrityAlerts: UnitRow[];
}


export function buildDashboard(input: ReportInput, lang: Lang = 'id'): DashboardData {
  const period = input.periods[input.periods.length - 1];
  if (!period) throw new Error('buildDashboard: at least one period is required');
  const rows = buildUnitRows(input, lang);
  const byName = (a: UnitRow, b: UnitRow) => compareNames(a.name, b.name);

  const groupMap = new Map<string, { kecamatanId: string | null; kecamatanName: string; rows: UnitRow[] }>();
  const opdRows: UnitRow[] = [];
  let lastCheckedAt: string | null = null;
  for (const r of rows) {
    if (r.lastCheckedAt && (!lastCheckedAt || r.lastCheckedAt > lastCheckedAt)) lastCheckedAt = r.lastCheckedAt;
    if (r.kind === 'opd') {
      opdRows.push(r);
      continue;
    }
    const key = r.kecamatanId ?? '';
    let g = groupMap.get(key);
    if (!g) groupMap.set(key, (g = { kecamatanId: r.kecamatanId, kecamatanName: r.kecamatanName ?? '', rows: [] }));
    g.rows.push(r);
  }
  const groups = [...groupMap.values()].sort((a, b) => compareNames(a.kecamatanName, b.kecamatanName));
  for (const g of groups) g.rows.sort(byName);
  opdRows.sort(byName);

  const ranking = rankByCategory(rows);
  // Failing = everything that is not a PASS this period, worst first (compromised, fail, unknown).
  const severity = { COMPROMISED: 0, FAIL: 1, UNKNOWN: 2 } as const;
  const failing = rows
    .filter((r) => r.verdict !== 'PASS')
    .sort(
      (a, b) =>
        (a.verdict ? severity[a.verdict as keyof typeof severity] : 3) -
          (b.verdict ? severity[b.verdict as keyof typeof severity] : 3) || byName(a, b),
    )
    .map((row) => ({ row, reasons: row.reasons }));

  return {
    regionName: input.regionName,
    period,
    periodLabel: formatPeriodRange(period.start, period.end, lang),
    generatedAt: input.generatedAt,
    lastCheckedAt,
    rows,
    groups,
    opdRows,
    summary: summarize(rows),
    ranking,
    trend: complianceTrend(input, 12, input.regionName),
    channels: itemsByChannel(input, 12),
    failing,
    integrityAlerts: rows.filter((r) => r.alerts.length > 0 || r.verdict === 'COMPROMISED').sort(byName),
  };
}

export interface RowFilter {
  failingOnly?: boolean;
  kecamatanId?: string;
  /** Only units with an account on this platform ('website' = units with a website). */
  platform?: string;
  /** A camat sees only the kelurahan of their own kecamatan. */
  scopeKecamatanIds?: readonly string[];
}

/** The status grid's filters; also how a camat's view is narrowed to their kecamatan. */
export function filterRows(rows: readonly UnitRow[], f: RowFilter): UnitRow[] {
  const scope = f.scopeKecamatanIds ? new Set(f.scopeKecamatanIds) : null;
  return rows.filter((r) => {
    if (scope && (!r.kecamatanId || !scope.has(r.kecamatanId))) return false;
    if (f.failingOnly && r.verdict === 'PASS') return false;
    if (f.kecamatanId && r.kecamatanId !== f.kecamatanId) return false;
    if (f.platform) {
      if (f.platform === 'website') return r.website.has;
      if (!r.socialAccounts.some((a) => a.platform === f.platform)) return false;
    }
    return true;
  });
}
