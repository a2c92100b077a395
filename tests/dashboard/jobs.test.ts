import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { JobHandler, JobQueue } from '../../src/jobs/queue.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { composeServices } from '../../src/main/compose.js';
import { checkUnitJob, closePeriodJob, dashboardJobs, prepareDashboardWorker, raporJob, remindersJob } from '../../src/main/dashboard-jobs.js';
import { monitoringSweepJobs, sweepBatchJob, sweepFollowUpJob, sweepJob, sweepRescueJob } from '../../src/main/monitoring-sweep-jobs.js';
import { seedMonitoringDemo } from '../../src/main/demo/monitoring-demo.js';
import { ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { getVerdictsForPeriod, listStoredRapor } from '../../src/modules/compliance/index.js';
import { listNotifications, listReminderRules } from '../../src/modules/reminders/index.js';
import { findUnitBySlug, importRegion } from '../../src/modules/units/index.js';
import { saveContent } from '../../src/modules/content/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb, testEngine } from '../support/test-db.js';

// The worker side of issue 7: the reminder job over the dashboard's read model (Thursday 09:00
// WIB, operators and lurah of kelurahan without content, once even when the job runs twice), the
// weekly rapor stored on disk, and the admin's "periksa ulang" job.

const region = '19.71';
const handlers = new Map<string, JobHandler>();
const schedules = new Map<string, string>();
const queue = {
  kind: 'embedded',
  work: async (name: string, h: JobHandler) => void handlers.set(name, h),
  schedule: async (name: string, cron: string) => void schedules.set(name, cron),
  unschedule: async () => {},
  send: async () => 'x',
} as unknown as JobQueue;
const run = (name: string, data: object = {}) => handlers.get(name)!({ id: 'j', name, data, attempt: 1, signal: new AbortController().signal });
const JOB = { reminders: remindersJob.name, rapor: raporJob.name, checkUnit: checkUnitJob.name, sweep: sweepJob.name, sweepBatch: sweepBatchJob.name, sweepFollowUp: sweepFollowUpJob.name, rescue: sweepRescueJob.name, closePeriod: closePeriodJob.name };

let t: TestDb;
let dir: string;
// Thursday 26 November 2026, 09:05 WIB.
const clock = new FixedClock('2026-11-26T02:05:00Z');

beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-rapor-'));
  await importRegion(t.db, region, clock);
  await ensureDemoUsers(t.db, clock, region);
  await seedMonitoringDemo(t.db, clock, { region, publicUrl: 'http://localhost:3000' });
  const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' }), dataDir: dir };
  const logger = pino({ level: 'silent' });
  const deps = { db: t.db, config, clock, logger, jobs: queue, services: composeServices({ db: t.db, clock, config }) };
  await prepareDashboardWorker(deps);
  await registerDeclaredJobs(queue, [...dashboardJobs, ...monitoringSweepJobs], deps, { log: logger, now: () => clock.now() });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`dashboard jobs on ${testEngine()}`, () => {
  it('registers the reminder, rapor and re-check jobs with their schedules in WIB', async () => {
    expect([...handlers.keys()].sort()).toEqual([JOB.checkUnit, JOB.closePeriod, JOB.rapor, JOB.reminders, JOB.sweep, JOB.sweepBatch, JOB.sweepFollowUp, JOB.rescue].sort());
    expect(Object.fromEntries(schedules)).toEqual({
      [JOB.reminders]: '*/10 * * * *',
      [JOB.rapor]: '0 6 * * 1',
      [JOB.sweep]: '20 */6 * * *',
      [JOB.rescue]: '* * * * *',
      [JOB.closePeriod]: '30 0 * * *',
    });
    // Issue 7's four and the two deadline rules of citizens' requests (issue 17).
    expect((await listReminderRules(t.db, region)).length).toBe(6);
  });

  it('reminds the operator of a kelurahan without content on Thursday, once even when run twice', async () => {
    const opPasar = await t.db.selectFrom('users').select('id').where('username', '=', 'operator.pasar-padi').executeTakeFirstOrThrow();
    const opBacang = await t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow();
    await run(JOB.reminders);
    await run(JOB.reminders);
    const pasar = await listNotifications(t.db, opPasar.id);
    // Pasar Padi has no content this week in the demo; Bacang has.
    expect(pasar).toHaveLength(1);
    expect(pasar[0]!.link).toBe('http://localhost:3000/admin/unit/pasar-padi/pemantauan');
    expect(await listNotifications(t.db, opBacang.id)).toHaveLength(0);
    const ledger = await t.db.selectFrom('reminder_ledger').select(['unit_id', 'channel', 'status']).where('recipient_user_id', '=', opPasar.id).execute();
    expect(ledger.filter((r) => r.channel === 'inapp')).toEqual([expect.objectContaining({ status: 'sent' })]);
  });

  it('stores last week’s rapor as PDF and XLSX, rewriting the same files on a second run', async () => {
    await run(JOB.rapor);
    await run(JOB.rapor);
    const stored = await listStoredRapor(path.join(dir, 'rapor'), region);
    expect(stored.map((s) => s.name)).toEqual(['rapor-19.71-2026-W47.pdf', 'rapor-19.71-2026-W47.xlsx']);
    expect(stored.every((s) => s.bytes > 1000)).toBe(true);
  });

  it('re-checks a unit with its real Beranda posts: a berita published today turns FAIL into PASS', async () => {
    const unit = (await findUnitBySlug(t.db, region, 'pasar-padi'))!;
    expect((await getVerdictsForPeriod(t.db, '2026-W48', [unit.id]))[0]!.status).toBe('FAIL');
    const saved = await saveContent(
      { db: t.db, clock },
      { unitId: unit.id, actorId: null, input: { kind: 'berita', title: 'Posyandu balita di balai kelurahan', body: 'Posyandu balita dan lansia hari Kamis di balai kelurahan Pasar Padi.', bodyFormat: 'text', status: 'published' } },
    );
    expect(saved.ok).toBe(true);
    clock.advance(60_000);
    await run(JOB.checkUnit, { unitId: unit.id, region });
    const v = (await getVerdictsForPeriod(t.db, '2026-W48', [unit.id]))[0]!;
    expect(v.status).toBe('PASS');
    expect(v.countedByChannel.website).toBeGreaterThanOrEqual(1);
  });

  it('re-checks one unit on request and keeps its verdict for the period', async () => {
    const unit = (await findUnitBySlug(t.db, region, 'bacang'))!;
    const before = (await getVerdictsForPeriod(t.db, '2026-W48', [unit.id]))[0]!;
    clock.advance(60_000);
    await run(JOB.checkUnit, { unitId: unit.id, region });
    const after = (await getVerdictsForPeriod(t.db, '2026-W48', [unit.id]))[0]!;
    expect(after.status).toBe(before.status);
    expect(after.evaluatedAt > before.evaluatedAt).toBe(true);
  });
});
