import { Cron } from 'croner';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../db/dialect.js';
import type { DB } from '../db/schema/index.js';
import type { JobsTables } from '../db/schema/jobs.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import {
  DEFAULT_RETRY, DEFAULT_STOP_GRACE_MS, DEFAULT_TZ, DEFAULT_WORK, JobShutdownError, LANES, LANE_SLOTS, type JobHandler, type JobOptions,
  type JobQueue, type Lane, type WorkOptions, assertJobName, retryDelay, runWithLimit,
} from './queue.js';

export interface EmbeddedQueueOptions {
  clock: Clock;
  /** How often the loop looks for due jobs. Tests call runDue() instead and pass 0. */
  pollIntervalMs?: number;
  /**
   * A job still "active" this long past its time limit is assumed lost with a crashed process
   * and picked up again. Default 60 s.
   */
  lockMarginMs?: number;
  /** Slots per lane (default LANE_SLOTS). */
  laneSlots?: Partial<Record<Lane, number>>;
  onError?: (error: unknown, job: { id: string; name: string }) => void;
}

type JobRow = Selectable<JobsTables['jobs']>;
interface Registered {
  handler: JobHandler;
  options: Required<Omit<WorkOptions, 'onFinalFailure'>> & Pick<WorkOptions, 'onFinalFailure'>;
}
interface Running {
  job: JobRow;
  lane: Lane;
  controller: AbortController;
  done: Promise<void>;
}

/** Next cron slot strictly after `after`, in the schedule's time zone. */
export function nextSlot(cron: string, tz: string, after: Date): Date {
  const next = new Cron(cron, { timezone: tz, paused: true }).nextRun(after);
  if (!next) throw new Error(`Cron "${cron}" has no future run`);
  return next;
}

/**
 * The queue in the application's own database, polled in process. Used with SQLite. Each lane
 * fills its own slots on every poll, so a long job only ever occupies its own slot.
 */
