import type { Kysely } from 'kysely';
import type { DB } from '../db/schema/index.js';
import { WIB_TIME_ZONE } from '../shared/wib-time.js';

// The job port. Two adapters implement it: the embedded queue (SQLite, in process) and pg-boss
// (PostgreSQL). Modules never see either: src/main declares every job once (define-job.ts) and
// registers handlers that call use cases, so provider and check code knows nothing of the job
// system.
//
// Contract, for both adapters:
// - Delivery is at least once. A handler may run again after a crash, a retry, a time limit or
//   a shutdown, so every handler must be idempotent (record what it did before the next side
//   effect).
// - Lanes: every job runs in a lane (publishing, monitoring, reminders, media, maintenance).
//   A lane has its own slots in each process, so a long batch in one lane never holds back a
//   due job of another, and a job name never takes more than its `concurrency` of its lane.
// - Time limit: a run longer than `timeoutMs` is stopped (its `signal` aborts, its slot is
//   freed) and the job is retried later like a failure.
// - A handler that throws is retried with backoff (exponential: delay × 2^(attempt-1), or fixed)
//   up to the retry limit, then `onFinalFailure` is told and the job is kept as failed.
// - `stop()` takes no new work, lets running jobs finish for `graceMs`, then aborts them and
//   hands them back to the queue, so the next process picks them up again.
// - `singletonKey` makes a send idempotent: a second send with the same name and key returns
//   null and enqueues nothing, ever.
// - Schedules are cron expressions in a time zone (default Asia/Jakarta). A slot missed while the
//   process was down runs once at the next start, not once per missed slot.

export const LANES = ['publishing', 'monitoring', 'reminders', 'media', 'maintenance'] as const;
export type Lane = (typeof LANES)[number];

/**
 * Slots per lane and process. Publishing has two so that the scheduled-post job and the delivery
 * runner never wait on each other; monitoring has room for a sweep's two batch jobs, its two
 * follow-up jobs (second looks at silent sites: a few units each, mostly waiting out timeouts),
 * and an on-demand re-check or the rescue side by side.
 */
export const LANE_SLOTS: Record<Lane, number> = { publishing: 2, monitoring: 5, reminders: 1, media: 1, maintenance: 1 };

export interface RetryPolicy {
  /** Retries after the first run (0 = run once). */
  limit: number;
  delayMs: number;
  backoff: 'exponential' | 'fixed';
}

export interface WorkOptions<T = unknown> {
  lane: Lane;
  /** Runs of this job at once in one process (within its lane's slots). Default 1. */
  concurrency?: number;
  /** A run longer than this is stopped and retried later. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Told once when the last retry failed; the job stays "failed" for inspection. */
  onFinalFailure?: (job: Job<T>, error: unknown) => Promise<void>;
}

export interface JobOptions {
  startAfter?: Date;
  singletonKey?: string;
  /** Per-send override of the declared retry limit (tests, one-off sends). */
  retryLimit?: number;
  retryDelayMs?: number;
  /**
   * The caller's open transaction: the job is written in it, so it exists only if that
   * transaction commits (a change and the check it asks for, both or neither). Both adapters keep
   * their jobs in the application's own database — the embedded queue in its `jobs` table, pg-boss
   * in its schema of the same PostgreSQL database — so this is one real transaction on either.
   */
  within?: Kysely<DB>;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** Aborted when the run passes its time limit or the process shuts down: stop at the next safe point. */
  signal: AbortSignal;
}

export type JobHandler<T = unknown> = (job: Job<T>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'embedded' | 'pg-boss';
  start(): Promise<void>;
  /** Stops taking work; running jobs get `graceMs` (default 20 s), then are aborted and handed back. */
  stop(options?: { graceMs?: number }): Promise<void>;
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string | null>;
  work<T>(name: string, handler: JobHandler<T>, options?: WorkOptions<T>): Promise<void>;
  schedule(name: string, cron: string, data?: object, tz?: string): Promise<void>;
  unschedule(name: string): Promise<void>;
}

export const DEFAULT_TZ = WIB_TIME_ZONE;
export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delayMs: 5_000, backoff: 'exponential' };
export const DEFAULT_WORK: WorkOptions = { lane: 'maintenance', concurrency: 1, timeoutMs: 5 * 60_000, retry: DEFAULT_RETRY };
export const DEFAULT_STOP_GRACE_MS = 20_000;

/** Job names: letters, digits, dots, underscores and hyphens (pg-boss queue names allow the same). */
export function assertJobName(name: string): void {
  if (!/^[a-z0-9][a-z0-9._-]{0,99}$/i.test(name)) throw new Error(`Invalid job name: ${name}`);
}

/** Wait before retry number `attempt` (1 = the first retry). */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return policy.backoff === 'fixed' ? policy.delayMs : policy.delayMs * 2 ** Math.max(0, attempt - 1);
}

export class JobTimeoutError extends Error {
  constructor(name: string, ms: number) {
    super(`job ${name} exceeded its time limit of ${ms} ms`);
    this.name = 'JobTimeoutError';
  }
}

export class JobShutdownError extends Error {
  constructor() {
    super('process shutting down');
    this.name = 'JobShutdownError';
  }
}

/**
 * Runs a handler under its time limit. The returned promise settles at the limit even when the
 * handler ignores its signal (the slot must come free); the handler's own promise is left to
 * finish in the background and its late result ignored.
 */
export function runWithLimit<T>(
  handler: JobHandler<T>,
  job: Omit<Job<T>, 'signal'>,
  timeoutMs: number,
  controller: AbortController = new AbortController(),
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new JobTimeoutError(job.name, timeoutMs);
      controller.abort(e);
      reject(e);
    }, timeoutMs);
    timer.unref?.();
  });
  const aborted = new Promise<never>((_, reject) => {
    if (controller.signal.aborted) reject(controller.signal.reason);
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const run = Promise.resolve().then(() => handler({ ...job, signal: controller.signal }));
  run.catch(() => {}); // a late failure after the limit is already accounted for
  aborted.catch(() => {});
  return Promise.race([run, limit, aborted]).finally(() => clearTimeout(timer));
}
