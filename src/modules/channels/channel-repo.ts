import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ChannelsTables } from '../../db/schema/channels.js';
import { newId } from '../../shared/ids.js';

// The only file of the channels module that touches channel_accounts, channel_activity and
// channel_alerts. Deliveries belong to the publishing module's repo.

export type ChannelRow = Selectable<ChannelsTables['channel_accounts']>;
export type ActivityRow = Selectable<ChannelsTables['channel_activity']>;
export type AlertRow = Selectable<ChannelsTables['channel_alerts']>;

export const getChannel = (db: Kysely<DB>, id: string) =>
  db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirst();

export const listUnitChannels = (db: Kysely<DB>, unitId: string) =>
  db.selectFrom('channel_accounts').selectAll().where('unit_id', '=', unitId).orderBy('platform').orderBy('handle').execute();

export const listConnectedChannels = (db: Kysely<DB>) =>
  db.selectFrom('channel_accounts').selectAll().where('state', '=', 'connected').orderBy('id').execute();

export async function insertChannel(db: Kysely<DB>, row: Insertable<ChannelsTables['channel_accounts']>): Promise<void> {
  await db.insertInto('channel_accounts').values(row).execute();
}

export async function updateChannel(db: Kysely<DB>, id: string, patch: Updateable<ChannelsTables['channel_accounts']>): Promise<void> {
  await db.updateTable('channel_accounts').set(patch).where('id', '=', id).execute();
}

/** Records a post seen on an account; false when it was already recorded (sync is idempotent). */
export async function insertActivity(db: Kysely<DB>, row: Omit<Insertable<ChannelsTables['channel_activity']>, 'id'>): Promise<boolean> {
  const r = await db
    .insertInto('channel_activity')
    .values({ id: newId(), ...row })
    .onConflict((oc) => oc.columns(['channel_id', 'platform_post_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const listActivity = (db: Kysely<DB>, filter: { unitId?: string; since?: string; limit?: number }) => {
  let q = db.selectFrom('channel_activity').selectAll();
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  if (filter.since) q = q.where('published_at', '>=', filter.since);
  return q.orderBy('published_at', 'desc').limit(filter.limit ?? 100).execute();
};

/**
 * Opens an alert unless one of the same kind is already open for the channel (one per incident).
 * Stored as its kind and values; the words are the reader's (src/i18n/channel-alerts.ts).
 */
export async function openAlert(
  db: Kysely<DB>,
  a: { unitId: string; channelId: string; kind: AlertRow['kind']; days?: number; now: string },
): Promise<boolean> {
  const open = await db
    .selectFrom('channel_alerts')
    .select('id')
    .where('channel_id', '=', a.channelId)
    .where('kind', '=', a.kind)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  if (open) return false;
  await db
    .insertInto('channel_alerts')
    .values({ id: newId(), unit_id: a.unitId, channel_id: a.channelId, kind: a.kind, message: '', days: a.days ?? null, created_at: a.now, resolved_at: null })
    .execute();
  return true;
}

export async function resolveAlerts(db: Kysely<DB>, channelId: string, now: string): Promise<void> {
  await db.updateTable('channel_alerts').set({ resolved_at: now }).where('channel_id', '=', channelId).where('resolved_at', 'is', null).execute();
}

export const listOpenAlerts = (db: Kysely<DB>, unitId?: string) => {
  let q = db.selectFrom('channel_alerts').selectAll().where('resolved_at', 'is', null);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return q.orderBy('created_at', 'desc').execute();
};
