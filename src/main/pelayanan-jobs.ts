import { type PelayananDeps, applyRetention, cityUnitOf, deliverCitizenMessages } from '../modules/pelayanan/index.js';
import { createNotifiers, ensurePelayananReminderRules } from '../modules/reminders/index.js';
import { defineJob } from '../jobs/define-job.js';
import { type WorkerDeps, oncePerWorker } from './worker-deps.js';

// Jobs of pelayanan digital (issue 17). Handlers only call use cases, each safe to run twice:
// the outbox claims a message before sending it.

const MINUTE = 60_000;

/** Worker start-up: a city set up before online requests gets the two deadline reminder rules. */
export async function preparePelayananWorker(deps: WorkerDeps): Promise<void> {
  const city = await cityUnitOf(deps.db, deps.config.region);
  if (!city) return;
  const added = await ensurePelayananReminderRules(deps.db, deps.clock, city.id);
  if (added) deps.logger.info({ rules: added }, 'pelayanan reminder rules created');
}
const notifiersOf = oncePerWorker((d) => createNotifiers(d.db, d.clock, d.config));

/** Every minute: a citizen waits for the code and PIN, or to hear "perlu perbaikan", now. */
export const notifyCitizensJob = defineJob<WorkerDeps>({
  name: 'pelayanan.notify-citizens',
  schedule: '* * * * *',
  lane: 'reminders',
  timeoutMs: 5 * MINUTE,
  retry: { limit: 2, delayMs: MINUTE, backoff: 'exponential' },
  // Each message keeps its own attempts and backoff in the outbox; the next minute goes on.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await deliverCitizenMessages({ db: deps.db, clock: deps.clock, notifiers: notifiersOf(deps) });
    if (r.sent || r.failed || r.retrying) deps.logger.info(r, 'citizen messages delivered');
  },
});

const pelayananOf = oncePerWorker((d): PelayananDeps => ({ db: d.db, clock: d.clock, store: d.services.privateStore, secret: d.config.secret, region: d.config.region, words: d.services.pelayananWords }));

/**
 * Daily 02:30 WIB: documents and personal data of requests and complaints closed longer than the
 * city's retention period are deleted (the letter register stays), with unsent form uploads,
 * old messages and rate-limit hits. Bounded batches; tomorrow's run continues a long backlog.
 */
export const retentionJob = defineJob<WorkerDeps>({
  name: 'pelayanan.retention',
  schedule: '30 2 * * *',
  lane: 'maintenance',
  timeoutMs: 20 * MINUTE,
  retry: { limit: 3, delayMs: 10 * MINUTE, backoff: 'exponential' },
  // Nothing is half-deleted: each item is marked as it is done, and the next run resumes.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await applyRetention(pelayananOf(deps));
    if (r.requests || r.complaints || r.drafts) deps.logger.info(r, 'pelayanan retention applied');
  },
});

export const pelayananJobs = [notifyCitizensJob, retentionJob];
