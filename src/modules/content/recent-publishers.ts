import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { contentRepository } from './content-repository.js';

export interface RecentPublisher {
  unitId: string;
  lastAt: string;
  count: number;
}

/** Which units published public content in the last `days` days (the portal's "aktif" list). */
export async function recentPublishers(db: Kysely<DB>, q: { now: Date; days?: number }): Promise<RecentPublisher[]> {
  const since = new Date(q.now.getTime() - (q.days ?? 7) * 86_400_000).toISOString();
  const rows = await contentRepository.recentPublishers(db, since, q.now.toISOString());
  return rows.map((r) => ({ unitId: r.unit_id, lastAt: String(r.last_at), count: Number(r.n) }));
}

/** When the next scheduled item of a unit (or of any unit) goes public; the page cache expires then. */
export async function nextScheduledPublish(db: Kysely<DB>, q: { unitId: string | null; now: Date }): Promise<Date | null> {
  const at = await contentRepository.nextScheduled(db, q.unitId, q.now.toISOString());
  return at ? new Date(at) : null;
}
