import path from 'node:path';
import {
  evaluatePeriod,
  generateRapor,
  reminderStatusSource,
} from '../modules/compliance/index.js';
import { Fetcher, defaultRdapBase, runChecksForUnit } from '../modules/monitoring/index.js';
import { createNotifiers, ensureDefaultReminderRules, runReminders } from '../modules/reminders/index.js';
import { unitRepository } from '../modules/units/index.js';
import type { WorkerDeps } from './worker.js';

// Jobs of the dashboard, reminders and the admin's "periksa ulang" (issue 7). Handlers only
// call use cases, each safe to run twice: the reminder ledger sends a reminder once, the rapor
// files are rewritten whole, and a unit check appends observations then re-evaluates.

export const JOB = {
  reminders: 'reminders.run',
  rapor: 'reports.rapor-weekly',
  checkUnit: 'monitoring.check-unit',
} as const;

export async function registerDashboardJobs(deps: WorkerDeps): Promise<void> {
  const { jobs, db, clock, logger, config } = deps;
  const region = config.region;

  const city = (await unitRepository.inRegion(db, region)).find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
  if (city) {
    const seeded = await ensureDefaultReminderRules(db, clock, city.id);
    if (seeded) logger.info({ rules: seeded }, 'default reminder rules created');
  }

  const notifiers = createNotifiers(db, clock, config);
  const statusSource = reminderStatusSource(db, { region, publicUrl: config.publicUrl });
  await jobs.work(JOB.reminders, async () => {
    const r = await runReminders({ db, clock, regionCode: region, statusSource, notifiers });
    if (r.planned || r.sent || r.failed || r.retrying) logger.info(r, 'reminders run');
  });
  // Every 10 minutes: scheduled rules fire at their first slot in the period (the ledger keeps
  // them once), alerts (hijacked site, site down > 24 h) go out within minutes.
  await jobs.schedule(JOB.reminders, '*/10 * * * *');

  await jobs.work(JOB.rapor, async () => {
    const r = await generateRapor(db, { region, clock, dir: path.join(config.dataDir, 'rapor') });
    logger.info({ ok: r.ok, files: r.ok ? r.value.map((f) => f.name) : [] }, 'weekly rapor stored');
  });
  // Monday 06:00 WIB: last week's rapor is ready before the morning meeting.
  await jobs.schedule(JOB.rapor, '0 6 * * 1');

  const fetcher = new Fetcher({ contactUrl: `${config.publicUrl}/tentang-pemantauan` });
  await jobs.work<{ unitId: string; region: string }>(JOB.checkUnit, async (job) => {
    if (job.data.region !== region) return;
    const outcome = await runChecksForUnit(db, { fetcher, clock, rdapBaseFor: defaultRdapBase }, job.data.unitId);
    await evaluatePeriod(db, { clock }, { region, unitIds: [job.data.unitId] });
    logger.info(outcome, 'unit re-checked on request');
  });
}
