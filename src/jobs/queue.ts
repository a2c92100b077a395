// The job port. Two adapters implement it: the embedded queue (SQLite, in process) and pg-boss
// (PostgreSQL). Modules never see either: a composition root registers handlers that call use
// cases, so provider and check code knows nothing of the job system.
//
// Contract, for both adapters:
// - Delivery is at least once. A handler may run again after a crash or a retry, so every
//   handler must be idempotent (record what it did before the next side effect).
// - A handler that throws is retried with exponential backoff (retryDelayMs × 2^(attempt-1)) up
//   to retryLimit times, then the job is failed and kept for inspection.
// - `singletonKey` makes a send idempotent: a second send with the same name and key returns
//   null and enqueues nothing, ever.
// - Schedules are cron expressions in a time zone (default Asia/Jakarta). A slot missed while the
//   process was down runs once at the next start, not once per missed slot.

export interface JobOptions {
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
  retryDelayMs?: number;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export type JobHandler<T = any> = (job: Job<T>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'embedded' | 'pg-boss';
  start(): Promise<void>;
  stop(): Promise<void>;
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string | null>;
  work<T>(name: string, handler: JobHandler<T>): Promise<void>;
  schedule(name: string, cron: string, data?: object, tz?: string): Promise<void>;
  unschedule(name: string): Promise<void>;
}

export const DEFAULT_TZ = 'Asia/Jakarta';
export const DEFAULT_RETRY_LIMIT = 3;
export const DEFAULT_RETRY_DELAY_MS = 5_000;

/** Job names: letters, digits, dots, underscores and hyphens (pg-boss queue names allow the same). */
export function assertJobName(name: string): void {
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/i.test(name)) throw new Error(`Invalid job name: ${name}`);
}
