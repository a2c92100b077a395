import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// Data access of the older "Periksa semua sekarang" batches (check-all.ts): only check-unit jobs
// queued before the check became a sweep (issue 18) still finish through it.

export const checkBatchRepository = {
  claimable(db: Kysely<DB>, batchId: string, staleBefore: string) {
    return db
      .selectFrom('monitor_check_batch_units')
      .select(['unit_id', 'state', 'started_at'])
      .where('batch_id', '=', batchId)
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('started_at', '<', staleBefore)])]))
      .orderBy('unit_id')
      .limit(20)
      .execute();
  },

  /** Compare-and-set on the state seen: of two runners, one wins each unit. */
  async claim(db: Kysely<DB>, batchId: string, c: { unit_id: string; state: string; started_at: string | null }, now: string): Promise<boolean> {
    let q = db
      .updateTable('monitor_check_batch_units')
      .set({ state: 'running', started_at: now })
      .where('batch_id', '=', batchId)
      .where('unit_id', '=', c.unit_id)
      .where('state', '=', c.state as 'queued' | 'running');
    q = c.started_at === null ? q.where('started_at', 'is', null) : q.where('started_at', '=', c.started_at);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async finish(db: Kysely<DB>, batchId: string, unitId: string, state: 'done' | 'failed', at: string, error: string | null) {
    await db.updateTable('monitor_check_batch_units').set({ state, finished_at: at, error }).where('batch_id', '=', batchId).where('unit_id', '=', unitId).execute();
  },
};
