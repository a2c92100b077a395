import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannel, registeredAccountsSource } from '../../src/modules/channels/index.js';
import { evaluatePeriod, getVerdictsForPeriod, periodContaining, getRule } from '../../src/modules/compliance/index.js';
import { Fetcher, registerPresence, runChecksForUnit } from '../../src/modules/monitoring/index.js';
import { InMemoryOwnContent } from '../../src/fakes/monitoring-sources.js';
import { importRegion, findUnitBySlug } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Issue 5: only registered accounts count for a unit — and a registered account does count for
// the city's rule ("at least one social account"), even before monitoring lists it.
describe(`registered social accounts count for compliance on ${testEngine()}`, () => {
  let t: TestDb;
  const clock = new FixedClock('2026-11-26T05:00:00Z');
  beforeAll(async () => {
    t = await createTestDb();
    await importRegion(t.db, '19.71', clock);
  });
  afterAll(async () => t.close());

  it('drops the "no social account" reason once the unit registers an account', async () => {
    const bacang = (await findUnitBySlug(t.db, '19.71', 'bacang'))!;
    // The unit is watched this week (its Beranda site checked), so the week gets a verdict.
    await registerPresence(t.db, bacang.id, { kind: 'beranda_site', url: 'https://beranda.example/bacang' }, clock);
    await runChecksForUnit(t.db, { fetcher: new Fetcher({ contactUrl: 'https://beranda.example/bot' }), clock, rdapBaseFor: () => null, ownContent: new InMemoryOwnContent() }, bacang.id);
    const rule = await getRule(t.db, '19.71');
    const period = periodContaining(rule.periodKind, clock.now());
    const reasonsNow = async () => {
      await evaluatePeriod(t.db, { clock, accounts: registeredAccountsSource(t.db) }, { region: '19.71', unitIds: [bacang.id] });
      const [v] = await getVerdictsForPeriod(t.db, period.key, [bacang.id]);
      return JSON.stringify(v?.reasons ?? []);
    };
    expect(await reasonsNow()).toContain('no_social_account');
    const r = await registerChannel({ db: t.db, clock }, { unitId: bacang.id, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel.bacang/' });
    expect(r.ok).toBe(true);
    expect(await reasonsNow()).not.toContain('no_social_account');
    // Another unit's account does not count for Bacang's neighbour.
    const airItam = (await findUnitBySlug(t.db, '19.71', 'air-itam'))!;
    expect((await registeredAccountsSource(t.db).accounts([airItam.id])).size).toBe(0);
  });
});
