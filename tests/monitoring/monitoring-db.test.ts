import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import {
  decideDispute,
  evaluatePeriod,
  getVerdictsForPeriod,
  openDispute,
  addException,
  setRule,
  getRule,
} from '../../src/modules/compliance/index.js';
import {
  Fetcher,
  getDailyRollups,
  getMonitoringSnapshots,
  registerPresence,
  runChecksForUnit,
  sweep,
  checkUptime,
  syncRegistrations,
  registrationContext,
  siteUrlPolicy,
  type MonitoringDeps,
} from '../../src/modules/monitoring/index.js';
import { InMemoryOwnContent, InMemorySocialActivity } from '../../src/fakes/monitoring-sources.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

// The use cases over a real database (SQLite here, PostgreSQL in CI with TEST_DATABASE_URL):
// presences, sweeps into append-only observations and roll-ups, period verdicts, disputes.

const REGION = '19.71';
const clock = new FixedClock('2026-11-25T03:00:00Z'); // Wed 10:00 WIB, week 2026-W48
let t: TestDb;
let fleet: Fleet;
let deps: MonitoringDeps;
const alerts: string[] = [];
const social = new InMemorySocialActivity();
const own = new InMemoryOwnContent();

async function unit(id: string, kind: string, settings = '{}') {
  const now = clock.now().toISOString();
  await t.db
    .insertInto('units')
    .values({ id, code: null, kind: kind as any, name: id, slug: id, parent_id: null, region_code: REGION, settings, is_demo: 0, created_at: now, updated_at: now })
    .execute();
}

beforeAll(async () => {
  t = await createTestDb();
  fleet = await startFleet({ now: () => clock.now() });
  deps = {
    fetcher: new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined }),
    clock,
    rdapBaseFor: () => fleet.rdapBase,
    social,
    ownContent: own,
    alerts: { compromised: async (a) => void alerts.push(`${a.unitId} ${a.url}`) },
    retries: 0,
    retryDelayMs: 0,
  };
  await unit('kel-segar', 'kelurahan');
  await unit('kel-bajak', 'kelurahan');
  await unit('kel-beranda', 'kelurahan');
  await unit('opd-kominfo', 'opd', JSON.stringify({ links: { website: fleet.url('wp-tanpa-rest'), instagram: '@Diskominfo.PGK' } }));
  for (const [u, site] of [['kel-segar', 'wp-segar'], ['kel-bajak', 'dibajak']] as const) {
    expect((await registerPresence(t.db, u, { kind: 'website', url: fleet.url(site) }, clock, { policy: siteUrlPolicy({ allow: ['.test'] }) })).ok).toBe(true);
    await registerPresence(t.db, u, { kind: 'social', platform: 'facebook', handle: `@${u}` }, clock);
  }
  await registerPresence(t.db, 'kel-beranda', { kind: 'beranda_site', url: 'https://beranda.example/kel-beranda' }, clock);
  await registerPresence(t.db, 'kel-beranda', { kind: 'social', platform: 'tiktok', handle: 'kelberanda' }, clock);
});
afterAll(async () => {
  await fleet?.close();
  await t?.close();
});

describe('presence registry', () => {
  it('takes OPD websites and handles from the units module, idempotently', async () => {
    const ctx = registrationContext({ region: REGION, publicUrl: 'https://beranda.example', siteDomain: null, monitorAllow: ['.test'] });
    expect(await syncRegistrations(t.db, clock, ctx, ['opd-kominfo'])).toEqual({ added: 2, removed: 0, refused: [] });
    expect(await syncRegistrations(t.db, clock, ctx, ['opd-kominfo'])).toEqual({ added: 0, removed: 0, refused: [] });
    const snap = (await getMonitoringSnapshots(t.db, ['opd-kominfo'], clock))[0]!;
    expect(snap.presences.map((p) => `${p.kind}:${p.handle ?? p.url}`).sort()).toEqual([`social:diskominfo.pgk`, `website:${fleet.url('wp-tanpa-rest')}`]);
  });

  it('refuses a website that is not an http(s) address', async () => {
    expect((await registerPresence(t.db, 'kel-segar', { kind: 'website', url: 'ftp://x.test/' }, clock)).ok).toBe(false);
  });
});

