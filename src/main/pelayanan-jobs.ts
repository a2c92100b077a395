import { deliverCitizenMessages } from '../modules/pelayanan/index.js';
import { createNotifiers } from '../modules/reminders/index.js';
import { defineJob } from '../jobs/define-job.js';
import { type WorkerDeps, oncePerWorker } from './worker-deps.js';

// Jobs of pelayanan digital (issue 17). Handlers only call use cases, each safe to run twice:
// the outbox claims a message before sending it.

const MINUTE = 60_000;
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

export const pelayananJobs = [notifyCitizensJob];
