import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ReminderStatusSnapshot, type UnitStatusSource, ensureDefaultReminderRules, inAppNotifier, listNotifications, regionsWithRules, runReminders,
} from '../../src/modules/reminders/index.js';
import { lastWeeklyPeriods } from '../../src/modules/reports/periods.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb, testEngine } from '../support/test-db.js';
import { seedCity } from './support/seed.js';

// Reminders per regency (issue 18 point 3, decision 0017): one run plans every regency with rules
// of its own, each with its own people and verdicts; nobody hears about another regency's units.
const AT = '2026-11-01T00:00:00.000Z';

/** Every listed kelurahan with nothing published this period. */
const quiet = (units: [id: string, kecamatan: string][]): UnitStatusSource => ({
  async snapshot(now: Date): Promise<ReminderStatusSnapshot> {
    return {
      periods: lastWeeklyPeriods(now, 6),
      units: units.map(([id, kec]) => ({
        unitId: id, unitName: `Kelurahan ${id}`, kind: 'kelurahan' as const, kecamatanId: kec, itemsThisPeriod: 0,
        verdicts: [], siteDownSince: null, link: `https://beranda.example/admin/unit/${id}`,
      })),
    };
  },
});

describe(`reminders over several regencies on ${testEngine()}`, () => {
  let t: TestDb;
  const clock = new FixedClock('2026-11-26T02:05:00Z'); // Thursday 09:05 WIB
  const pangkalpinang = quiet([['bacang', 'kec-bukit-intan'], ['sinar-bulan', 'kec-bukit-intan'], ['kejaksaan', 'kec-taman-sari']]);
  const bangka = quiet([['air-anyir', 'kec-merawang']]);

  beforeAll(async () => {
    t = await createTestDb();
    await seedCity(t.db);
    const unit = (id: string, kind: 'kabupaten' | 'kecamatan' | 'kelurahan', parent: string | null) => ({
      id, code: null, kind, name: id, slug: id, parent_id: parent, region_code: '19.01', settings: '{}', is_demo: 0, created_at: AT, updated_at: AT,
    });
    await t.db.insertInto('units').values([unit('kab-bangka', 'kabupaten', null), unit('kec-merawang', 'kecamatan', 'kab-bangka'), unit('air-anyir', 'kelurahan', 'kec-merawang')]).execute();
    await t.db.insertInto('users').values({
      id: 'op-anyir', username: 'op-anyir', display_name: 'Operator Air Anyir', password_hash: 'x', role: 'operator', region_code: '19.01', email: null, phone: null,
      status: 'active', must_change_password: 0, is_demo: 0, created_at: AT, updated_at: AT, last_login_at: null,
    }).execute();
    await t.db.insertInto('user_units').values({ user_id: 'op-anyir', unit_id: 'air-anyir' }).execute();
    await ensureDefaultReminderRules(t.db, clock, 'kota');
  });
  afterAll(async () => t?.close());

  const run = (more: boolean) =>
    runReminders({
      db: t.db, clock, regionCode: '19.71', statusSource: pangkalpinang, notifiers: { inapp: inAppNotifier(t.db, clock) },
      moreRegions: more ? [{ regionCode: '19.01', statusSource: bangka }] : [],
    });

  it('a regency without rules of its own is reminded of nothing', async () => {
    expect(await regionsWithRules(t.db)).toEqual(['19.71']);
    await run(true);
    expect(await listNotifications(t.db, 'op-anyir')).toEqual([]);
    expect((await listNotifications(t.db, 'op-bacang')).map((n) => n.unitId)).toEqual(['bacang']);
  });

  it('once it has rules, one run reminds both regencies, each of its own units only', async () => {
    await ensureDefaultReminderRules(t.db, clock, 'kab-bangka');
    expect(await regionsWithRules(t.db)).toEqual(['19.01', '19.71']);
    // Planned only when the run is given the regency.
    await run(false);
    expect(await listNotifications(t.db, 'op-anyir')).toEqual([]);
    const s = await run(true);
    expect(s.recorded).toBeGreaterThan(0);
    expect((await listNotifications(t.db, 'op-anyir')).map((n) => [n.unitId, n.kind])).toEqual([['air-anyir', 'no_content']]);
    // Pangkalpinang's people heard nothing about Bangka's kelurahan, and nothing twice.
    expect((await listNotifications(t.db, 'op-bacang')).map((n) => n.unitId)).toEqual(['bacang']);
    const again = await run(true);
    expect(again.recorded).toBe(0);
  });
});
