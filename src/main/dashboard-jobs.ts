import path from 'node:path';
import { channelActivitySource, registeredAccountsSource } from '../modules/channels/index.js';
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
  type AlertSink,
  type MonitoringDeps,
  dbRdapAnswers,
  defaultRdapBase,
  getPresences,
  registrationContext,
  runCheckBatchJob,
  runChecksForUnit,
  syncAllRegistrations,
  watchedRegions,
} from '../modules/monitoring/index.js';
import { createNotifiers, ensureDefaultReminderRules, regionsWithRules, runReminders } from '../modules/reminders/index.js';
import { unitRepository } from '../modules/units/index.js';
import { NATIONAL_SCOPE, activeStaffByRegion, scopeKind } from '../modules/accounts/index.js';
import { withPelayananCounts } from '../modules/pelayanan/index.js';
import { coalesce } from '../shared/coalesce.js';
import { reasonText } from '../i18n/monitoring-reasons.js';
import { defineJob } from '../jobs/define-job.js';
import { type WorkerDeps, oncePerWorker } from './worker-deps.js';

// Jobs of the dashboard, reminders and monitoring (issues 7 and 15). Handlers only call use
// cases, each safe to run twice: the reminder ledger sends a reminder once, the rapor files are
// rewritten whole, and a unit check appends observations then re-evaluates.

const MINUTE = 60_000;

/**
 * Worker start-up: the city's default reminder rules exist (once), and monitoring registration
 * follows the units (issue 15 §1; again before every sweep).
 */
export async function prepareDashboardWorker(deps: WorkerDeps): Promise<void> {
  const city = (await unitRepository.inRegion(deps.db, deps.config.region)).find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
  if (city) {
    const seeded = await ensureDefaultReminderRules(deps.db, deps.clock, city.id);
    if (seeded) deps.logger.info({ rules: seeded }, 'default reminder rules created');
  }
  // Other regencies of the install get theirs once they have staff to remind (decision 0017):
  // a national import alone does not make 514 regencies' rules nobody would receive.
  for (const region of (await activeStaffByRegion(deps.db, NATIONAL_SCOPE)).keys()) {
    if (region === deps.config.region || scopeKind(region) !== 'regency') continue;
    const root = await unitRepository.byCode(deps.db, region);
    if (root && (root.kind === 'kota' || root.kind === 'kabupaten')) await ensureDefaultReminderRules(deps.db, deps.clock, root.id);
  }
  // Every imported regency's units (decision 0017), one regency and one slice at a time.
  const synced = await syncAllRegistrations(deps.db, deps.clock, registrationOf(deps));
  if (synced.added || synced.removed) deps.logger.info(synced, 'monitoring registrations synced');
}

export const registrationOf = oncePerWorker((d) => registrationContext(d.config));
const notifiersOf = oncePerWorker((d) => createNotifiers(d.db, d.clock, d.config));
// Verdicts apply the whole rule, profile completeness included (kelurahan only).
export const complianceOf = oncePerWorker((d) => ({ clock: d.clock, profile: profileCompletenessSource(d.db), accounts: registeredAccountsSource(d.db) }));

const runRemindersNow = async (deps: WorkerDeps) => {
  const { db, clock, config } = deps;
  // Citizens' requests near or past their deadline reach the unit and its lurah (issue 17).
  const statusSource = (region: string) =>
    withPelayananCounts(reminderStatusSource(db, { region, publicUrl: config.publicUrl, reasonText }), {
      db,
      region,
      inboxLink: (slug) => `${config.publicUrl}/admin/unit/${slug}/pelayanan`,
    });
  // Every other regency of the install with rules of its own is planned in the same run (0017).
  const more = (await regionsWithRules(db)).filter((r) => r !== config.region).map((r) => ({ regionCode: r, statusSource: statusSource(r) }));
  return runReminders({ db, clock, regionCode: config.region, statusSource: statusSource(config.region), moreRegions: more, notifiers: notifiersOf(deps) });
};

// COMPROMISED is escalated within the sweep that finds it (issue 15 §4): the unit's verdict is
// stored at once and the reminder rules run, so the "situs dibobol" alert goes out now rather
// than at the next 10-minute reminder run. Several hijacks found together share one run.
const alertsOf = oncePerWorker((d): AlertSink => {
  const alertRun = coalesce(async () => {
    const r = await runRemindersNow(d);
    d.logger.info(r, 'immediate alert run');
  });
  return {
    async compromised(a) {
      await evaluateUnits(d, [a.unitId]);
      d.logger.warn({ unitId: a.unitId, url: a.url, codes: a.evidence.codes }, 'site compromised: alerting now');
      await alertRun();
    },
  };
});

// The monitoring engine reads Beranda's own posts and the accounts' activity through its ports;
// these adapters are the content and channels modules' sides of them. The crawler is composed
// once per process (its per-host politeness holds across runs).
export const monitoringOf = oncePerWorker((d): MonitoringDeps => {
  const broadcastIds = (unitId: string) => broadcastContentIds(d.db, [unitId]);
  return {
    fetcher: d.services.fetcher,
    alerts: alertsOf(d),
    clock: d.clock,
    rdapBaseFor: defaultRdapBase,
    rdapAnswers: dbRdapAnswers(d.db),
    ownContent: ownContentSource(d.db, {
      siteUrlOf: async (unitId) => (await getPresences(d.db, [unitId])).find((p) => p.kind === 'beranda_site')?.url ?? null,
      broadcastIds,
    }),
    social: channelActivitySource(d.db, { broadcastPostIds: broadcastIds }),
  };
});

