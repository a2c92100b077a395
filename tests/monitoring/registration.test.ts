import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import type { JobHandler, JobQueue } from '../../src/jobs/queue.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { checkUnitJob, closePeriodJob, dashboardJobs, prepareDashboardWorker, raporJob, remindersJob } from '../../src/main/dashboard-jobs.js';
import { monitoringSweepJobs, sweepJob } from '../../src/main/monitoring-sweep-jobs.js';
import { getVerdictsForPeriod, setRule } from '../../src/modules/compliance/index.js';
import { saveContent } from '../../src/modules/content/index.js';
import { Fetcher, SWEEP_BATCH_JOB, getSweepProgress, listPresences, registrationContext, syncRegistrations } from '../../src/modules/monitoring/index.js';
import { listNotifications } from '../../src/modules/reminders/index.js';
import { findUnitBySlug } from '../../src/modules/units/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 15 §1 with the demo off: OPD added by the form or the CSV are monitored, every
// kelurahan's own Beranda site is registered (so its own post makes it PASS), addresses follow
// changes, "Periksa semua sekarang" checks every unit through one job per unit, and a hijack
// found by the sweep reaches admin kota at once.

const region = '19.71';
let a: TestApp;
let admin: Session;
let fleet: Fleet;
const sent: { name: string; data: any; key?: string }[] = [];
const handlers = new Map<string, JobHandler>();
const queue = {
  kind: 'embedded',
  work: async (name: string, h: JobHandler) => void handlers.set(name, h),
  schedule: async () => undefined,
  unschedule: async () => undefined,
  send: async (name: string, data: object, o?: { singletonKey?: string }) => {
    if (o?.singletonKey && sent.some((s) => s.key === o.singletonKey)) return null;
    sent.push({ name, data, key: o?.singletonKey });
    return String(sent.length);
  },
} as unknown as JobQueue;
const run = (name: string, data: object = {}) => handlers.get(name)!({ id: 'j', name, data, attempt: 1, signal: new AbortController().signal });
const JOB = { reminders: remindersJob.name, rapor: raporJob.name, checkUnit: checkUnitJob.name, sweep: sweepJob.name, closePeriod: closePeriodJob.name };
const unitId = async (slug: string) => (await findUnitBySlug(a.t.db, region, slug))!.id;
const presences = async (slug: string) => (await listPresences(a.t.db, await unitId(slug))).map((p) => `${p.kind}:${p.handle ?? p.url}:${p.source}`).sort();

beforeAll(async () => {
  a = await createTestApp({ demo: false, monitorAllow: ['.test'] });
  fleet = await startFleet({ now: () => a.clock.now() });
  a.deps.jobs = queue;
  admin = await a.loginAs('admin');
  const fetcher = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, clock: a.clock, perHostIntervalMs: 0, ca: fleet.caPem ?? undefined });
  const logger = pino({ level: 'silent' });
  const worker = { db: a.t.db, config: a.deps.config, clock: a.clock, logger, jobs: queue, services: { ...a.services, fetcher } };
  await prepareDashboardWorker(worker);
  await registerDeclaredJobs(queue, [...dashboardJobs, ...monitoringSweepJobs], worker, { log: logger, now: () => a.clock.now() });
}, 120_000);
afterAll(async () => {
  await fleet?.close();
  await a?.close();
});