export class EmbeddedQueue implements JobQueue {
  readonly kind = 'embedded' as const;
  private readonly handlers = new Map<string, Registered>();
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | undefined;
  private filling: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: EmbeddedQueueOptions,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const every = this.options.pollIntervalMs ?? 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.fill().catch((e) => this.options.onError?.(e, { id: '-', name: 'poll' })), every);
      this.timer.unref();
    }
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.filling?.catch(() => {});
    const grace = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((r) => (timer = setTimeout(r, grace)));
    await Promise.race([Promise.allSettled([...this.running.values()].map((r) => r.done)), graceOver]);
    clearTimeout(timer);
    // Whatever still runs is aborted and handed back: the next process runs it again at once.
    const left = [...this.running.values()];
    for (const r of left) r.controller.abort(new JobShutdownError());
    await Promise.allSettled(left.map((r) => r.done));
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    assertJobName(name);
    const now = this.options.clock.now();
    const id = newId(now.getTime());
    const declared = this.handlers.get(name)?.options.retry ?? DEFAULT_RETRY;
    try {
      await (options.within ?? this.db)
        .insertInto('jobs')
        .values({
          id,
          name,
          data: JSON.stringify(data),
          state: 'created',
          singleton_key: options.singletonKey ?? null,
          run_at: (options.startAfter ?? now).toISOString(),
          attempts: 0,
          retry_limit: options.retryLimit ?? declared.limit,
          retry_delay_ms: options.retryDelayMs ?? declared.delayMs,
          last_error: null,
          locked_until: null,
          created_at: now.toISOString(),
          completed_at: null,
        })
        .execute();
      return id;
    } catch (error) {
      if (options.singletonKey && isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async work<T>(name: string, handler: JobHandler<T>, options: WorkOptions<T> = DEFAULT_WORK as WorkOptions<T>): Promise<void> {
    assertJobName(name);
    this.handlers.set(name, {
      handler: handler as JobHandler,
      options: {
        lane: options.lane,
        concurrency: Math.max(1, options.concurrency ?? 1),
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        onFinalFailure: options.onFinalFailure as WorkOptions['onFinalFailure'],
      },
    });
  }

  async schedule(name: string, cron: string, data: object = {}, tz: string = DEFAULT_TZ): Promise<void> {
    assertJobName(name);
    const now = this.options.clock.now();
    const existing = await this.db.selectFrom('job_schedules').selectAll().where('name', '=', name).executeTakeFirst();
    // Keep a pending slot across restarts (so downtime is caught up); recompute when the cron changes.
    const next = existing && existing.cron === cron && existing.tz === tz ? existing.next_run_at : nextSlot(cron, tz, now).toISOString();
    await this.db
      .insertInto('job_schedules')
      .values({ name, cron, tz, data: JSON.stringify(data), next_run_at: next, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doUpdateSet({ cron, tz, data: JSON.stringify(data), next_run_at: next, updated_at: now.toISOString() }))
      .execute();
  }

  async unschedule(name: string): Promise<void> {
    await this.db.deleteFrom('job_schedules').where('name', '=', name).execute();
  }

  /** Jobs running now in this process, per lane (for the health page and tests). */
  busy(): Record<Lane, string[]> {
    const out = Object.fromEntries(LANES.map((l) => [l, [] as string[]])) as Record<Lane, string[]>;
    for (const r of this.running.values()) out[r.lane].push(r.job.name);
    return out;
  }

  /**
   * Enqueues due cron slots and runs every due job, lanes side by side, until none is left due.
   * Returns how many jobs ran. Tests call this; the poll loop calls fill() and does not wait.
   */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const started = await this.fill();
      ran += started;
      if (this.running.size === 0) {
        if (started === 0) return ran;
        continue;
      }
      await Promise.race([...this.running.values()].map((r) => r.done));
    }
  }

  /** One poll: enqueue due cron slots, then give every free lane slot a due job. */
  private fill(): Promise<number> {
    // One fill at a time per process, so two polls never claim for the same free slot.
    if (this.filling) return this.filling;
    this.filling = this.fillOnce().finally(() => {
      this.filling = undefined;
    });
    return this.filling;
  }

  private async fillOnce(): Promise<number> {
    if (this.stopped) return 0;
    await this.enqueueDueSchedules();
    let started = 0;
    for (const lane of LANES) {
      const slots = this.options.laneSlots?.[lane] ?? LANE_SLOTS[lane];
      while (!this.stopped && this.inLane(lane) < slots) {
        const job = await this.claimNext(lane);
        if (!job) break;
        this.launch(job, lane);
        started++;
      }
    }
    return started;
  }

  private inLane(lane: Lane): number {
    let n = 0;
    for (const r of this.running.values()) if (r.lane === lane) n++;
    return n;
  }

  private async enqueueDueSchedules(): Promise<void> {
    const now = this.options.clock.now();
    const due = await this.db.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', now.toISOString()).execute();
    for (const s of due) {
      const following = nextSlot(s.cron, s.tz, now).toISOString();
      // Compare-and-set on next_run_at: of two processes seeing the same slot, one enqueues it.
      const moved = await this.db
        .updateTable('job_schedules')
        .set({ next_run_at: following, updated_at: now.toISOString() })
        .where('name', '=', s.name)
        .where('next_run_at', '=', s.next_run_at)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 1) {
        const late = now.getTime() - Date.parse(s.next_run_at) > 60_000;
        await this.send(s.name, { ...JSON.parse(s.data), scheduledFor: s.next_run_at, late }, { singletonKey: `cron:${s.next_run_at}` });
      }
    }
  }

  /** Names of this lane that may start one more run in this process. */
  private openNames(lane: Lane): string[] {
    const out: string[] = [];
    for (const [name, reg] of this.handlers) {
      if (reg.options.lane !== lane) continue;
      let n = 0;
      for (const r of this.running.values()) if (r.job.name === name) n++;
      if (n < reg.options.concurrency) out.push(name);
    }
    return out;
  }

  private async claimNext(lane: Lane): Promise<JobRow | undefined> {
    const names = this.openNames(lane);
    if (names.length === 0) return undefined;
    const now = this.options.clock.now();
    const nowIso = now.toISOString();
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['id', 'name', 'state', 'locked_until'])
        .where('name', 'in', names)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', 'in', ['created', 'retry']), eb('run_at', '<=', nowIso)]),
            // A job left active by a process that died is picked up again after its lock.
            eb.and([eb('state', '=', 'active'), eb('locked_until', '<=', nowIso)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return undefined;
      const reg = this.handlers.get(candidate.name)!;
      // The lock outlives the time limit: only a process that died leaves a job locked past it.
      const lockedUntil = new Date(now.getTime() + reg.options.timeoutMs + (this.options.lockMarginMs ?? 60_000)).toISOString();
      const claimed = await this.db
        .updateTable('jobs')
        .set((eb) => ({ state: 'active', locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', candidate.id)
        .where('state', '=', candidate.state)
        .where((eb) => (candidate.locked_until === null ? eb('locked_until', 'is', null) : eb('locked_until', '=', candidate.locked_until)))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) {
        return this.db.selectFrom('jobs').selectAll().where('id', '=', candidate.id).executeTakeFirstOrThrow();
      }
    }
    return undefined;
  }

  private launch(job: JobRow, lane: Lane): void {
    const controller = new AbortController();
    const entry: Running = { job, lane, controller, done: Promise.resolve() };
    entry.done = this.execute(job, controller)
      .catch((e) => this.options.onError?.(e, job))
      .finally(() => {
        this.running.delete(job.id);
      });
    this.running.set(job.id, entry);
  }

  private async execute(job: JobRow, controller: AbortController): Promise<void> {
    const reg = this.handlers.get(job.name)!;
    const base = { id: job.id, name: job.name, data: JSON.parse(job.data), attempt: job.attempts };
    try {
      await runWithLimit(reg.handler, base, reg.options.timeoutMs, controller);
      await this.db
        .updateTable('jobs')
        .set({ state: 'completed', completed_at: this.options.clock.now().toISOString(), locked_until: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const now = this.options.clock.now();
      if (error instanceof JobShutdownError) {
        // Not the job's fault: back to the queue as it was, due at once for the next process.
        await this.db
          .updateTable('jobs')
          .set({ state: 'retry', run_at: now.toISOString(), locked_until: null, attempts: Math.max(0, job.attempts - 1) })
          .where('id', '=', job.id)
          .execute();
        return;
      }
      this.options.onError?.(error, job);
      // The declaration decides retries; a per-send override is kept in the row.
      const limit = Math.min(reg.options.retry.limit, job.retry_limit);
      const retry = job.attempts <= limit;
      const wait = retryDelay({ ...reg.options.retry, delayMs: job.retry_delay_ms }, job.attempts);
      await this.db
        .updateTable('jobs')
        .set({
          state: retry ? 'retry' : 'failed',
          run_at: new Date(now.getTime() + wait).toISOString(),
          last_error: String((error as Error)?.message ?? error).slice(0, 2000),
          locked_until: null,
          completed_at: retry ? null : now.toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
      if (!retry) await reg.options.onFinalFailure?.({ ...base, signal: controller.signal }, error);
    }
  }
}
