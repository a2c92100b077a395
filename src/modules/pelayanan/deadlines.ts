import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { workingDeadline } from '../../shared/wib-time.js';
import { calendarsFor } from './holidays.js';

/**
 * A holiday declared (or removed) after requests came in moves their deadlines: every open
 * request of the units concerned gets its deadline counted again from when its clock started.
 * Returns how many moved.
 */
export async function recomputeDeadlines(db: Kysely<DB>, args: { unitIds: string[] | 'all'; cityUnitId: string }): Promise<number> {
  let q = db.selectFrom('pelayanan_requests').select(['id', 'unit_id', 'clock_started_at', 'deadline_days', 'deadline_at']).where('status', 'in', ['baru', 'diproses', 'perlu_perbaikan']);
  if (args.unitIds !== 'all') {
    if (args.unitIds.length === 0) return 0;
    q = q.where('unit_id', 'in', args.unitIds);
  }
  const open = await q.execute();
  const cals = await calendarsFor(db, [...new Set(open.map((r) => r.unit_id))], args.cityUnitId);
  let moved = 0;
  for (const r of open) {
    const next = workingDeadline(new Date(r.clock_started_at), r.deadline_days, cals.get(r.unit_id)!).toISOString();
    if (next === r.deadline_at) continue;
    await db.updateTable('pelayanan_requests').set({ deadline_at: next }).where('id', '=', r.id).execute();
    moved++;
  }
  return moved;
}
