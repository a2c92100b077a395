import { type AnyJobDeclaration, registerDeclaredJobs } from '../jobs/define-job.js';
import { channelJobs } from './channels-jobs.js';
import { composerJobs } from './composer-jobs.js';
import { dashboardJobs, prepareDashboardWorker } from './dashboard-jobs.js';
import { monitoringSweepJobs } from './monitoring-sweep-jobs.js';
import { pelayananJobs, preparePelayananWorker } from './pelayanan-jobs.js';
import { retentionJobs } from './retention-jobs.js';
import type { WorkerDeps } from './worker-deps.js';

export type { WorkerDeps } from './worker-deps.js';

// The worker role. Every job of the product is declared once (src/jobs/define-job.ts) in the
// *-jobs.ts file of its capability and listed here; registerJobs gives each the same treatment:
// its lane and concurrency, time limit, retries with backoff, final-failure handling and
// schedule. To add a job: declare it with defineJob next to its siblings and add it to the list.

export const ALL_JOBS: ReadonlyArray<AnyJobDeclaration<WorkerDeps>> = [...retentionJobs, ...channelJobs, ...composerJobs, ...dashboardJobs, ...monitoringSweepJobs, ...pelayananJobs];

/**
 * Registers every declared job and schedule. Handlers only translate a job into a use-case call;
 * the use cases are idempotent, as the queue delivers at least once.
 */
export async function registerJobs(deps: WorkerDeps, jobs: ReadonlyArray<AnyJobDeclaration<WorkerDeps>> = ALL_JOBS): Promise<void> {
  await prepareDashboardWorker(deps);
  await preparePelayananWorker(deps);
  await registerDeclaredJobs(deps.jobs, jobs, deps, { log: deps.logger, now: () => deps.clock.now() });
}
