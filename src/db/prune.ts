import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';

// Bounded deletes for the retention clean-ups (issue 13): the oldest `limit` rows matching a
// condition, in one short statement that both engines run the same way
// (DELETE … WHERE id IN (SELECT id … ORDER BY … LIMIT n)). A run deletes at most `limit` rows, so
// it never holds the database for long; the next run takes the next batch.

export interface PruneSpec {
  table: string;
  /** The key column (a unique id). */
  id?: string;
  /** The time column the cut-off applies to (ISO-8601 UTC text, or milliseconds where a table keeps those). */
  time: string;
  /** Rows with `time` strictly before this are candidates (the column's kind: ISO text or ms). */
  before: string | number;
  /** More conditions on the candidates, e.g. sql`state in ('completed', 'failed')`. */
  where?: RawBuilder<unknown>;
  limit: number;
}

export async function pruneOldest(db: QueryExecutorProvider, spec: PruneSpec): Promise<number> {
  const t = sql.table(spec.table);
  const id = sql.ref(spec.id ?? 'id');
  const time = sql.ref(spec.time);
  const extra = spec.where ? sql`and (${spec.where})` : sql``;
  const r = await sql`delete from ${t} where ${id} in (
      select ${id} from ${t} where ${time} < ${spec.before} ${extra} order by ${time} limit ${spec.limit})`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}

/** A cut-off `days` before `now`, as stored times are compared (ISO-8601 UTC text). */
export const daysBefore = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();
