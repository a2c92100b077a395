import {
  DEFAULT_TZ, type Job, type JobQueue, type Lane, type RetryPolicy,
} from './queue.js';

// Every job is declared once, in one object, as Outline's tasks are (BaseTask: cron, retries
// with backoff, onFailed): its name, when it runs, its lane and concurrency, its time limit, its
// retries and what happens after the last one. src/main/*-jobs.ts hold the declarations;
// src/main/worker.ts lists them and registers them all the same way. A handler only turns the
// job into a use-case call and must be safe to run twice (the queue delivers at least once).

export interface JobDeclaration<Deps, Data = Record<string, unknown>> {
  /** "<module>.<what>", e.g. "publishing.run-due"; web code sends by this name. */
  name: string;
  /** Cron in Asia/Jakarta; absent for jobs only sent on demand. */
  schedule?: string;
  /** Also send one run when the worker starts (a slot missed while the process was down). */
  runAtStart?: boolean;
  lane: Lane;
  /** Runs of this job at once per process (default 1). */
  concurrency?: number;
  /** A run longer than this is stopped (its signal aborts) and retried later. */
  timeoutMs: number;
  retry: RetryPolicy;
  /**
   * After the last retry failed: 'log' keeps the failed job for inspection with an error line;
   * a function may also tell someone or mark the work it was doing.
   */
  onFinalFailure: 'log' | ((job: Job<Data>, error: unknown, deps: Deps) => Promise<void>);
  run(job: Job<Data>, deps: Deps): Promise<void>;
}

/**
 * A declaration whatever its data, as the lists of declarations hold them (ALL_JOBS). `never`
 * because the data of a job is what was sent under its name: the queue hands it back untyped and
 * each declaration states its own shape — every declaration fits here, and nothing may be assumed
 * about the data of a declaration taken from the list.
 */
export type AnyJobDeclaration<Deps> = JobDeclaration<Deps, never>;

/** Identity with types: a declaration reads as one object literal in its *-jobs.ts file. */
export function defineJob<Deps, Data = Record<string, unknown>>(d: JobDeclaration<Deps, Data>): JobDeclaration<Deps, Data> {
  return d;
}

export interface RegisterOptions {
  log: { error(obj: object, msg: string): void };
  now: () => Date;
}

/** Registers every declaration with the queue: handler, lane, limits, retries, schedule. */
export async function registerDeclaredJobs<Deps>(
  queue: JobQueue,
  declarations: ReadonlyArray<AnyJobDeclaration<Deps>>,
  deps: Deps,
  options: RegisterOptions,
): Promise<void> {
  const seen = new Set<string>();
  for (const d of declarations) {
    if (seen.has(d.name)) throw new Error(`Job ${d.name} is declared twice`);
    seen.add(d.name);
  }
  for (const d of declarations) {
    await queue.work<never>(d.name, (job) => d.run(job, deps), {
      lane: d.lane,
      concurrency: d.concurrency ?? 1,
      timeoutMs: d.timeoutMs,
      retry: d.retry,
      onFinalFailure: async (job, error) => {
        options.log.error({ job: d.name, jobId: job.id, attempt: job.attempt, err: error }, 'job failed for good after its last retry');
        if (typeof d.onFinalFailure === 'function') await d.onFinalFailure(job, error, deps);
      },
    });
    if (d.schedule) await queue.schedule(d.name, d.schedule, {}, DEFAULT_TZ);
    else await queue.unschedule(d.name);
    if (d.runAtStart) {
      await queue.send(d.name, {}, { singletonKey: `start-${options.now().toISOString().slice(0, 16)}` });
    }
  }
}
