import { lastWeeklyPeriods } from '../../../src/modules/reports/periods.js';
import type { ReportInput, ReportUnit, UnitPeriodRecord, Verdict } from '../../../src/modules/reports/types.js';

// A small hand-made city whose numbers can be checked by hand: 2 kecamatan, 5 kelurahan, 1 OPD,
// 4 weekly periods ending the week of Saturday 28 November 2026.
export const NOW = new Date('2026-11-28T04:15:00Z'); // Sabtu 11.15 WIB
export const periods = lastWeeklyPeriods(NOW, 4);
const keys = periods.map((p) => p.key);

function hist(verdicts: (Verdict | null)[], items: Record<string, number>[] = []): UnitPeriodRecord[] {
  return verdicts.flatMap((v, i) =>
    v === null
      ? []
      : [{ periodKey: keys[i]!, verdict: v, reasons: v === 'PASS' ? [] : v === 'COMPROMISED' ? [{ code: 'spam_in_home', params: { terms: 'slot gacor' } }] : [{ code: 'no_content_in_period', params: { required: 1 } }], items: items[i] ?? (v === 'PASS' ? { website: 1 } : {}) }],
  );
}

const site = (over: Partial<ReportUnit['website']> = {}): ReportUnit['website'] => ({
  url: 'https://x.example.go.id', has: true, up: true, fresh: true, clean: true, lastContentAt: periods[3]!.start, downSince: null, ...over,
});
const recent = periods[3]!.start;

export function fixture(): ReportInput {
  const units: ReportUnit[] = [
    {
      // Perfect: passes every week, website up/fresh/clean, an active account, full profile → 100.
      id: 'bacang', name: 'Bacang', code: '19.71.01.1001', kind: 'kelurahan', kecamatanId: 'bukit-intan', kecamatanName: 'Bukit Intan',
      location: { lat: -2.12, lng: 106.12 }, website: site(),
      socialAccounts: [{ platform: 'facebook', handle: 'kel.bacang', lastPostAt: recent }],
      profileCompleteness: 1, history: hist(['PASS', 'PASS', 'PASS', 'PASS'], [{ website: 1 }, { website: 2 }, { facebook: 1 }, { website: 1, facebook: 2 }]), lastCheckedAt: '2026-11-28T03:00:00Z',
    },
    {
      // Failed the last two weeks, no social accounts, half profile.
      id: 'sinar-bulan', name: 'Sinar Bulan', code: '19.71.01.1002', kind: 'kelurahan', kecamatanId: 'bukit-intan', kecamatanName: 'Bukit Intan',
      location: { lat: -2.14, lng: 106.13 }, website: site({ fresh: false }), socialAccounts: [],
      profileCompleteness: 0.5, history: hist(['PASS', 'PASS', 'FAIL', 'FAIL']), lastCheckedAt: '2026-11-28T02:00:00Z',
    },
    {
      // Hijacked this week: capped below 40 whatever else it does.
      id: 'air-itam', name: 'Air Itam', code: '19.71.01.1003', kind: 'kelurahan', kecamatanId: 'bukit-intan', kecamatanName: 'Bukit Intan',
      location: { lat: -2.15, lng: 106.10 }, website: site({ clean: false }),
      socialAccounts: [{ platform: 'instagram', handle: 'kel.airitam', lastPostAt: recent }],
      profileCompleteness: 1, history: hist(['PASS', 'PASS', 'PASS', 'COMPROMISED'], [{ website: 1 }, { website: 1 }, { website: 1 }, { website: 3 }]),
      integrityAlerts: [{ code: 'spam_in_home', params: { terms: 'slot gacor' } }], lastCheckedAt: '2026-11-28T01:00:00Z',
    },
    {
      id: 'rawa-bangun', name: 'Rawa Bangun', code: '19.71.02.1001', kind: 'kelurahan', kecamatanId: 'taman-sari', kecamatanName: 'Taman Sari',
      location: { lat: -2.11, lng: 106.11 }, website: site({ has: false, url: null, up: null, fresh: null, clean: null }),
      socialAccounts: [{ platform: 'tiktok', handle: '@rawabangun', lastPostAt: null }],
      profileCompleteness: 0.2, history: hist([null, 'FAIL', 'FAIL', 'UNKNOWN']), lastCheckedAt: '2026-11-28T03:30:00Z',
    },
    {
      // No location yet: the map says so instead of dropping it silently.
      id: 'kejaksaan', name: 'Kejaksaan', code: '19.71.02.1002', kind: 'kelurahan', kecamatanId: 'taman-sari', kecamatanName: 'Taman Sari',
      location: null, website: site(), socialAccounts: [{ platform: 'facebook', handle: 'kel.kejaksaan', lastPostAt: recent }],
      profileCompleteness: 0.8, history: hist(['FAIL', 'PASS', 'PASS', 'PASS']), lastCheckedAt: '2026-11-28T03:10:00Z',
    },
    {
      id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', code: null, kind: 'opd', kecamatanId: null, kecamatanName: null,
      location: { lat: -2.13, lng: 106.115 }, website: site(), socialAccounts: [{ platform: 'instagram', handle: 'diskominfo', lastPostAt: recent }],
      profileCompleteness: 1, history: hist(['PASS', 'PASS', 'PASS', 'PASS']), lastCheckedAt: '2026-11-28T03:20:00Z',
    },
  ];
  return { regionName: 'Kota Pangkalpinang', periods, units, minItemsPerPeriod: 1, generatedAt: NOW.toISOString() };
}
