import { type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ChannelsTables, DeliveryState } from '../../db/schema/channels.js';

// The only file of the publishing module that touches deliveries and delivery_steps.

export type DeliveryRow = Selectable<ChannelsTables['deliveries']>;

export const ACTIVE_STATES: DeliveryState[] = ['queued', 'sending', 'waiting_platform', 'unconfirmed'];

export const getDelivery = (db: Kysely<DB>, id: string) =>
  db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();

export const listPostDeliveries = (db: Kysely<DB>, postId: string) =>
  db.selectFrom('deliveries').selectAll().where('post_id', '=', postId).orderBy('platform').execute();

/**
 * Takes the delivery for one run: a lease, granted only when it is due and nobody else holds an
 * unexpired one. A crashed worker's lease simply runs out, and the next worker resumes.
 */
export async function claimDelivery(db: Kysely<DB>, id: string, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('deliveries')
    .set({ locked_until: leaseUntil, updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ACTIVE_STATES)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    // null = as soon as possible, except a "belum pasti" delivery left for a person to check.
    .where((eb) =>
      eb.or([eb('next_attempt_at', '<=', now), eb.and([eb('next_attempt_at', 'is', null), eb('state', '!=', 'unconfirmed')])]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateDelivery(db: Kysely<DB>, id: string, patch: Updateable<ChannelsTables['deliveries']>): Promise<void> {
  await db.updateTable('deliveries').set(patch).where('id', '=', id).execute();
}

/**
 * Due deliveries, ordered by when each became due (its retry time, or its creation): the ones
 * that waited longest first, or with `newest` the ones that just came due first.
 */
export async function listDueDeliveryIds(db: Kysely<DB>, now: string, limit: number, end: 'oldest' | 'newest' = 'oldest'): Promise<string[]> {
  const dueSince = sql<string>`coalesce(next_attempt_at, created_at)`;
  const rows = await db
    .selectFrom('deliveries')
    .select('id')
    .where('state', 'in', ACTIVE_STATES)
    // null = as soon as possible, except a "belum pasti" delivery left for a person to check.
    .where((eb) =>
      eb.or([eb('next_attempt_at', '<=', now), eb.and([eb('next_attempt_at', 'is', null), eb('state', '!=', 'unconfirmed')])]),
    )
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .orderBy(dueSince, end === 'oldest' ? 'asc' : 'desc')
    .orderBy('id', end === 'oldest' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function loadSteps(db: Kysely<DB>, deliveryId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('delivery_steps').select(['key', 'value']).where('delivery_id', '=', deliveryId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function recordStep(db: Kysely<DB>, deliveryId: string, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('delivery_steps')
    .values({ delivery_id: deliveryId, key, value, recorded_at: now })
    .onConflict((oc) => oc.columns(['delivery_id', 'key']).doUpdateSet({ value, recorded_at: now }))
    .execute();
}

export async function forgetSteps(db: Kysely<DB>, deliveryId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('delivery_steps').where('delivery_id', '=', deliveryId).where('key', 'in', keys).execute();
}

/** The delivery that produced a platform post, if any (activity sync dedupes on this). */
export async function findDeliveryByPlatformPost(db: Kysely<DB>, channelId: string, platformPostId: string): Promise<string | null> {
  const r = await db
    .selectFrom('deliveries')
    .select('id')
    .where('channel_id', '=', channelId)
    .where('platform_post_id', '=', platformPostId)
    .executeTakeFirst();
  return r?.id ?? null;
}

/** Counts per state, for the watchdog and health page. */
export async function countByState(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('deliveries').select(['state', sql<number>`count(*)`.as('n')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
