import PgBoss from 'pg-boss';
import pg from 'pg';
import { DEFAULT_RETRY_DELAY_MS, DEFAULT_RETRY_LIMIT, DEFAULT_TZ, type JobHandler, type JobOptions, type JobQueue, assertJobName } from './queue.js';

/** pg-boss queue names allow letters, digits, underscores and hyphens; our names also use dots. */
const queueName = (name: string) => name.replace(/\./g, '__');

/** The queue for PostgreSQL deployments: pg-boss 10 in its own schema of the same database. */
export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly pool: pg.Pool;
  private readonly queues = new Set<string>();

  constructor(
    connectionString: string,
    private readonly options: { pollingIntervalSeconds?: number; onError?: (e: unknown) => void } = {},
  ) {
    this.boss = new PgBoss({ connectionString, schema: 'pgboss', max: 5 });
    this.boss.on('error', (e) => this.options.onError?.(e));
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on('error', () => {});
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    await this.pool.end();
  }

  private async ensureQueue(name: string): Promise<string> {
    const q = queueName(name);
    if (!this.queues.has(q)) {
      if (!(await this.boss.getQueue(q))) {
        try {
          await this.boss.createQueue(q);
        } catch (error) {
          // Another process created it between our check and our create.
          if (!(await this.boss.getQueue(q))) throw error;
        }
      }
      this.queues.add(q);
    }
    return q;
  }

  async send<T extends object>(name: string, data: T, options: JobOptions = {}): Promise<string | null> {
    assertJobName(name);
    const q = await this.ensureQueue(name);
    const sendOptions: PgBoss.SendOptions = {
      retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: Math.max(1, Math.round((options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS) / 1000)),
      retryBackoff: true,
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    };
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
        db: { executeSql: (text: string, values: unknown[]) => client.query(text, values as any[]) as any },
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

  async work<T>(name: string, handler: JobHandler<T>): Promise<void> {
    assertJobName(name);
    const q = await this.ensureQueue(name);
    await this.boss.work<T>(
      q,
      { includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          await handler({ id: job.id, name, data: job.data, attempt: job.retryCount + 1 });
        }
      },
    );
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
