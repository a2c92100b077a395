import path from 'node:path';
import { channelActivitySource } from '../modules/channels/index.js';
import {
  evaluatePeriod,
  generateRapor,
  getRule,
  profileCompletenessSource,
  periodContaining,
  previousPeriod,
  reminderStatusSource,
} from '../modules/compliance/index.js';
import { broadcastContentIds } from '../modules/composer/index.js';
import { ownContentSource } from '../modules/content/index.js';
import {
  CHECK_UNIT_JOB,
  Fetcher,
  type AlertSink,
  type MonitoringDeps,
  defaultRdapBase,
  getPresences,
  registrationContext,
  runCheckBatchJob,
  runChecksForUnit,
  sweep,
  syncRegistrations,
} from '../modules/monitoring/index.js';
import { createNotifiers, ensureDefaultReminderRules, runReminders } from '../modules/reminders/index.js';
import { coalesce } from '../shared/coalesce.js';
import { unitRepository } from '../modules/units/index.js';
import type { WorkerDeps } from './worker.js';
import { registeredAccountsSource } from '../modules/channels/index.js';

// Jobs of the dashboard, reminders and the admin's "periksa ulang" (issue 7). Handlers only
// call use cases, each safe to run twice: the reminder ledger sends a reminder once, the rapor
// files are rewritten whole, and a unit check appends observations then re-evaluates.

export const JOB = {
  reminders: 'reminders.run',
  rapor: 'reports.rapor-weekly',
  checkUnit: CHECK_UNIT_JOB,
  sweep: 'monitoring.sweep',
  closePeriod: 'compliance.close-period',
} as const;

export interface DashboardJobOptions {
  /** The crawler; tests give one that reaches the loopback fixture fleet. */
  fetcher?: Fetcher;
}

export async function registerDashboardJobs(deps: WorkerDeps, options: DashboardJobOptions = {}): Promise<void> {
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

  // The monitoring engine reads Beranda's own posts and the accounts' activity through its
  // ports; these adapters are the content and channels modules' sides of them.
  const broadcastIds = (unitId: string) => broadcastContentIds(db, [unitId]);
  // Verdicts apply the whole rule, profile completeness included (kelurahan only).
  const compliance = { clock, profile: profileCompletenessSource(db), accounts: registeredAccountsSource(db) };
  // COMPROMISED is escalated within the sweep that finds it (issue 15 §4): the unit's verdict is
  // stored at once and the reminder rules run, so the "situs dibobol" alert goes out now rather
  // than at the next 10-minute reminder run. Several hijacks found together share one run.
  const alertRun = coalesce(async () => {
    const r = await runReminders({ db, clock, regionCode: region, statusSource, notifiers });
    logger.info(r, 'immediate alert run');
  });
  const alerts: AlertSink = {
    async compromised(a) {
      await evaluatePeriod(db, compliance, { region, unitIds: [a.unitId] });
      logger.warn({ unitId: a.unitId, url: a.url, codes: a.evidence.codes }, 'site compromised: alerting now');
      await alertRun();
    },
  };
  const registration = registrationContext(config);
  const monitoring: MonitoringDeps = {
    fetcher: options.fetcher ?? new Fetcher({ contactUrl: `${config.publicUrl}/tentang-pemantauan`, allowNetworks: config.monitorAllow }),
    alerts,
    clock,
    rdapBaseFor: defaultRdapBase,
    ownContent: ownContentSource(db, {
      siteUrlOf: async (unitId) => (await getPresences(db, [unitId])).find((p) => p.kind === 'beranda_site')?.url ?? null,
      broadcastIds,
    }),
    social: channelActivitySource(db, { broadcastPostIds: broadcastIds }),
  };

  const checkUnit = async (unitId: string) => {
    const outcome = await runChecksForUnit(db, monitoring, unitId);
    await evaluatePeriod(db, compliance, { region, unitIds: [unitId] });
    return outcome;
  };
  // One job per unit; with a batchId ("Periksa semua sekarang") the first job to run also takes
  // the batch's other units, 8 at a time (modules/monitoring/check-all.ts).
  await jobs.work<{ unitId: string; region: string; batchId?: string }>(JOB.checkUnit, async (job) => {
    if (job.data.region !== region) return;
    if (job.data.batchId) {
      const r = await runCheckBatchJob(db, clock, { batchId: job.data.batchId, unitId: job.data.unitId, concurrency: 8, check: async (id) => void (await checkUnit(id)) });
      if (r.checked || r.failed) logger.info({ batchId: job.data.batchId, ...r }, 'check-all batch progressed');
      return;
    }
    logger.info(await checkUnit(job.data.unitId), 'unit re-checked on request');
  });

  // Registration follows the units: at start and before every sweep (issue 15 §1).
  const synced = await syncRegistrations(db, clock, registration);
  if (synced.added || synced.removed) logger.info(synced, 'monitoring registrations synced');

  // Every six hours: check every registered site and account, then refresh this period's live
  // verdicts (reference freshness.md §3.3: 6–24 h is polite and fresh enough for a weekly rule).
  await jobs.work(JOB.sweep, async () => {
    await syncRegistrations(db, clock, registration);
    const s = await sweep(db, monitoring, { concurrency: 16 });
    const e = await evaluatePeriod(db, compliance, { region });
    logger.info({ units: s.units, observations: s.observations, failed: s.failed.length, verdicts: e.ok ? e.value.counts : null }, 'monitoring sweep');
  });
  await jobs.schedule(JOB.sweep, '20 */6 * * *');

  // Every night at 00:30 WIB the previous period is evaluated again, so the week that just ended
  // gets its final word on Monday night (posts crawled late still count) and a monthly rule on the 1st.
  await jobs.work(JOB.closePeriod, async () => {
    const rule = await getRule(db, region);
    const last = previousPeriod(periodContaining(rule.periodKind, clock.now()));
    const e = await evaluatePeriod(db, compliance, { region, periodKey: last.key });
    logger.info({ period: last.key, verdicts: e.ok ? e.value.counts : null }, 'period closed');
  });
  await jobs.schedule(JOB.closePeriod, '30 0 * * *');
}
