import { type Tally, addToTally, emptyTally } from './summary.js';
import type { ReportInput, ReportUnit, UnitPeriodRecord } from './types.js';
import { compareNames } from './compare-names.js';

// Weekly series for the trend charts: the share of kelurahan meeting the rule per period,
// city-wide and per kecamatan, and the content items per period by channel.

export interface TrendPoint {
  periodKey: string;
  periodStart: string;
  pass: number;
  assessed: number;
  rate: number | null;
}

export interface TrendSeries {
  id: string | null;
  name: string;
  points: TrendPoint[];
}

export interface ComplianceTrend {
  city: TrendSeries;
  byKecamatan: TrendSeries[];
}

const isRuleUnit = (u: ReportUnit) => u.kind !== 'opd';

export function complianceTrend(input: ReportInput, weeks = 12, cityName = input.regionName): ComplianceTrend {
  const periods = input.periods.slice(-weeks);
  const city = periods.map(() => emptyTally());
  const groups = new Map<string, { id: string | null; name: string; tallies: Tally[] }>();
  for (const u of input.units) {
    if (!isRuleUnit(u)) continue;
    const key = u.kecamatanId ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { id: u.kecamatanId, name: u.kecamatanName ?? '', tallies: periods.map(() => emptyTally()) };
      groups.set(key, g);
    }
    const byKey = new Map<string, UnitPeriodRecord>(u.history.map((h) => [h.periodKey, h]));
    periods.forEach((p, i) => {
      const v = byKey.get(p.key)?.verdict ?? null;
      addToTally(city[i]!, v);
      addToTally(g.tallies[i]!, v);
    });
  }
  const toPoints = (tallies: Tally[]): TrendPoint[] =>
    tallies.map((t, i) => ({
      periodKey: periods[i]!.key,
      periodStart: periods[i]!.start,
      pass: t.pass,
      assessed: t.assessed,
      rate: t.passRate,
    }));
  return {
    city: { id: null, name: cityName, points: toPoints(city) },
    byKecamatan: [...groups.values()]
      .sort((a, b) => compareNames(a.name, b.name))
      .map((g) => ({ id: g.id, name: g.name, points: toPoints(g.tallies) })),
  };
}

export interface ChannelWeek {
  periodKey: string;
  periodStart: string;
  byChannel: Record<string, number>;
  total: number;
}

export interface ItemsByChannel {
  /** Channels in a stable order: most items first. */
  channels: string[];
  weeks: ChannelWeek[];
}

export function itemsByChannel(input: ReportInput, weeks = 12): ItemsByChannel {
  const periods = input.periods.slice(-weeks);
  const index = new Map(periods.map((p, i) => [p.key, i]));
  const rows: ChannelWeek[] = periods.map((p) => ({ periodKey: p.key, periodStart: p.start, byChannel: {}, total: 0 }));
  const totals = new Map<string, number>();
  for (const u of input.units) {
    for (const h of u.history) {
      const i = index.get(h.periodKey);
      if (i === undefined) continue;
      const row = rows[i]!;
      for (const [ch, n] of Object.entries(h.items)) {
        if (!n) continue;
        row.byChannel[ch] = (row.byChannel[ch] ?? 0) + n;
        row.total += n;
        totals.set(ch, (totals.get(ch) ?? 0) + n);
      }
    }
  }
  const channels = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  return { channels, weeks: rows };
}
