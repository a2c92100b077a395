import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type CallGate, RateGate, reserveIn } from './providers/rate-gate.js';

// TikTok's per-token call windows across processes (issue 18): with M workers on one PostgreSQL,
// each keeping its own RateGate, one token could be called M times as often as TikTok allows.
// Each call first reserves its start in `channel_call_windows`, in one short transaction: the
// upsert locks the key's row (creating it on first use) and reads the database's clock after the
// lock, so reservers are ordered and several machines' clocks need not agree; the rule is the
// in-memory gate's (reserveIn), applied to the starts kept in the row. A start further off than
// the caller's maxWaitMs is not reserved. If the database cannot answer, this process's own
// windows still hold (like the crawler's shared host spacing). SQLite installs run one worker.

export function pgCallGate(db: Kysely<DB>, fallback: CallGate = new RateGate()): CallGate {
  return {
    async reserve(key, limit, windowMs, maxWaitMs) {
      try {
        return await db.transaction().execute(async (trx) => {
          const locked = await sql<{ calls: string; now_ms: string | number }>`
            insert into channel_call_windows (key, calls, last_at) values (${key}, '[]', 0)
            on conflict (key) do update set calls = channel_call_windows.calls
            returning calls, (extract(epoch from clock_timestamp()) * 1000)::bigint as now_ms`.execute(trx);
          const row = locked.rows[0]!;
          const now = Number(row.now_ms);
          const r = reserveIn(startsOf(row.calls), now, limit, windowMs, maxWaitMs);
          await trx
            .updateTable('channel_call_windows')
            .set({ calls: JSON.stringify(r.calls), last_at: r.calls.at(-1) ?? now })
            .where('key', '=', key)
            .execute();
          return r.answer;
        });
      } catch {
        return fallback.reserve(key, limit, windowMs, maxWaitMs);
      }
    },
  };
}

function startsOf(text: string): number[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [];
  } catch {
    return [];
  }
}
