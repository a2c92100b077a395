import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/dialect.js';
import type { DB } from '../db/schema/index.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import {
  DEFAULT_RETRY_DELAY_MS, DEFAULT_RETRY_LIMIT, DEFAULT_TZ, type JobHandler, type JobOptions, type JobQueue, assertJobName,
} from './queue.js';

export interface EmbeddedQueueOptions {
  clock: Clock;
  /** How often the loop looks for due jobs. Tests call runDue() instead and pass 0. */
  pollIntervalMs?: number;
  /** A job still "active" this long after it started is assumed lost with a crashed process. */
  lockMs?: number;
  onError?: (error: unknown, job: { id: string; name: string }) => void;
}

/** Next cron slot strictly after `after`, in the schedule's time zone. */
export function nextSlot(cron: string, tz: string, after: Date): Date {
  const next = new Cron(cron, { timezone: tz, paused: true }).nextRun(after);
  if (!next) throw new Error(`Cron "${cron}" has no future run`);
  return next;
}

/** The queue in the application's own database, polled in process. Used with SQLite. */
export class EmbeddedQueue implements JobQueue {
  readonly kind = 'embedded' as const;
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: EmbeddedQueueOptions,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const every = this.options.pollIntervalMs ?? 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.runDue().catch((e) => this.options.onError?.(e, { id: '-', name: 'poll' })), every);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    assertJobName(name);
    const now = this.options.clock.now();
    const id = newId(now.getTime());
    try {
      await this.db
        .insertInto('jobs')
        .values({
          id,
          name,
          data: JSON.stringify(data),
          state: 'created',
          singleton_key: options.singletonKey ?? null,
          run_at: (options.startAfter ?? now).toISOString(),
          attempts: 0,
          retry_limit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
          retry_delay_ms: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
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

  async work<T>(name: string, handler: JobHandler<T>): Promise<void> {
    assertJobName(name);
    this.handlers.set(name, handler as JobHandler);
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

  /** Enqueues due cron slots, then runs every due job once. Returns how many jobs ran. */
  runDue(): Promise<number> {
    // One pass at a time per process: the timer and a test calling runDue() must not overlap.
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    await this.enqueueDueSchedules();
    let ran = 0;
    for (;;) {
      // stop() lets the job in hand finish, then the pass ends.
      if (this.stopped && ran > 0) break;
      const job = await this.claimNext();
      if (!job) break;
      await this.execute(job);
      ran++;
    }
    return ran;
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

  private async claimNext() {
    const now = this.options.clock.now();
    const nowIso = now.toISOString();
    const names = [...this.handlers.keys()];
    if (names.length === 0) return undefined;
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['id', 'state', 'locked_until'])
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
      const lockedUntil = new Date(now.getTime() + (this.options.lockMs ?? 10 * 60_000)).toISOString();
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

  private async execute(job: Awaited<ReturnType<EmbeddedQueue['claimNext']>> & {}): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    try {
      await handler({ id: job.id, name: job.name, data: JSON.parse(job.data), attempt: job.attempts });
      await this.db
        .updateTable('jobs')
        .set({ state: 'completed', completed_at: this.options.clock.now().toISOString(), locked_until: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      this.options.onError?.(error, job);
      const now = this.options.clock.now();
      const retry = job.attempts <= job.retry_limit;
      await this.db
        .updateTable('jobs')
        .set({
          state: retry ? 'retry' : 'failed',
          run_at: new Date(now.getTime() + job.retry_delay_ms * 2 ** (job.attempts - 1)).toISOString(),
          last_error: String((error as Error)?.message ?? error).slice(0, 2000),
          locked_until: null,
          completed_at: retry ? null : now.toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
