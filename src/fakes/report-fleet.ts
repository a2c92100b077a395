import { type ReportInput, type ReportUnit, type UnitPeriodRecord, type Verdict, lastWeeklyPeriods } from '../modules/reports/index.js';

// A deterministic fake fleet of report inputs for the benchmarks and the dashboard's scale tests
// (not production: the dashboard reads stored verdicts): n kelurahan in kecamatan of about six, plus some OPD, with 12 weeks of verdicts.
// Seeded, so the same call always gives the same numbers.

export interface ReportFleetOptions {
  kelurahan: number;
  opd?: number;
  perKecamatan?: number;
  weeks?: number;
  now: Date;
  seed?: number;
  regionName?: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const CHANNELS = ['website', 'facebook', 'instagram', 'tiktok'];

export function simulateFleet(o: ReportFleetOptions): ReportInput {
  const rand = rng(o.seed ?? 42);
  const periods = lastWeeklyPeriods(o.now, o.weeks ?? 12);
  const per = o.perKecamatan ?? 6;
  const units: ReportUnit[] = [];
  // Kecamatan laid out on a square grid, their kelurahan scattered inside each cell.
  const side = Math.max(1, Math.ceil(Math.sqrt(Math.ceil(o.kelurahan / per))));
  const total = o.kelurahan + (o.opd ?? 0);
  for (let i = 0; i < total; i++) {
    const isOpd = i >= o.kelurahan;
    const k = Math.floor(i / per);
    // Each unit has a "diligence": some post every week, some never.
    const diligence = rand();
    const history: UnitPeriodRecord[] = periods.map((p) => {
      const items: Record<string, number> = {};
      let n = 0;
      for (const c of CHANNELS) {
        if (rand() < diligence * (c === 'website' ? 0.8 : 0.5)) {
          items[c] = 1 + Math.floor(rand() * 3);
          n += items[c]!;
        }
      }
      const roll = rand();
      const verdict: Verdict = roll < 0.01 ? 'COMPROMISED' : roll < 0.06 ? 'UNKNOWN' : n > 0 ? 'PASS' : 'FAIL';
      // Reason codes as compliance stores them (said in words where shown).
      const reasons =
        verdict === 'PASS' ? [] :
        verdict === 'FAIL' ? [{ code: 'no_content_in_period', params: { required: 1 } }] :
        verdict === 'UNKNOWN' ? [{ code: 'only_weak_evidence' }] :
        [{ code: 'compromised' }];
      return { periodKey: p.key, verdict, reasons, items };
    });
    const last = history[history.length - 1]!;
    const hasSite = rand() < 0.9;
    const social = Math.floor(rand() * 4);
    units.push({
      id: `u${String(i).padStart(5, '0')}`,
      name: isOpd ? `Dinas ${i - o.kelurahan + 1}` : `Kelurahan ${String(i + 1).padStart(4, '0')}`,
      code: isOpd ? null : `19.71.${String(k + 1).padStart(2, '0')}.${1000 + (i % per) + 1}`,
      kind: isOpd ? 'opd' : 'kelurahan',
      kecamatanId: isOpd ? null : `kec${k}`,
      kecamatanName: isOpd ? null : `Kecamatan ${k + 1}`,
      location: isOpd ? null : {
        lat: -2.08 - Math.floor(k / side) * 0.03 - rand() * 0.025,
        lng: 106.05 + (k % side) * 0.03 + rand() * 0.025,
      },
      website: {
        url: hasSite ? `https://kel${i}.example.go.id` : null,
        has: hasSite,
        up: hasSite ? rand() < 0.93 : null,
        fresh: hasSite ? (last.items.website ?? 0) > 0 : null,
        clean: hasSite ? last.verdict !== 'COMPROMISED' : null,
        lastContentAt: hasSite ? periods[periods.length - 1]!.start : null,
        downSince: null,
      },
      socialAccounts: CHANNELS.slice(1, 1 + social).map((p) => ({
        platform: p,
        handle: `@kel${i}_${p}`,
        lastPostAt: (last.items[p] ?? 0) > 0 ? periods[periods.length - 1]!.start : null,
      })),
      profileCompleteness: Math.round(rand() * 100) / 100,
      history,
      integrityAlerts: last.verdict === 'COMPROMISED' ? [{ code: 'spam_in_home', params: { terms: 'slot gacor' } }] : [],
      lastCheckedAt: o.now.toISOString(),
    });
  }
  return { regionName: o.regionName ?? 'Kota Simulasi', periods, units, minItemsPerPeriod: 1, generatedAt: o.now.toISOString() };
}