describe(`registration follows the units on ${testEngine()} (demo off)`, () => {
  it('registers every kelurahan’s own Beranda site when the worker starts', async () => {
    expect(await presences('bacang')).toEqual([`beranda_site:${a.deps.config.publicUrl}/bacang:auto_beranda`]);
  });

  it('an OPD added with the form is monitored: its website and handle, no Beranda site', async () => {
    const res = await admin.post('/admin/wilayah/opd', { name: 'Dinas Kesehatan', slug: 'dinkes', website: fleet.url('wp-segar'), instagram: '@Dinkes.PGK' });
    expect(res.status).toBe(303);
    expect(await presences('dinkes')).toEqual([`social:dinkes.pgk:unit_links`, `website:${fleet.url('wp-segar')}:unit_links`]);
  });

  it('the form refuses a website that points inward, next to the field, and saves nothing', async () => {
    const res = await admin.post('/admin/wilayah/opd', { name: 'Dinas Rahasia', slug: 'rahasia', website: 'http://169.254.169.254/latest/meta-data/' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('169.254.169.254');
    expect(html).toContain('value="Dinas Rahasia"');
    expect(await findUnitBySlug(a.t.db, region, 'rahasia')).toBeFalsy();
  });

  it('OPD imported from a CSV are monitored; one without a website is judged by its Beranda site', async () => {
    const csv = `nama,singkatan,website,facebook\nDinas Pendidikan,disdik,${fleet.url('opensid')},disdik.pgk\nBadan Keuangan Daerah,bkd,,\nDinas Pariwisata,dispar,${fleet.url('dibajak')},\n`;
    const body = new FormData();
    body.append('_csrf', admin.csrf);
    body.append('file', new Blob([csv], { type: 'text/csv' }), 'opd.csv');
    const res = await a.request('/admin/wilayah/opd-csv', { method: 'POST', cookie: admin.cookie, body });
    expect(res.status).toBe(303);
    expect(await presences('disdik')).toEqual([`social:disdik.pgk:unit_links`, `website:${fleet.url('opensid')}:unit_links`]);
    expect(await presences('bkd')).toEqual([`beranda_site:${a.deps.config.publicUrl}/bkd:auto_beranda`]);
  });

  it('a changed address is re-registered and a removed one unregistered; manual entries stay', async () => {
    const ctx = registrationContext(a.deps.config);
    const id = await unitId('disdik');
    await a.t.db.updateTable('units').set({ settings: JSON.stringify({ links: { website: fleet.url('wp-tanpa-rest') } }) }).where('id', '=', id).execute();
    expect(await syncRegistrations(a.t.db, a.clock, ctx, [id])).toMatchObject({ added: 1, removed: 2 });
    expect(await presences('disdik')).toEqual([`website:${fleet.url('wp-tanpa-rest')}:unit_links`]);
    await admin.post('/admin/unit/disdik/pemantauan/akun', { platform: 'tiktok', handle: '@disdik' });
    await a.t.db.updateTable('units').set({ settings: JSON.stringify({ links: {} }) }).where('id', '=', id).execute();
    await syncRegistrations(a.t.db, a.clock, ctx, [id]);
    expect(await presences('disdik')).toEqual([`beranda_site:${a.deps.config.publicUrl}/disdik:auto_beranda`, 'social:disdik:manual']);
    // A new PUBLIC_URL moves every Beranda site.
    const moved = registrationContext({ ...a.deps.config, publicUrl: 'https://beranda.pangkalpinangkota.go.id' });
    await syncRegistrations(a.t.db, a.clock, moved);
    expect(await presences('bacang')).toEqual(['beranda_site:https://beranda.pangkalpinangkota.go.id/bacang:auto_beranda']);
    await syncRegistrations(a.t.db, a.clock, ctx);
    await a.t.db.updateTable('units').set({ settings: JSON.stringify({ links: { website: fleet.url('opensid') } }) }).where('id', '=', id).execute();
    await syncRegistrations(a.t.db, a.clock, ctx, [id]);
  });

  it('"Periksa semua sekarang": a sweep of the regency in batch jobs, progress shown, every unit checked once', async () => {
    const before = sent.length;
    const res = await admin.post('/admin/pemantauan/periksa');
    expect(res.status).toBe(303);
    const progressUrl = res.headers.get('location')!;
    const jobs = sent.slice(before);
    const units = await a.t.db.selectFrom('units').select('id').where('region_code', '=', region).where('kind', 'in', ['kelurahan', 'desa', 'opd']).execute();
    // The same batched sweep as the six-hourly one (issue 18): one job per batch of 25, not per unit.
    expect(jobs.map((j) => j.name)).toEqual(jobs.map(() => SWEEP_BATCH_JOB));
    expect(jobs).toHaveLength(Math.ceil(units.length / 25));
    const sweepId = progressUrl.split('/').pop()!;
    expect(await getSweepProgress(a.t.db, sweepId)).toMatchObject({ expected: units.length, queued: units.length });
    let page = await (await admin.get(progressUrl)).text();
    expect(page).toContain(`0 dari ${units.length} unit selesai diperiksa`);
    expect(page).toContain('Perbarui kemajuan');
    // A batch job delivered twice checks its units once.
    for (const j of [...jobs, jobs[0]!]) await run(j.name, j.data);
    // Sites a first look found silent went to follow-up batches: those run too.
    for (const j of sent.slice(before + jobs.length)) await run(j.name, j.data);
    const checks = await a.t.db.selectFrom('monitor_sweep_units').select(['unit_id', 'state']).where('sweep_id', '=', sweepId).execute();
    expect(checks.map((c) => c.state)).toEqual(checks.map(() => 'done'));
    page = await (await admin.get(progressUrl)).text();
    expect(page).toContain(`${units.length} dari ${units.length} unit selesai diperiksa`);
    expect(page).toContain('Pemeriksaan selesai');
    const verdicts = await getVerdictsForPeriod(a.t.db, '2026-W48');
    expect(verdicts.length).toBe(units.length);
    // The OPD websites were really crawled.
    expect(fleet.hits.get('wp-segar')).toBeGreaterThan(2);
    expect((await getVerdictsForPeriod(a.t.db, '2026-W48', [await unitId('dispar')]))[0]!.status).toBe('COMPROMISED');
    // Reachable by tapping from the dashboard.
    expect(await (await admin.get('/admin/dasbor')).text()).toContain('href="/admin/pemantauan/periksa"');
  });

  it('with the demo off, a kelurahan’s own post on its Beranda site makes it PASS', async () => {
    await setRule(a.t.db, region, { minSocialAccounts: 0, profileCompletenessMin: 0 }, 'admin', a.clock);
    const id = await unitId('bacang');
    await run(JOB.checkUnit, { unitId: id, region });
    expect((await getVerdictsForPeriod(a.t.db, '2026-W48', [id]))[0]!.status).toBe('FAIL');
    const saved = await saveContent({ db: a.t.db, clock: a.clock }, { unitId: id, actorId: null, input: { kind: 'berita', title: 'Kerja bakti membersihkan saluran air RW 03', body: 'Warga RW 03 Kelurahan Bacang bergotong royong membersihkan saluran air pada Selasa pagi.', bodyFormat: 'text', status: 'published' } });
    expect(saved.ok).toBe(true);
    a.clock.advance(60_000);
    await run(JOB.checkUnit, { unitId: id, region });
    const v = (await getVerdictsForPeriod(a.t.db, '2026-W48', [id]))[0]!;
    expect(v.status).toBe('PASS');
    expect(v.countedByChannel).toEqual({ website: 1 });
  });

  it('the week before registration was not watched: "Belum dinilai", no verdict, no streak', async () => {
    await run(JOB.closePeriod);
    expect(await getVerdictsForPeriod(a.t.db, '2026-W47')).toEqual([]);
    const html = await (await admin.get('/admin/dasbor/unit/bacang')).text();
    expect(html).toContain('Belum dinilai');
    expect(html).not.toMatch(/2 minggu berturut-turut/);
  });

  it('a hijack found by the sweep reaches admin kota within the same sweep', async () => {
    const adminUser = await a.t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    await a.t.db.deleteFrom('reminder_ledger').execute();
    await a.t.db.deleteFrom('notifications').execute();
    await run(JOB.sweep);
    // The sweep queued its batches; the worker takes them.
    const batches = sent.filter((s) => s.name === 'monitoring.sweep-batch');
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) await run(b.name, b.data);
    // No reminders job ran: the in-app alert is there because the sweep raised it.
    const dispar = await unitId('dispar');
    const inbox = await listNotifications(a.t.db, adminUser.id);
    expect(inbox.filter((n) => n.unitId === dispar).map((n) => n.kind)).toContain('compromised');
  });
});
