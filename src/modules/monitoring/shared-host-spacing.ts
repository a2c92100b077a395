import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// The crawler's per-host spacing across processes (issue 18): with M workers on one PostgreSQL,
// each HostLimiter alone would let M requests a second reach one host. Each request first
// reserves its start in `monitor_host_slots` with one upsert: the row lock orders the reservers,
// each takes max(next_at, now) and moves next_at one interval on, all on the database's clock
// (several machines' clocks need not agree). The answer is how long to wait. SQLite installs run
// one worker, where the in-process limiter is the whole truth, so this is for PostgreSQL only.

/** Reserves the next start for `key`, `intervalMs` after the previous one: ms to wait first. */
export interface SharedSpacing {
  reserve(key: string, intervalMs: number): Promise<number>;
}

export function pgHostSpacing(db: Kysely<DB>): SharedSpacing {
  return {
    async reserve(key, intervalMs) {
      const gap = Math.max(0, Math.round(intervalMs));
      const r = await sql<{ wait_ms: string | number }>`
        with now as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
        insert into monitor_host_slots (host, next_at)
        select ${key}, now.ms + ${gap} from now
        on conflict (host) do update
          set next_at = greatest(monitor_host_slots.next_at, (select ms from now)) + ${gap}
        returning next_at - ${gap} - (select ms from now) as wait_ms`.execute(db);
      return Math.max(0, Number(r.rows[0]?.wait_ms ?? 0));
    },
  };
}
