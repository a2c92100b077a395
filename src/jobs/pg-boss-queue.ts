import { CompiledQuery, type Kysely } from 'kysely';
import type PgBossType from 'pg-boss';
import type { DB } from '../db/schema/index.js';
import type PgTypes from 'pg';
import { pg } from '../db/pg.js';
import { lazyPackage } from '../shared/lazy-package.js';
import { LaneGate } from './lane-gate.js';
import {
  DEFAULT_STOP_GRACE_MS, DEFAULT_TZ, DEFAULT_WORK, JobShutdownError, type JobHandler, type JobOptions, type JobQueue, type WorkOptions,
  assertJobName, runWithLimit,
} from './queue.js';

/** pg-boss queue names allow letters, digits, underscores and hyphens; our names also use dots. */
// Loaded when the first PostgreSQL queue is made: a SQLite city never loads pg-boss.
const PgBoss = lazyPackage<typeof PgBossType>('pg-boss');

const queueName = (name: string) => name.replace(/\./g, '__');

/**
 * The queue for PostgreSQL deployments: pg-boss 10 in its own schema of the same database. Each
 * job name is its own pg-boss queue, polled by its own workers (`concurrency` of them), and a
 * lane gate bounds how many jobs of a lane run at once in this process. The declared retries and
 * time limit are stored on the pg-boss queue, so a send from the web process inherits them.
 */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBossType;
  private readonly pool: PgTypes.Pool;
  private readonly queues = new Set<string>();
  private readonly gate = new LaneGate();
  private readonly running = new Set<AbortController>();

  constructor(
    connectionString: string,
    private readonly options: { pollingIntervalSeconds?: number; onError?: (e: unknown) => void; deleteAfterDays?: number } = {},
  ) {
    // Finished jobs move to pg-boss's archive and leave it after deleteAfterDays (issue 13).
    this.boss = new PgBoss({ connectionString, schema: 'pgboss', max: 5, ...(options.deleteAfterDays ? { deleteAfterDays: options.deleteAfterDays } : {}) });
    this.boss.on('error', (e) => this.options.onError?.(e));
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on('error', () => {});
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    const grace = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
    // pg-boss stops fetching at once and waits for running jobs; ours are aborted at the end of
    // the grace, so they fail and pg-boss puts them back for the next process.
    const abortAt = setTimeout(() => {
      for (const c of this.running) c.abort(new JobShutdownError());
    }, grace);
    try {
      await this.boss.stop({ graceful: true, wait: true, timeout: grace + 2_000 });
    } finally {
      clearTimeout(abortAt);
      await this.pool.end();
    }
  }

  private async ensureQueue(name: string, options?: WorkOptions): Promise<string> {
    const q = queueName(name);
    const settings: Omit<PgBossType.Queue, 'name'> | undefined = options && {
      retryLimit: options.retry.limit,
      retryDelay: Math.max(1, Math.round(options.retry.delayMs / 1000)),
      retryBackoff: options.retry.backoff === 'exponential',
      // A run from a crashed process comes back once its limit (plus a margin) has passed.
      expireInSeconds: Math.ceil(options.timeoutMs / 1000) + 60,
    };
    if (!this.queues.has(q) || settings) {
      if (!(await this.boss.getQueue(q))) {
        try {
          await this.boss.createQueue(q, { name: q, ...settings });
        } catch (error) {
          // Another process created it between our check and our create.
          if (!(await this.boss.getQueue(q))) throw error;
          if (settings) await this.boss.updateQueue(q, { name: q, ...settings });
        }
      } else if (settings) {
        await this.boss.updateQueue(q, { name: q, ...settings });
      }
      this.queues.add(q);
    }
    return q;
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    assertJobName(name);
    const q = await this.ensureQueue(name);
    // Retries come from the queue (the job's declaration) unless this send overrides them.
    const sendOptions: PgBossType.SendOptions = {
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.retryDelayMs !== undefined ? { retryDelay: Math.max(1, Math.round(options.retryDelayMs / 1000)), retryBackoff: true } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    };
    if (options.within) return this.sendWithin(options.within, name, q, data, sendOptions, options.singletonKey);
    if (!options.singletonKey) return this.boss.send(q, data as object, sendOptions);

    // Once per key, for ever: the key row and the job are written in one transaction.
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const inserted = await client.query(
        'insert into job_singletons (name, singleton_key, created_at) values ($1, $2, $3) on conflict do nothing',
        [name, options.singletonKey, new Date().toISOString()],
      );
      if (inserted.rowCount !== 1) {
        await client.query('rollback');
        return null;
      }
      const id = await this.boss.send(q, data as object, {
        ...sendOptions,
        db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
      });
      await client.query('commit');
      return id;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The send written through the caller's Kysely transaction (the same PostgreSQL database): the
   * singleton key and the job commit or roll back with the caller's change. The queue itself was
   * made beforehand (ensureQueue), outside it — harmless, it holds no job.
   */
  private async sendWithin(trx: Kysely<DB>, name: string, q: string, data: object, sendOptions: PgBossType.SendOptions, singletonKey?: string): Promise<string | null> {
    const executeSql = async (text: string, values: unknown[] = []) => trx.executeQuery(CompiledQuery.raw(text, values));
    if (singletonKey) {
      const inserted = await executeSql('insert into job_singletons (name, singleton_key, created_at) values ($1, $2, $3) on conflict do nothing', [name, singletonKey, new Date().toISOString()]);
      if (Number(inserted.numAffectedRows ?? 0) !== 1) return null;
    }
    return this.boss.send(q, data, { ...sendOptions, db: { executeSql } });
  }

  async work<T>(name: string, handler: JobHandler<T>, options: WorkOptions<T> = DEFAULT_WORK as WorkOptions<T>): Promise<void> {
    assertJobName(name);
    const q = await this.ensureQueue(name, options as WorkOptions);
    const run = async (jobs: PgBossType.JobWithMetadata<T>[]) => {
      for (const job of jobs) {
        const base = { id: job.id, name, data: job.data, attempt: job.retryCount + 1 };
        const controller = new AbortController();
        const release = await this.gate.enter(options.lane);
        this.running.add(controller);
        try {
          await runWithLimit(handler, base, options.timeoutMs, controller);
        } catch (error) {
          if (!(error instanceof JobShutdownError) && job.retryCount >= job.retryLimit) {
            await options.onFinalFailure?.({ ...base, signal: controller.signal }, error);
          }
          throw error;
        } finally {
          this.running.delete(controller);
          release();
        }
      }
    };
    // One pg-boss worker per allowed concurrent run: each polls this job's queue on its own.
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      await this.boss.work<T>(q, { includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 }, run);
    }
  }

  async schedule(name: string, cron: string, data: object = {}, tz: string = DEFAULT_TZ): Promise<void> {
    assertJobName(name);
    const q = await this.ensureQueue(name);
    await this.boss.schedule(q, cron, data, { tz });
  }

  async unschedule(name: string): Promise<void> {
    await this.boss.unschedule(queueName(name));
  }
}
