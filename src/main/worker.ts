import { type JobDeclaration, defineJob, registerDeclaredJobs } from '../jobs/define-job.js';
import { pruneExpiredSessions } from '../modules/accounts/index.js';
import { channelJobs } from './channels-jobs.js';
import { composerJobs } from './composer-jobs.js';
import { dashboardJobs, prepareDashboardWorker } from './dashboard-jobs.js';
import { pelayananJobs } from './pelayanan-jobs.js';
import type { WorkerDeps } from './worker-deps.js';

export type { WorkerDeps } from './worker-deps.js';

// The worker role. Every job of the product is declared once (src/jobs/define-job.ts) in the
// *-jobs.ts file of its capability and listed here; registerJobs gives each the same treatment:
// its lane and concurrency, time limit, retries with backoff, final-failure handling and
// schedule. To add a job: declare it with defineJob next to its siblings and add it to the list.

/** Daily 03:15 WIB: sessions past their expiry are deleted. */
export const pruneSessionsJob = defineJob<WorkerDeps>({
  name: 'accounts.prune-sessions',
  schedule: '15 3 * * *',
  lane: 'maintenance',
  timeoutMs: 5 * 60_000,
  retry: { limit: 3, delayMs: 60_000, backoff: 'exponential' },
  // Expired sessions are refused at login anyway; tomorrow's run deletes them.
  onFinalFailure: 'log',
  async run(_job, deps) {
    const r = await pruneExpiredSessions(deps.db, deps.clock);
    deps.logger.info(r, 'expired sessions pruned');
  },
});

export const ALL_JOBS: ReadonlyArray<JobDeclaration<WorkerDeps, any>> = [pruneSessionsJob, ...channelJobs, ...composerJobs, ...dashboardJobs, ...pelayananJobs];

/**
 * Registers every declared job and schedule. Handlers only translate a job into a use-case call;
 * the use cases are idempotent, as the queue delivers at least once.
 */
export async function registerJobs(deps: WorkerDeps, jobs: ReadonlyArray<JobDeclaration<WorkerDeps, any>> = ALL_JOBS): Promise<void> {
  await prepareDashboardWorker(deps);
  await registerDeclaredJobs(deps.jobs, jobs, deps, { log: deps.logger, now: () => deps.clock.now() });
}
