import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// Data access of the batched sweep (sweep-batches.ts, migration 0952). Every state change is a
// conditional update, so two workers never both hold a unit and a worker whose claim was taken
// over cannot write over its successor.

type Db = Kysely<DB>;

/** A transaction, or the caller's when it is in one ("Periksa semua" records its sweep with its jobs and audit entry); Kysely does not nest them. */
const inTransaction = <T>(db: Db, f: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? f(db) : db.transaction().execute(f));

export const sweepRepository = {
  /** Records a sweep and its units, once: false when a sweep with this id already exists. */
  async create(db: Db, s: { id: string; startedAt: string; unitIds: readonly string[]; batchSize: number; region?: string; requestedBy?: string | null }): Promise<boolean> {
    return inTransaction(db, async (trx) => {
      const batches = Math.ceil(s.unitIds.length / s.batchSize);
      const r = await trx
        .insertInto('monitor_sweeps')
        .values({
          id: s.id, started_at: s.startedAt, expected: s.unitIds.length, batches, finished_at: s.unitIds.length === 0 ? s.startedAt : null,
          ...(s.region ? { region: s.region, requested_by: s.requestedBy ?? null } : {}),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      for (let i = 0; i < s.unitIds.length; i += 500) {
        const rows = s.unitIds.slice(i, i + 500).map((unitId, j) => ({
          sweep_id: s.id, unit_id: unitId, batch: Math.floor((i + j) / s.batchSize), state: 'queued' as const,
          claim: null, lease_until: null, checked_at: null, rechecked_at: null, error: null,
        }));
        await trx.insertInto('monitor_sweep_units').values(rows).execute();
      }
      return true;
    });
  },

  sweep: (db: Db, id: string) => db.selectFrom('monitor_sweeps').selectAll().where('id', '=', id).executeTakeFirst(),

  /** A regency's own sweep ("Periksa semua sekarang"); none for another regency's id. */
  ofRegion: (db: Db, region: string, id: string) => db.selectFrom('monitor_sweeps').selectAll().where('id', '=', id).where('region', '=', region).executeTakeFirst(),

  latestOfRegion: (db: Db, region: string) =>
    db.selectFrom('monitor_sweeps').select('id').where('region', '=', region).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),

  units: (db: Db, sweepId: string) =>
    db.selectFrom('monitor_sweep_units').select(['unit_id', 'state', 'checked_at', 'error']).where('sweep_id', '=', sweepId).orderBy('unit_id').execute(),

  /** Takes the batch's units nobody holds (queued, or running with a lapsed lease) for `claim`. */
  async claimBatch(db: Db, sweepId: string, batch: number, claim: string, now: string, leaseUntil: string): Promise<string[]> {
    await db
      .updateTable('monitor_sweep_units')
      .set({ state: 'running', claim, lease_until: leaseUntil })
      .where('sweep_id', '=', sweepId)
      .where('batch', '=', batch)
      .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)])]))
      .execute();
    const rows = await db.selectFrom('monitor_sweep_units').select('unit_id').where('sweep_id', '=', sweepId).where('claim', '=', claim).where('state', '=', 'running').orderBy('unit_id').execute();
    return rows.map((r) => r.unit_id);
  },

  /** A live run keeps what it holds. */
  renew: (db: Db, sweepId: string, claim: string, leaseUntil: string) =>
    db.updateTable('monitor_sweep_units').set({ lease_until: leaseUntil }).where('sweep_id', '=', sweepId).where('claim', '=', claim).where('state', '=', 'running').execute(),

  /** In the check's own transaction: true when the unit was still this claim's and is now done. */
  async markChecked(trx: Db, sweepId: string, unitId: string, claim: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('monitor_sweep_units')
      .set({ state: 'done', checked_at: at })
      .where('sweep_id', '=', sweepId)
      .where('unit_id', '=', unitId)
      .where('claim', '=', claim)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The one second look a site asked for (Retry-After), at most once per unit and sweep. */
  async markRechecked(trx: Db, sweepId: string, unitId: string, claim: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('monitor_sweep_units')
      .set({ rechecked_at: at })
      .where('sweep_id', '=', sweepId)
      .where('unit_id', '=', unitId)
      .where('claim', '=', claim)
      .where('state', '=', 'done')
      .where('rechecked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * Hands units this claim holds, unchecked, to another batch of the sweep (a first look found
   * their site silent: the follow-up batch looks once more). Answers how many moved.
   */
  async handOn(db: Db, sweepId: string, unitIds: readonly string[], claim: string, batch: number): Promise<number> {
    const r = await db
      .updateTable('monitor_sweep_units')
      .set({ batch, state: 'queued', claim: null, lease_until: null })
      .where('sweep_id', '=', sweepId)
      .where('unit_id', 'in', unitIds)
      .where('claim', '=', claim)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  markFailed: (db: Db, sweepId: string, unitId: string, claim: string, error: string) =>
    db.updateTable('monitor_sweep_units').set({ state: 'failed', error }).where('sweep_id', '=', sweepId).where('unit_id', '=', unitId).where('claim', '=', claim).where('state', '=', 'running').execute(),

  /** Sets finished_at once nothing is left to do; true for the one caller that set it. */
  async finishIfComplete(db: Db, sweepId: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('monitor_sweeps')
      .set({ finished_at: at })
      .where('id', '=', sweepId)
      .where('finished_at', 'is', null)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('monitor_sweep_units').select('unit_id').where('sweep_id', '=', sweepId).where('state', 'in', ['queued', 'running']))),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Batches holding a unit whose lease lapsed: their worker died. */
  stalledBatches: (db: Db, now: string) =>
    db
      .selectFrom('monitor_sweep_units')
      .select(['sweep_id', 'batch'])
      .distinct()
      .where('state', '=', 'running')
      .where('lease_until', '<', now)
      .orderBy('sweep_id')
      .orderBy('batch')
      .limit(20)
      .execute(),

  /**
   * The first waiting batch of each sweep nobody works on: all batches queued before
   * `queuedBefore`, units still waiting, and no unit under a live lease (a batch job taken by a
   * worker that died before it claimed anything is held by the queue until its own expiry).
   */
  async idleBatches(db: Db, now: string, queuedBefore: string): Promise<{ sweep_id: string; batch: number }[]> {
    const sweeps = await db
      .selectFrom('monitor_sweeps as s')
      .select('s.id')
      .where('s.finished_at', 'is', null)
      .where('s.queued_at', '<', queuedBefore)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('monitor_sweep_units as u').select('u.unit_id').whereRef('u.sweep_id', '=', 's.id').where('u.lease_until', '>=', now))))
      .limit(5)
      .execute();
    const out: { sweep_id: string; batch: number }[] = [];
    for (const sw of sweeps) {
      const b = await db.selectFrom('monitor_sweep_units').select((eb) => eb.fn.min('batch').as('batch')).where('sweep_id', '=', sw.id).where('state', '=', 'queued').executeTakeFirst();
      if (b?.batch !== null && b?.batch !== undefined) out.push({ sweep_id: sw.id, batch: Number(b.batch) });
    }
    return out;
  },

  async counts(db: Db, sweepId: string) {
    const rows = await db
      .selectFrom('monitor_sweep_units')
      .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
      .where('sweep_id', '=', sweepId)
      .groupBy('state')
      .execute();
    const of = (s: string) => Number(rows.find((r) => r.state === s)?.n ?? 0);
    return { queued: of('queued'), running: of('running'), done: of('done'), failed: of('failed') };
  },

  markQueued: (db: Db, sweepId: string, at: string) => db.updateTable('monitor_sweeps').set({ queued_at: at }).where('id', '=', sweepId).execute(),

  /** Unfinished sweeps whose batches were not all queued by `before`: the sweep job died queuing them. */
  notQueued: (db: Db, before: string) =>
    db.selectFrom('monitor_sweeps').select(['id', 'batches']).where('queued_at', 'is', null).where('finished_at', 'is', null).where('started_at', '<', before).limit(5).execute(),

  latest: (db: Db) => db.selectFrom('monitor_sweeps').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst(),

  /** Old sweeps' rows go (their observations stay); the units table would otherwise grow by the fleet each sweep. */
  async prune(db: Db, before: string): Promise<void> {
    const old = db.selectFrom('monitor_sweeps').select('id').where('started_at', '<', before).where('finished_at', 'is not', null);
    await db.deleteFrom('monitor_sweep_units').where('sweep_id', 'in', old).execute();
    await db.deleteFrom('monitor_sweeps').where('started_at', '<', before).where('finished_at', 'is not', null).execute();
  },
};
