import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVerdictHistory, getVerdictsForPeriod, listDisputes } from '../../src/modules/compliance/index.js';
import { getDailyRollups, getMonitoringSnapshots } from '../../src/modules/monitoring/index.js';
import { getSectionForUnits } from '../../src/modules/profile/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// Issue 18: a regency's dashboard reads "every unit of the region" in one list, and a national
// install's region may hold tens of thousands. PostgreSQL binds at most 65,535 parameters per
// statement (SQLite 32,766): the read side must still answer for a list of 70,000 unit ids. Before
// src/shared/in-slices.ts the PostgreSQL run failed with "bind message has … parameter formats
// but 0 parameters" and the national dashboard bench with it.

const NOW = new Date('2026-11-26T02:05:00Z');
const clock = new FixedClock(NOW);
const at = NOW.toISOString();
const REAL = ['u-a', 'u-m', 'u-z'];
// 70,000 ids; the three real units first, in the middle and last, so each lands in another slice.
const LIST = Array.from({ length: 70_000 }, (_, i) => `ghost-${i}`);
LIST[0] = REAL[0]!;
LIST[35_000] = REAL[1]!;
LIST[69_999] = REAL[2]!;

describe(`reads over 70,000 unit ids (${testEngine()})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const unit = (id: string, kind: string, parent: string | null) => ({ id, code: null, kind, name: id, slug: id, parent_id: parent, region_code: '99.99', settings: '{}', is_demo: 0, created_at: at, updated_at: at });
    await t.db.insertInto('units').values([unit('kota', 'kota', null), ...REAL.map((id) => unit(id, 'kelurahan', 'kota'))] as never).execute();
    await t.db
      .insertInto('compliance_verdicts')
      .values(
        REAL.map((id, i) => ({
          id: `v-${id}`, unit_id: id, period_key: '2026-11', period_start: '2026-11-01T00:00:00Z', period_end: '2026-12-01T00:00:00Z', status: i === 1 ? 'FAIL' : 'PASS',
          reasons: '[]', evidence: '[]', counted_items: i, counted_by_channel: '{}', required_items: 1, alert: 0, ask_for_link: 0, override_dispute_id: null, evaluated_at: at,
        })) as never,
      )
      .execute();
    await t.db
      .insertInto('monitor_observations')
      .values(REAL.map((id) => ({ id: `o-${id}`, unit_id: id, kind: 'availability', url: `https://${id}.example/`, fetched_at: at, source: 'crawler', confidence: 'high', state: 'up', value: '{"up":true}', evidence: '{}', created_at: at })))
      .execute();
    await t.db
      .insertInto('web_presences')
      .values(REAL.map((id) => ({ id: `p-${id}`, unit_id: id, kind: 'website' as const, url: `https://${id}.example/`, platform: null, handle: null, source: 'manual', active: 1, presence_key: `${id}|website|x`, created_at: at, updated_at: at })))
      .execute();
    await t.db.insertInto('monitor_daily').values(REAL.map((id) => ({ unit_id: id, day: '2026-11-25', checks: 4, up_checks: 3, latency_ms_sum: 400, compromised_checks: 0, last_site_state: 'up', updated_at: at }))).execute();
    await t.db.insertInto('profile_sections').values(REAL.map((id) => ({ unit_id: id, section: 'identitas', data: JSON.stringify({ alamatKantor: `Jalan ${id}` }), updated_at: at })) as never).execute();
  }, 60_000);
  afterAll(async () => t?.close());

  it('finds the verdicts, history and disputes of the units in every slice', async () => {
    const verdicts = await getVerdictsForPeriod(t.db, '2026-11', LIST);
    expect(verdicts.map((v) => [v.unitId, v.status])).toEqual([['u-a', 'PASS'], ['u-m', 'FAIL'], ['u-z', 'PASS']]);
    const history = await getVerdictHistory(t.db, { lastPeriodKey: '2026-11', count: 3, unitIds: LIST });
    expect(history.verdicts.map((v) => v.unitId)).toEqual(REAL);
    expect(await listDisputes(t.db, { unitIds: LIST })).toEqual([]);
  });

  it('gives one monitoring snapshot per id, with each real unit’s own site and check', async () => {
    const snaps = await getMonitoringSnapshots(t.db, LIST, clock);
    expect(snaps).toHaveLength(70_000);
    for (const i of [0, 35_000, 69_999]) {
      const s = snaps[i]!;
      expect(s.websites.map((w) => [w.url, w.availability?.value])).toEqual([[`https://${s.unitId}.example/`, { up: true }]]);
    }
    expect(snaps[1]!.websites).toEqual([]);
    const daily = await getDailyRollups(t.db, { unitIds: LIST, fromDay: '2026-11-01', toDay: '2026-11-30' });
    expect(daily.map((d) => d.unitId).sort()).toEqual(REAL);
  });

  it('reads a profile section of the units in every slice', async () => {
    const sections = await getSectionForUnits(t.db, LIST, 'identitas');
    expect([...sections.keys()].sort()).toEqual(REAL);
    expect(sections.get('u-m')!.alamatKantor).toBe('Jalan u-m');
  });
});
