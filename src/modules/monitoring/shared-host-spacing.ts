import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// The crawler's per-host spacing across processes (issue 18): with M workers on one PostgreSQL,
// each HostLimiter alone would let M requests a second reach one host. A worker first takes a
// short lease on the host in `monitor_host_slots` with one upsert: while it holds the lease no
// other worker asks that host, and its own HostLimiter spaces its requests. The row lock orders
// the takers; a worker that does not hold the host starts one gap after the holder's lease ends.
// All on the database's clock (several machines' clocks need not agree); the answer is how long
// to wait, which the caller measures on its own clock.
//
// Why a lease and not one reservation per request (0955): a site's check makes ~8 requests, and
// their ~8 upserts were the largest share of a national sweep's queries (measured: 15,740 of
// ~31,000 queries for 2,000 sites). A lease of a few gaps covers most of a site's requests.
// SQLite installs run one worker, where the in-process limiter is the whole truth, so this is for
// PostgreSQL only.

/** A worker's lease on a host, `leaseMsFor(gapMs)` long from when it may start. */
export interface SharedSpacing {
  /** Takes (or renews) the lease on `key` for requests `gapMs` apart: ms to wait first. */
  lease(key: string, gapMs: number): Promise<number>;
}

/** A lease lasts this many gaps (5 s at the production 1 s gap), so a site's ~8 requests take ~2 leases. */
export const LEASE_GAPS = 5;
/** How long a lease lasts for requests `gapMs` apart (the database and the limiter both count with it). */
export const leaseMsFor = (gapMs: number): number => Math.max(1, Math.round(gapMs * LEASE_GAPS));

export function pgHostSpacing(db: Kysely<DB>, o: { holder?: string } = {}): SharedSpacing {
  // One holder per process (per spacing): requests of the same worker share its lease.
  const holder = o.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    async lease(key, gapMs) {
      const gap = Math.max(0, Math.round(gapMs));
      const leaseMs = leaseMsFor(gapMs);
      // The holder renews from now; anyone else starts one gap after the holder's lease ends
      // (or now, if it ended long ago). next_at is the end of the new lease.
      const r = await sql<{ wait_ms: string | number }>`
        with now as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
        insert into monitor_host_slots (host, next_at, holder)
        select ${key}, now.ms + ${leaseMs}, ${holder} from now
        on conflict (host) do update
          set next_at = case
                when monitor_host_slots.holder = excluded.holder then greatest(monitor_host_slots.next_at, (select ms from now) + ${leaseMs})
                else greatest(monitor_host_slots.next_at + ${gap}, (select ms from now)) + ${leaseMs}
              end,
              holder = excluded.holder
        returning case when next_at - ${leaseMs} > (select ms from now) then next_at - ${leaseMs} - (select ms from now) else 0 end as wait_ms`.execute(db);
      return Math.max(0, Number(r.rows[0]?.wait_ms ?? 0));
    },
  };
}
