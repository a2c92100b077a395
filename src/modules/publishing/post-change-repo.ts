import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ChannelsTables, DeliveryChangeKind } from '../../db/schema/channels.js';

// The only file that touches delivery_changes: changes asked of social copies already out
// (#14 point 3). One row per delivery; its revision tells a run whether what it sent is still
// what was asked.

export type PostChangeRow = Selectable<ChannelsTables['delivery_changes']>;

export const getPostChange = (db: Kysely<DB>, deliveryId: string) =>
  db.selectFrom('delivery_changes').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirst();

export const listPostChangeRows = (db: Kysely<DB>, deliveryIds: string[]) =>
  deliveryIds.length ? db.selectFrom('delivery_changes').selectAll().where('delivery_id', 'in', deliveryIds).execute() : Promise.resolve([]);

/**
 * Asks for a change (new or replacing the last one): back to "queued" with a new revision and a
 * fresh count of attempts. A lease held by a run is left alone: that run, finding the revision
 * moved, marks nothing done, and the next run sends the newest request.
 */
export async function requestPostChange(
  db: Kysely<DB>,
  row: { deliveryId: string; unitId: string; kind: DeliveryChangeKind; message: string | null; requestedBy: string | null; now: string },
): Promise<void> {
  const fresh = { kind: row.kind, message: row.message, state: 'queued' as const, attempts: 0, next_attempt_at: null, reason_code: null, reason: null, platform_detail: null, requested_by: row.requestedBy, updated_at: row.now, done_at: null };
  const existing = await getPostChange(db, row.deliveryId);
  if (existing) {
    await db.updateTable('delivery_changes').set({ ...fresh, revision: existing.revision + 1 }).where('delivery_id', '=', row.deliveryId).execute();
  } else {
    await db.insertInto('delivery_changes').values({ ...fresh, delivery_id: row.deliveryId, unit_id: row.unitId, revision: 1, locked_until: null, created_at: row.now }).execute();
  }
}

/** Takes a due change for one run (state "sending", a lease); false when not due or held. */
export async function claimPostChange(db: Kysely<DB>, deliveryId: string, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('delivery_changes')
    .set({ state: 'sending', locked_until: leaseUntil, updated_at: now })
    .where('delivery_id', '=', deliveryId)
    .where('state', 'in', ['queued', 'sending'])
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Ends a run. Applied only if the revision is still the one the run worked on; otherwise the
 * newer request (already "queued") stands and only the lease is given back. True when applied.
 */
export async function finishPostChange(
  db: Kysely<DB>,
  deliveryId: string,
  revision: number,
  patch: Updateable<ChannelsTables['delivery_changes']>,
): Promise<boolean> {
  const r = await db.updateTable('delivery_changes').set({ ...patch, locked_until: null }).where('delivery_id', '=', deliveryId).where('revision', '=', revision).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return true;
  await db.updateTable('delivery_changes').set({ locked_until: null }).where('delivery_id', '=', deliveryId).execute();
  return false;
}

export async function listDuePostChangeIds(db: Kysely<DB>, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('delivery_changes')
    .select('delivery_id')
    .where('state', 'in', ['queued', 'sending'])
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.delivery_id);
}
