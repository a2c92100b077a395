import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema/index.js';
import { LocalListeners, type PageInvalidation, isUnitId } from '../modules/page-invalidation/index.js';

// The page-cache invalidation port over PostgreSQL LISTEN/NOTIFY (issue 18 point 1): every web
// and worker process on one database — on one machine or many — hears "unit X's public pages
// changed" within milliseconds, with nothing but the database they already share.
//
// - Announcing: delivered to this process's listeners at once (the port's contract: a staff
//   member sees their own publish), then `pg_notify` through the app's pool — outside any
//   transaction, so it leaves at once; callers announce after their commit.
// - Hearing: one dedicated connection per process LISTENs (a pooled connection cannot: the pool
//   hands it to queries and LISTEN dies with the session). Our own announcements come back too;
//   the payload carries this process's id so they are not delivered twice.
// - A missed notification: NOTIFY is not stored, so whatever was announced while the listening
//   connection was down would be lost. Each announcement is also written to page_changes (same
//   statement, kept a day), and the listening connection notes the database's time every
//   ALIVE_MS; on reconnecting, the units changed since the last time it knew it was connected
//   are delivered. A failed announcement (database briefly gone) is reported, never thrown into
//   the publish that is already committed; the pages' TTL bounds that case.

export const PAGES_CHANNEL = 'beranda_pages';

export interface PgPageInvalidationOptions {
  /** The app's database (for NOTIFY). */
  db: Kysely<DB>;
  /** The same database's URL, for the listening connection. */
  url: string;
  onError?: (error: unknown) => void;
  /** Runs after the listening connection came back and the missed changes were delivered. */
  onResync?: (missedUnits: number) => void;
  /** First wait before reconnecting; doubles up to 30 s. */
  reconnectMs?: number;
  /** How often the listening connection notes that it is alive (the replay's starting point). */
  aliveMs?: number;
}

/** Rows older than this leave page_changes (a process down longer re-renders after its TTL anyway). */
const KEEP_MS = 24 * 3_600_000;
/** Slack for a notification in flight when the connection was last seen alive. */
const MARGIN_MS = 2_000;
const DB_NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

type PgClient = import('pg').Client;

export async function pgPageInvalidation(o: PgPageInvalidationOptions): Promise<PageInvalidation & { readonly listening: boolean }> {
  const { default: pg } = await import('pg');
  const onError = o.onError ?? (() => {});
  const local = new LocalListeners(onError);
  const origin = randomUUID().slice(0, 8);
  let client: PgClient | null = null;
  let closed = false;
  let listening = false;
  let timer: NodeJS.Timeout | undefined;
  let wait = o.reconnectMs ?? 500;
  /** The database's time when the listening connection was last known to work (ms), or null before the first connect. */
  let aliveAt: number | null = null;
  const alive = setInterval(() => {
    const c = client;
    if (c && listening) c.query('select (extract(epoch from clock_timestamp()) * 1000)::bigint as now').then((r) => {
      if (client === c) aliveAt = Number(r.rows[0].now);
    }, () => {});
  }, o.aliveMs ?? 10_000);
  alive.unref();

  const hear = (payload: string | undefined) => {
    const cut = payload?.indexOf(':') ?? -1;
    if (!payload || cut < 0) return;
    const from = payload.slice(0, cut);
    const unitId = payload.slice(cut + 1);
    if (from !== origin && isUnitId(unitId)) local.deliver(unitId);
  };

  const connect = async (): Promise<number> => {
    const c = new pg.Client({ connectionString: o.url, application_name: `beranda-pages-${origin}` });
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = null;
      listening = false;
      if (error) onError(error);
      c.end().catch(() => {});
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (m) => {
      if (m.channel === PAGES_CHANNEL) hear(m.payload);
    });
    client = c;
    let missed: string[] = [];
    try {
      await c.connect();
      await c.query(`LISTEN ${PAGES_CHANNEL}`);
      // From here on every announcement is heard; what came before, since the last sign of life, is read back.
      const since = aliveAt;
      const now = await c.query('select (extract(epoch from clock_timestamp()) * 1000)::bigint as now');
      aliveAt = Number(now.rows[0].now);
      if (since !== null) {
        const r = await c.query('select distinct unit_id from page_changes where at >= $1', [since - MARGIN_MS]);
        missed = r.rows.map((row: { unit_id: string }) => row.unit_id);
      }
    } catch (error) {
      lost(error);
      throw error;
    }
    if (closed) {
      await c.end().catch(() => {});
      return 0;
    }
    listening = true;
    wait = o.reconnectMs ?? 500;
    for (const unitId of missed) if (isUnitId(unitId)) local.deliver(unitId);
    return missed.length;
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        (missed) => o.onResync?.(missed),
        () => {
          wait = Math.min(wait * 2, 30_000);
        },
      );
    }, wait);
    timer.unref();
  };

  try {
    await connect();
  } catch (error) {
    // A process that cannot listen at start must not start half-deaf.
    closed = true;
    if (timer) clearTimeout(timer);
    clearInterval(alive);
    throw error;
  }

  return {
    get listening() {
      return listening;
    },
    unitChanged(unitId) {
      local.deliver(unitId);
      if (!isUnitId(unitId)) return;
      // One statement: the log row and the notification (sent when it commits, at once here).
      // Now and then the same statement drops rows older than a day.
      const prune = Math.random() < 0.01;
      sql`with logged as (insert into page_changes (unit_id, at) values (${unitId}, ${DB_NOW_MS}) returning at),
        pruned as (delete from page_changes where ${prune} and at < (select at from logged) - ${KEEP_MS})
        select pg_notify(${PAGES_CHANNEL}, ${`${origin}:${unitId}`})`
        .execute(o.db)
        .catch(onError);
    },
    subscribe: (listener) => local.add(listener),
    async close() {
      closed = true;
      listening = false;
      if (timer) clearTimeout(timer);
      clearInterval(alive);
      local.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
