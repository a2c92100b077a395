import { lastWeeklyPeriods } from '../../../src/modules/reports/periods.js';
import type { Recipient, ReminderRule, ReminderStatusSnapshot, UnitReminderStatus } from '../../../src/modules/reminders/index.js';
import { DEFAULT_RULES } from '../../../src/modules/reminders/index.js';

// A slice of Pangkalpinang for reminder tests: kecamatan Bukit Intan (Bacang, Sinar Bulan) and
// Taman Sari (Kejaksaan), and the people responsible for them.

export const rules = (): ReminderRule[] =>
  DEFAULT_RULES.map((d, i) => ({ ...d, id: `rule-${d.trigger}`, unitId: 'kota', recipientRoles: [...d.recipientRoles], channels: [...d.channels], unitKinds: [...d.unitKinds], enabled: true, name: d.name + (i ? '' : '') }));

export const people = (): Recipient[] => [
  { userId: 'op-bacang', name: 'Sari (operator Bacang)', role: 'operator', unitIds: ['bacang'], email: 'sari@bacang.example', phone: '081200000001',
    prefs: { whatsapp: { optedIn: true, address: null }, telegram: { optedIn: true, address: '5550001' } } },
  { userId: 'lurah-bacang', name: 'Pak Lurah Bacang', role: 'lurah', unitIds: ['bacang'], email: 'lurah@bacang.example', phone: null, prefs: {} },
  { userId: 'op-sinar', name: 'Operator Sinar Bulan', role: 'operator', unitIds: ['sinar-bulan'], email: null, phone: null, prefs: { email: { optedIn: false, address: null } } },
  { userId: 'lurah-kejaksaan', name: 'Lurah Kejaksaan', role: 'lurah', unitIds: ['kejaksaan'], email: 'lurah@kejaksaan.example', phone: null, prefs: {} },
  { userId: 'camat-bi', name: 'Camat Bukit Intan', role: 'camat', unitIds: ['kec-bukit-intan'], email: 'camat@bukitintan.example', phone: '081200000009',
    prefs: { whatsapp: { optedIn: true, address: null } } },
  { userId: 'camat-ts', name: 'Camat Taman Sari', role: 'camat', unitIds: ['kec-taman-sari'], email: 'camat@tamansari.example', phone: null, prefs: {} },
  { userId: 'diskominfo', name: 'Admin Diskominfo', role: 'admin_kota', unitIds: ['kota'], email: 'kominfo@pangkalpinangkota.example', phone: null,
    prefs: { telegram: { optedIn: true, address: '5550099' } } },
  { userId: 'walikota', name: 'Wali Kota', role: 'pimpinan', unitIds: [], email: 'walikota@example', phone: null, prefs: {} },
];

/** Thursday 26 November 2026 09:00 WIB = 02:00 UTC. */
export const THURSDAY_0900_WIB = new Date('2026-11-26T02:00:00Z');

export function snapshot(at: Date, over: Partial<Record<string, Partial<UnitReminderStatus>>> = {}, weeks = 4): ReminderStatusSnapshot {
  const periods = lastWeeklyPeriods(at, weeks);
  const unit = (u: UnitReminderStatus): UnitReminderStatus => ({ ...u, ...(over[u.unitId] ?? {}) });
  return {
    periods,
    units: [
      unit({ unitId: 'bacang', unitName: 'Kelurahan Bacang', kind: 'kelurahan', kecamatanId: 'kec-bukit-intan', itemsThisPeriod: 0, verdicts: [], siteDownSince: null, link: 'https://beranda.example/admin/tulis' }),
      unit({ unitId: 'sinar-bulan', unitName: 'Kelurahan Sinar Bulan', kind: 'kelurahan', kecamatanId: 'kec-bukit-intan', itemsThisPeriod: 2, verdicts: [], siteDownSince: null }),
      unit({ unitId: 'kejaksaan', unitName: 'Kelurahan Kejaksaan', kind: 'kelurahan', kecamatanId: 'kec-taman-sari', itemsThisPeriod: 0, verdicts: [], siteDownSince: null }),
    ],
  };
}