/**
 * This period's live verdicts of the units, each under its own regency's rule (decision 0017:
 * an install may hold several regencies; a regency without a rule of its own gets the defaults).
 */
export async function evaluateUnits(deps: WorkerDeps, unitIds: readonly string[]): Promise<void> {
  const byRegion = new Map<string, string[]>();
  for (const u of await unitRepository.byIds(deps.db, unitIds)) byRegion.set(u.region_code, [...(byRegion.get(u.region_code) ?? []), u.id]);
  for (const [region, ids] of byRegion) await evaluatePeriod(deps.db, complianceOf(deps), { region, unitIds: ids });
}

/** The install's own regency first, then every other regency in `more` (once each). */
const withOwnRegion = (deps: WorkerDeps, more: Iterable<string>) => [...new Set([deps.config.region, ...[...more].filter((r) => scopeKind(r) === 'regency')])];

async function checkUnit(deps: WorkerDeps, unitId: string) {
  const outcome = await runChecksForUnit(deps.db, monitoringOf(deps), unitId);
  await evaluateUnits(deps, [unitId]);
  return outcome;
}

/**
 * Every 10 minutes: scheduled rules fire at their first slot in the period (the ledger keeps
 * them once), alerts (hijacked site, site down > 24 h) go out within minutes.
 */
export const remindersJob = defineJob<WorkerDeps>({
  name: 'reminders.run',
  schedule: '*/10 * * * *',
  lane: 'reminders',
  timeoutMs: 5 * MINUTE,
  retry: { limit: 2, delayMs: MINUTE, backoff: 'exponential' },
  // The ledger remembers what was sent; the next slot sends what this one could not.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await runRemindersNow(deps);
    if (r.planned || r.sent || r.failed || r.retrying) deps.logger.info(r, 'reminders run');
  },
});

/** Monday 06:00 WIB: last week's rapor is ready before the morning meeting. */
export const raporJob = defineJob<WorkerDeps>({
  name: 'reports.rapor-weekly',
  schedule: '0 6 * * 1',
  lane: 'maintenance',
  timeoutMs: 15 * MINUTE,
  retry: { limit: 3, delayMs: 5 * MINUTE, backoff: 'exponential' },
  // The dashboard still makes the rapor on request; only the stored copy is missing.
  onFinalFailure: 'log',
  async run(_job, deps) {
    // Every regency with staff to read it gets its own files (named by regency, listed per regency).
    for (const region of withOwnRegion(deps, (await activeStaffByRegion(deps.db, NATIONAL_SCOPE)).keys())) {
      const r = await generateRapor(deps.db, { region, clock: deps.clock, dir: path.join(deps.config.dataDir, 'rapor') });
      deps.logger.info({ region, ok: r.ok, files: r.ok ? r.value.map((f) => f.name) : [] }, 'weekly rapor stored');
    }
  },
});

/**
 * "Periksa ulang" from the dashboard: one unit's checks now, then its verdict again. With a
 * batchId ("Periksa semua sekarang") the first job to run also takes the batch's other units,
 * 8 at a time (modules/monitoring/check-all.ts).
 */
export const checkUnitJob = defineJob<WorkerDeps, { unitId: string; region: string; batchId?: string }>({
  name: CHECK_UNIT_JOB,
  lane: 'monitoring',
  concurrency: 2,
  timeoutMs: 15 * MINUTE,
  retry: { limit: 1, delayMs: MINUTE, backoff: 'fixed' },
  // The six-hourly sweep checks the unit anyway; a batch shows the unit as not checked.
  onFinalFailure: 'log',
  async run(job, deps) {
    // The job names the regency it was asked for; a unit that is not (or no longer) there is skipped.
    if ((await unitRepository.byId(deps.db, job.data.unitId))?.region_code !== job.data.region) return;
    if (job.data.batchId) {
      const r = await runCheckBatchJob(deps.db, deps.clock, { batchId: job.data.batchId, unitId: job.data.unitId, concurrency: 8, check: async (id) => void (await checkUnit(deps, id)) });
      if (r.checked || r.failed) deps.logger.info({ batchId: job.data.batchId, ...r }, 'check-all batch progressed');
      return;
    }
    deps.logger.info(await checkUnit(deps, job.data.unitId), 'unit re-checked on request');
  },
});

/**
 * Every night at 00:30 WIB the previous period is evaluated again, so the week that just ended
 * gets its final word on Monday night (posts crawled late still count) and a monthly rule on the 1st.
 */
export const closePeriodJob = defineJob<WorkerDeps>({
  name: 'compliance.close-period',
  schedule: '30 0 * * *',
  lane: 'monitoring',
  timeoutMs: 10 * MINUTE,
  retry: { limit: 3, delayMs: 5 * MINUTE, backoff: 'exponential' },
  onFinalFailure: 'log',
  async run(_job, deps) {
    // Every regency with watched units, each with its own rule's period (decision 0017).
    for (const region of withOwnRegion(deps, await watchedRegions(deps.db))) {
      const rule = await getRule(deps.db, region);
      const last = previousPeriod(periodContaining(rule.periodKind, deps.clock.now()));
      const e = await evaluatePeriod(deps.db, complianceOf(deps), { region, periodKey: last.key });
      deps.logger.info({ region, period: last.key, verdicts: e.ok ? e.value.counts : null }, 'period closed');
    }
  },
});

export const dashboardJobs = [remindersJob, raporJob, checkUnitJob, closePeriodJob];