describe('sweep, verdicts and disputes', () => {
  it('sweeps every unit into append-only observations, alerts at once on a hijack, and rolls up per day', async () => {
    const s = await sweep(t.db, deps, { concurrency: 3 });
    expect(s.units).toBe(4);
    expect(s.failed).toEqual([]);
    expect(s.compromised).toBe(1);
    expect(alerts).toEqual([`kel-bajak ${fleet.url('dibajak')}`]);
    // Twice the same day: the daily roll-up counts two checks, observations are only appended.
    await runChecksForUnit(t.db, deps, 'kel-segar');
    const daily = await getDailyRollups(t.db, { unitIds: ['kel-segar'], fromDay: '2026-11-25', toDay: '2026-11-25' });
    expect(daily).toEqual([expect.objectContaining({ day: '2026-11-25', checks: 2, upChecks: 2, uptime: 1, compromisedChecks: 0, lastSiteState: 'up' })]);
    const count = await t.db.selectFrom('monitor_observations').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', 'kel-segar').executeTakeFirstOrThrow();
    // Per run: availability, domain expiry, freshness, integrity, and the registered Facebook account (no posts).
    expect(Number(count.n)).toBe(10);
    // First-seen is kept from the first crawl.
    const seen = await t.db.selectFrom('monitor_first_seen').selectAll().where('site_key', 'like', 'wp-segar.test%').where('item_key', 'like', '%kerja-bakti%').execute();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.dating).toBe('baseline');
  });

  it('a fetcher without the fleet DNS override leaves reserved .test addresses alone instead of calling them down', async () => {
    const plain: MonitoringDeps = { ...deps, fetcher: new Fetcher({ contactUrl: 'http://127.0.0.1/tentang-pemantauan', connectTimeoutMs: 500, totalTimeoutMs: 1_000 }) };
    expect(plain.fetcher.canReach(fleet.url('wp-segar'))).toBe(false);
    expect(plain.fetcher.canReach('http://kelurahan.invalid/')).toBe(false);
    expect(plain.fetcher.canReach('https://bacang.pangkalpinangkota.go.id/')).toBe(true);
    expect(deps.fetcher.canReach(fleet.url('wp-segar'))).toBe(true);
    const count = async () => Number((await t.db.selectFrom('monitor_observations').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', 'kel-segar').where('kind', '=', 'availability').executeTakeFirstOrThrow()).n);
    const before = await count();
    await runChecksForUnit(t.db, plain, 'kel-segar');
    expect((await checkUptime(t.db, plain, { concurrency: 2 })).sites).toBe(0);
    expect(await count()).toBe(before);
  });

  it('a site that asks to come back later than a check waits is checked again within the same sweep', async () => {
    await unit('kel-sibuk', 'kelurahan');
    await registerPresence(t.db, 'kel-sibuk', { kind: 'website', url: fleet.url('sibuk-lama') }, clock, { policy: siteUrlPolicy({ allow: ['.test'] }) });
    const s = await sweep(t.db, { ...deps, maxRetryAfterMs: 100 }, { unitIds: ['kel-sibuk'], budgetMs: 60_000 });
    expect(s.rescheduled).toBe(1);
    const states = (await t.db.selectFrom('monitor_observations').select('state').where('unit_id', '=', 'kel-sibuk').where('kind', '=', 'availability').orderBy('created_at').execute()).map((r) => r.state);
    expect(states).toEqual(['rate_limited', 'up']);
    await t.db.deleteFrom('units').where('id', '=', 'kel-sibuk').execute();
  });

  it('the frequent uptime check records one availability sample per external site', async () => {
    const before = await getDailyRollups(t.db, { unitIds: ['kel-segar'], fromDay: '2026-11-25', toDay: '2026-11-25' });
    const r = await checkUptime(t.db, deps, { concurrency: 2 });
    // kel-segar, kel-bajak and the OPD have external sites; the Beranda-hosted one is ours.
    expect(r.sites).toBe(3);
    expect(r.down).toEqual([]);
    const after = await getDailyRollups(t.db, { unitIds: ['kel-segar'], fromDay: '2026-11-25', toDay: '2026-11-25' });
    expect(after[0]!.checks).toBe(before[0]!.checks + 1);
  });

  it('evaluates the period: PASS, COMPROMISED, and FAIL for a Beranda site with only a broadcast', async () => {
    own.add('kel-beranda', { url: 'https://beranda.example/kel-beranda/berita/himbauan', title: 'Himbauan Wali Kota tentang kebersihan', publishedAt: '2026-11-24T01:00:00.000Z', bodyText: 'Himbauan untuk seluruh warga kota agar menjaga kebersihan.', isBroadcast: true });
    await runChecksForUnit(t.db, deps, 'kel-beranda');
    const r = await evaluatePeriod(t.db, { clock, profile: { completeness: async (ids) => new Map(ids.map((i) => [i, 90])) } }, { region: REGION });
    expect(r.ok).toBe(true);
    const v = new Map((await getVerdictsForPeriod(t.db, '2026-W48')).map((x) => [x.unitId, x]));
    expect(v.get('kel-segar')!.status).toBe('PASS');
    // Posts 1, 3 and 10 days before Wednesday: only Tuesday's is in this week.
    expect(v.get('kel-segar')!.countedByChannel).toEqual({ website: 1 });
    expect(v.get('kel-bajak')!.status).toBe('COMPROMISED');
    expect(v.get('kel-bajak')!.alert).toBe(true);
    expect(v.get('kel-bajak')!.evidence.some((e) => e.kind === 'integrity' && e.observationId)).toBe(true);
    expect(v.get('kel-beranda')!.status).toBe('FAIL');
    expect(v.get('kel-beranda')!.reasons.map((x) => x.code)).toContain('broadcast_not_counted');
    expect(v.get('opd-kominfo')!.status).toBe('PASS');
  });

  it('a unit submits a link to its own post; admin kota accepts it and the verdict is re-evaluated', async () => {
    const notOurs = await openDispute(t.db, { unitId: 'kel-beranda', periodKey: '2026-W48', kind: 'link', postUrl: 'https://www.tiktok.com/@orang.lain/video/7441234567890123456', message: 'Video kerja bakti', userId: 'u1' }, clock);
    expect(notOurs).toEqual({ ok: false, error: 'link_not_official' });
    const opened = await openDispute(t.db, { unitId: 'kel-beranda', periodKey: '2026-W48', kind: 'link', postUrl: 'https://www.tiktok.com/@kelberanda/video/7441234567890123456', message: 'Video kerja bakti RW 02', userId: 'u1' }, clock);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.originalStatus).toBe('FAIL');
    const again = await openDispute(t.db, { unitId: 'kel-beranda', periodKey: '2026-W48', kind: 'link', postUrl: 'https://www.tiktok.com/@kelberanda/video/7441234567890123456', message: 'lagi', userId: 'u1' }, clock);
    expect(again).toEqual({ ok: false, error: 'already_open' });

    const cdeps = { clock, profile: { completeness: async (ids: string[]) => new Map(ids.map((i) => [i, 90])) } };
    expect(await decideDispute(t.db, cdeps, { region: REGION, disputeId: opened.value.id, accept: true, note: 'Sudah dicek', adminId: 'admin' })).toEqual({ ok: false, error: 'published_at_required' });
    expect(await decideDispute(t.db, cdeps, { region: '19.72', disputeId: opened.value.id, accept: true, note: 'x', adminId: 'admin' })).toEqual({ ok: false, error: 'not_found' });
    const decided = await decideDispute(t.db, cdeps, { region: REGION, disputeId: opened.value.id, accept: true, note: 'Video ada di akun resmi, diunggah Selasa.', adminId: 'admin', postPublishedAt: '2026-11-24T08:00:00+07:00' });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    expect(decided.value.verdict!.status).toBe('PASS');
    expect(decided.value.verdict!.countedByChannel).toEqual({ tiktok: 1 });
    expect(decided.value.dispute).toMatchObject({ status: 'accepted', decidedBy: 'admin', postPublishedAt: '2026-11-24T01:00:00.000Z' });
    expect(decided.value.dispute.evidence).toMatchObject({ verdictBefore: { status: 'FAIL' } });
    expect(await decideDispute(t.db, cdeps, { region: REGION, disputeId: opened.value.id, accept: false, note: 'x', adminId: 'admin' })).toEqual({ ok: false, error: 'already_decided' });
  });

  it('an accepted contest overrides the verdict and survives re-evaluation; a rejected one changes nothing', async () => {
    const cdeps = { clock };
    const c = await openDispute(t.db, { unitId: 'kel-bajak', periodKey: '2026-W48', kind: 'contest', message: 'Situs sudah dibersihkan', userId: 'u2' }, clock);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const rejected = await decideDispute(t.db, cdeps, { region: REGION, disputeId: c.value.id, accept: false, note: 'Spam masih terlihat di sitemap', adminId: 'admin' });
    expect(rejected.ok && rejected.value.verdict!.status).toBe('COMPROMISED');
    const c2 = await openDispute(t.db, { unitId: 'kel-segar', periodKey: '2026-W48', kind: 'contest', message: 'Salah hitung', userId: 'u3' }, clock);
    if (!c2.ok) throw new Error(c2.error);
    const accepted = await decideDispute(t.db, cdeps, { region: REGION, disputeId: c2.value.id, accept: true, note: 'Dikoreksi', adminId: 'admin', correctedStatus: 'EXEMPT' });
    expect(accepted.ok && accepted.value.verdict!.status).toBe('EXEMPT');
    const r = await evaluatePeriod(t.db, cdeps, { region: REGION, periodKey: '2026-W48' });
    expect(r.ok && r.value.keptOverrides).toBe(1);
    expect((await getVerdictsForPeriod(t.db, '2026-W48', ['kel-segar']))[0]!.status).toBe('EXEMPT');
  });

  it('stores the rule and exceptions per region; a whole-week holiday exempts every unit', async () => {
    expect((await setRule(t.db, REGION, { minItems: 0, periodKind: 'week' }, 'admin', clock)).ok).toBe(true);
    expect((await getRule(t.db, REGION)).minItems).toBe(0);
    expect((await setRule(t.db, REGION, { minItems: -3 }, 'admin', clock)).ok).toBe(false);
    await setRule(t.db, REGION, {}, 'admin', clock);
    expect((await addException(t.db, REGION, { kind: 'holiday', from: '2026-11-18', to: '2026-11-16', reason: 'x' }, 'admin', clock)).ok).toBe(false);
    expect((await addException(t.db, REGION, { kind: 'holiday', from: '2026-11-16', to: '2026-11-22', reason: 'Cuti bersama' }, 'admin', clock)).ok).toBe(true);
    // Nothing watched the units in week 47: no verdicts at all ("Belum dinilai"), holiday or not.
    const r = await evaluatePeriod(t.db, { clock }, { region: REGION, periodKey: '2026-W47' });
    expect(r.ok && r.value).toMatchObject({ counts: { PASS: 0, FAIL: 0, UNKNOWN: 0, COMPROMISED: 0, EXEMPT: 0 }, notAssessed: 4 });
    expect(await getVerdictsForPeriod(t.db, '2026-W47')).toEqual([]);
    // A holiday over the watched week 48 exempts everyone except the hijacked unit (COMPROMISED
    // overrides) and keeps admin kota's override.
    expect((await addException(t.db, REGION, { kind: 'holiday', from: '2026-11-23', to: '2026-11-29', reason: 'Libur' }, 'admin', clock)).ok).toBe(true);
    const w48 = await evaluatePeriod(t.db, { clock }, { region: REGION, periodKey: '2026-W48' });
    expect(w48.ok && w48.value.counts).toEqual({ PASS: 0, FAIL: 0, UNKNOWN: 0, COMPROMISED: 1, EXEMPT: 3 });
    expect((await evaluatePeriod(t.db, { clock }, { region: REGION, periodKey: '2026-W50' })).ok).toBe(false);
  });
});
