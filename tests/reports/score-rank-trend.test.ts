import { describe, expect, it } from 'vitest';
import { buildDashboard, filterRows } from '../../src/modules/reports/build-dashboard.js';
import { lastWeeklyPeriods, weeklyPeriod } from '../../src/modules/reports/periods.js';
import { rankUnits } from '../../src/modules/reports/ranking.js';
import { gradeOf } from '../../src/modules/reports/score.js';
import { consecutiveFailures, streakOf } from '../../src/modules/reports/streaks.js';
import { formatPeriodRange, formatWib } from '../../src/modules/reports/text.js';
import { NOW, fixture, periods } from './support/fixture.js';

const byId = (d: ReturnType<typeof buildDashboard>, id: string) => d.rows.find((r) => r.id === id)!;

describe('weekly periods in WIB', () => {
  it('starts Monday 00:00 WIB (Sunday 17:00 UTC) and keys by ISO week', () => {
    expect(weeklyPeriod(NOW)).toEqual({ key: '2026-W48', start: '2026-11-22T17:00:00.000Z', end: '2026-11-29T17:00:00.000Z' });
    // Sunday 23:59 WIB is still the same week; Monday 00:01 WIB is the next one.
    expect(weeklyPeriod(new Date('2026-11-29T16:59:00Z')).key).toBe('2026-W48');
    expect(weeklyPeriod(new Date('2026-11-29T17:01:00Z')).key).toBe('2026-W49');
    expect(lastWeeklyPeriods(NOW, 3).map((p) => p.key)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    expect(weeklyPeriod(new Date('2027-01-01T03:00:00Z')).key).toBe('2026-W53');
  });

  it('formats the period and the time of generation in WIB, in Indonesian', () => {
    const p = periods[3]!;
    expect(formatPeriodRange(p.start, p.end)).toBe('23–29 November 2026');
    expect(formatWib(NOW.toISOString())).toBe('Sabtu, 28 November 2026 11.15 WIB');
  });
});

describe('score and grade bands', () => {
  const d = buildDashboard(fixture());

  it('gives full marks to a unit that does everything', () => {
    const s = byId(d, 'bacang').score;
    expect(s).toMatchObject({ activity: 35, presence: 20, freshness: 20, profile: 15, integrity: 10, total: 100, grade: 'informatif' });
    expect(byId(d, 'bacang').gradeLabel).toBe('Informatif');
  });

  it('adds up each component as documented', () => {
    // Sinar Bulan: 2 of 4 weeks active = 17.5; website only = 10; up but not fresh, no social = 5;
    // half profile = 7.5; clean site = 10 → 50 → Kurang Informatif.
    expect(byId(d, 'sinar-bulan').score).toMatchObject({ activity: 17.5, presence: 10, freshness: 5, profile: 7.5, integrity: 10, total: 50, grade: 'kurang_informatif' });
    // Rawa Bangun: never active, no website (integrity 10, nothing to hijack), one account never posted.
    expect(byId(d, 'rawa-bangun').score).toMatchObject({ activity: 0, presence: 10, freshness: 0, profile: 3, integrity: 10, total: 23 });
  });

  it('caps a compromised unit below 40 even when it posts every week', () => {
    const s = byId(d, 'air-itam').score;
    expect(s.activity).toBe(35);
    expect(s.integrity).toBe(0);
    expect(s.total).toBe(39);
    expect(s.capped).toBe(true);
    expect(s.grade).toBe('tidak_informatif');
  });

  it('uses the KIP band edges', () => {
    expect([100, 90, 89.9, 80, 79.9, 60, 59.9, 40, 39.9, 0].map(gradeOf)).toEqual([
      'informatif', 'informatif', 'menuju_informatif', 'menuju_informatif', 'cukup_informatif', 'cukup_informatif',
      'kurang_informatif', 'kurang_informatif', 'tidak_informatif', 'tidak_informatif',
    ]);
  });
});

describe('streaks', () => {
  const keys = periods.map((p) => p.key);
  it('counts the run ending at the current period and stops at UNKNOWN or a gap', () => {
    const f = fixture();
    const h = (id: string) => f.units.find((u) => u.id === id)!.history;
    expect(streakOf(h('bacang'), keys)).toEqual({ kind: 'pass', length: 4 });
    expect(streakOf(h('sinar-bulan'), keys)).toEqual({ kind: 'fail', length: 2 });
    expect(streakOf(h('kejaksaan'), keys)).toEqual({ kind: 'pass', length: 3 });
    expect(streakOf(h('rawa-bangun'), keys)).toEqual({ kind: 'none', length: 0 });
    // COMPROMISED counts as missing the rule, and joins a FAIL run.
    expect(consecutiveFailures([
      { periodKey: keys[2]!, verdict: 'FAIL', reasons: [], items: {} },
      { periodKey: keys[3]!, verdict: 'COMPROMISED', reasons: [], items: {} },
    ], keys)).toBe(2);
  });
  it('says it in words', () => {
    const d = buildDashboard(fixture());
    expect(byId(d, 'bacang').streakLabel).toBe('Memenuhi 4 minggu berturut-turut');
    expect(byId(d, 'sinar-bulan').streakLabel).toBe('Tidak memenuhi 2 minggu berturut-turut');
    expect(byId(d, 'rawa-bangun').streakLabel).toBe('—');
    const one = buildDashboard({ ...fixture(), units: fixture().units.filter((u) => u.id === 'kejaksaan').map((u) => ({ ...u, history: u.history.slice(-1) })) });
    expect(one.rows[0]!.streakLabel).toBe('Memenuhi minggu ini');
  });
});

describe('summary, ranking and trend', () => {
  const d = buildDashboard(fixture());

  it('counts verdicts for kelurahan and OPD apart, with the pass rate over assessed units', () => {
    expect(d.summary.kelurahan).toMatchObject({ total: 5, pass: 2, fail: 1, unknown: 1, compromised: 1, none: 0, assessed: 5 });
    expect(d.summary.kelurahan.passRate).toBeCloseTo(0.4);
    expect(d.summary.opd).toMatchObject({ total: 1, pass: 1 });
    expect(d.summary.byKecamatan.map((k) => [k.name, k.tally.pass, k.tally.total, k.rank])).toEqual([
      ['Taman Sari', 1, 2, 1],
      ['Bukit Intan', 1, 3, 2],
    ]);
  });

  it('ranks by score with shared places for equal scores, kelurahan and OPD apart', () => {
    expect(d.ranking.kelurahan.map((r) => [r.rank, r.row.id])).toEqual([
      [1, 'bacang'], [2, 'kejaksaan'], [3, 'sinar-bulan'], [4, 'air-itam'], [5, 'rawa-bangun'],
    ]);
    expect(d.ranking.opd.map((r) => r.row.id)).toEqual(['diskominfo']);
    const tied = rankUnits([byId(d, 'bacang'), { ...byId(d, 'sinar-bulan'), score: byId(d, 'bacang').score }, byId(d, 'rawa-bangun')]);
    expect(tied.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('builds the weekly trend city-wide and per kecamatan, with no-data weeks as gaps', () => {
    expect(d.trend.city.points.map((p) => [p.pass, p.assessed])).toEqual([[3, 4], [4, 5], [3, 5], [2, 5]]);
    const taman = d.trend.byKecamatan.find((s) => s.id === 'taman-sari')!;
    expect(taman.points.map((p) => p.rate)).toEqual([0, 0.5, 0.5, 0.5]);
    const bukit = d.trend.byKecamatan.find((s) => s.id === 'bukit-intan')!;
    expect(bukit.points[3]!.rate).toBeCloseTo(1 / 3);
  });

  it('adds up content items per week by channel, OPD included', () => {
    const last = d.channels.weeks[3]!;
    // bacang website 1 + facebook 2, air-itam website 3, kejaksaan website 1, diskominfo website 1.
    expect(last.byChannel).toEqual({ website: 6, facebook: 2 });
    expect(last.total).toBe(8);
    expect(d.channels.channels[0]).toBe('website');
  });

  it('lists failing units worst first, integrity alerts, and the last check time', () => {
    expect(d.failing.map((f) => f.row.id)).toEqual(['air-itam', 'sinar-bulan', 'rawa-bangun']);
    expect(d.failing[1]!.reasons).toEqual([{ code: 'no_content_in_period', params: { required: 1 } }]);
    expect(d.integrityAlerts.map((r) => r.id)).toEqual(['air-itam']);
    expect(d.lastCheckedAt).toBe('2026-11-28T03:30:00Z');
    expect(d.periodLabel).toBe('23–29 November 2026');
    expect(d.groups.map((g) => g.kecamatanName)).toEqual(['Bukit Intan', 'Taman Sari']);
    expect(d.opdRows.map((r) => r.id)).toEqual(['diskominfo']);
  });

  it('filters the grid and narrows a camat to their own kecamatan', () => {
    expect(filterRows(d.rows, { failingOnly: true }).map((r) => r.id)).toEqual(['sinar-bulan', 'air-itam', 'rawa-bangun']);
    expect(filterRows(d.rows, { scopeKecamatanIds: ['taman-sari'] }).map((r) => r.id)).toEqual(['rawa-bangun', 'kejaksaan']);
    expect(filterRows(d.rows, { platform: 'instagram' }).map((r) => r.id)).toEqual(['air-itam', 'diskominfo']);
    expect(filterRows(d.rows, { platform: 'website' }).map((r) => r.id)).not.toContain('rawa-bangun');
  });
});
