import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema/index.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Clock } from '../shared/clock.js';
import type { Services } from './compose.js';

/** What every job's handler receives: built once per process by the composition root. */
export interface WorkerDeps {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  logger: Logger;
  jobs: JobQueue;
  services: Services;
}

/** Builds something once per worker (a fetcher with per-host politeness, notifiers) and reuses it. */
export function oncePerWorker<T>(build: (deps: WorkerDeps) => T): (deps: WorkerDeps) => T {
  const built = new WeakMap<WorkerDeps, T>();
  return (deps) => {
    let v = built.get(deps);
    if (v === undefined) built.set(deps, (v = build(deps)));
    return v;
  };
}
