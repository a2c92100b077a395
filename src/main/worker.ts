import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import { pruneExpiredSessions } from '../modules/accounts/index.js';
import { registerChannelJobs } from './channels-jobs.js';
import { registerComposerJobs } from './composer-jobs.js';
import { registerDashboardJobs } from './dashboard-jobs.js';
import type { Clock } from '../shared/clock.js';

export interface WorkerDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  logger: Logger;
  jobs: JobQueue;
}

/**
 * The worker role: registers every job handler and schedule. Handlers only translate a job into
 * a use-case call; the use cases are idempotent, as the queue delivers at least once.
 */
export async function registerJobs(deps: WorkerDeps): Promise<void> {
  const { jobs, db, clock, logger } = deps;

  await jobs.work('accounts.prune-sessions', async () => {
    const r = await pruneExpiredSessions(db, clock);
    logger.info(r, 'expired sessions pruned');
  });
  await jobs.schedule('accounts.prune-sessions', '15 3 * * *');
  await registerChannelJobs(deps);
  await registerComposerJobs(deps);
  await registerDashboardJobs(deps);
}
