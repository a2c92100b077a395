import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// Data access of "Periksa semua sekarang" batches (check-all.ts): the monitoring module's second
// data-access file, kept apart from monitoring-repository.ts so each stays readable.

export const checkBatchRepository = {
  async create(db: Kysely<DB>, b: { id: string; region: string; requestedBy: string | null; createdAt: string; unitIds: readonly string[] }) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('monitor_check_batches').values({ id: b.id, region_code: b.region, requested_by: b.requestedBy, created_at: b.createdAt, total: b.unitIds.length }).execute();
      for (let i = 0; i < b.unitIds.length; i += 200) {
        const rows = b.unitIds.slice(i, i + 200).map((unitId) => ({ batch_id: b.id, unit_id: unitId, state: 'queued' as const, started_at: null, finished_at: null, error: null }));
        await trx.insertInto('monitor_check_batch_units').values(rows).execute();
      }
    });
  },

  /** Queued units, and running ones whose lease ran out (started before `staleBefore`). */
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

  batch: (db: Kysely<DB>, region: string, batchId: string) =>
    db.selectFrom('monitor_check_batches').selectAll().where('id', '=', batchId).where('region_code', '=', region).executeTakeFirst(),

  units: (db: Kysely<DB>, batchId: string) =>
    db.selectFrom('monitor_check_batch_units').select(['unit_id', 'state', 'finished_at', 'error']).where('batch_id', '=', batchId).execute(),

  async latestId(db: Kysely<DB>, region: string): Promise<string | null> {
    const r = await db.selectFrom('monitor_check_batches').select('id').where('region_code', '=', region).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return r?.id ?? null;
  },
};
