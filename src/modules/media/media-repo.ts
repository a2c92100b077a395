import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { MediaTables } from '../../db/schema/media.js';
import type { MediaItem, Variant } from './types.js';

// The only file of this module that touches the database. Every read is scoped by unit_id, so a
// caller cannot reach another unit's media by guessing an id.
type Row = Selectable<MediaTables['media']>;

const toItem = (r: Row): MediaItem => ({
  id: r.id,
  unitId: r.unit_id,
  originalName: r.original_name,
  mime: r.mime,
  width: Number(r.width),
  height: Number(r.height),
  bytes: Number(r.bytes),
  sha256: r.sha256,
  alt: r.alt,
  variants: JSON.parse(r.variants) as Variant[],
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function insertMedia(db: Kysely<DB>, item: MediaItem): Promise<boolean> {
  const result = await db
    .insertInto('media')
    .values({
      id: item.id,
      unit_id: item.unitId,
      original_name: item.originalName,
      mime: item.mime,
      width: item.width,
      height: item.height,
      bytes: item.bytes,
      sha256: item.sha256,
      alt: item.alt,
      variants: JSON.stringify(item.variants),
      avif_done_at: null,
      created_by: item.createdBy,
      created_at: item.createdAt,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'sha256']).doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (inserted) await recordKeys(db, item.id, item.unitId, item.variants);
  return inserted;
}

/** Every variant's key points back at its item (media_keys), for the serving route. */
async function recordKeys(db: Kysely<DB>, mediaId: string, unitId: string, variants: Variant[]): Promise<void> {
  const keys = [...new Set(variants.map((v) => v.key))];
  if (keys.length === 0) return;
  await db
    .insertInto('media_keys')
    .values(keys.map((key) => ({ key, media_id: mediaId, unit_id: unitId })))
    .onConflict((oc) => oc.columns(['key', 'media_id']).doNothing())
    .execute();
}

/** The items a served file belongs to (one per unit that stored the same bytes), with all their keys. */
export async function itemsByKey(db: Kysely<DB>, key: string): Promise<{ mediaId: string; unitId: string; keys: string[] }[]> {
  const owners = await db.selectFrom('media_keys').select(['media_id', 'unit_id']).where('key', '=', key).execute();
  const out = [];
  for (const o of owners) {
    const keys = (await db.selectFrom('media_keys').select('key').where('media_id', '=', o.media_id).execute()).map((r) => r.key);
    out.push({ mediaId: o.media_id, unitId: o.unit_id, keys });
  }
  return out;
}

export async function findByUnitAndHash(db: Kysely<DB>, unitId: string, sha256: string): Promise<MediaItem | null> {
  const r = await db.selectFrom('media').selectAll().where('unit_id', '=', unitId).where('sha256', '=', sha256).executeTakeFirst();
  return r ? toItem(r) : null;
}

export async function findInUnit(db: Kysely<DB>, unitId: string, id: string): Promise<MediaItem | null> {
  const r = await db.selectFrom('media').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return r ? toItem(r) : null;
}

/** For background jobs, which act on an id they were given, not on behalf of a user. */
export async function findForJob(db: Kysely<DB>, id: string): Promise<{ item: MediaItem; avifDone: boolean } | null> {
  const r = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { item: toItem(r), avifDone: r.avif_done_at !== null } : null;
}

export async function listInUnit(
  db: Kysely<DB>,
  unitId: string,
  opts: { limit: number; before?: { createdAt: string; id: string } },
): Promise<MediaItem[]> {
  let q = db.selectFrom('media').selectAll().where('unit_id', '=', unitId);
  if (opts.before) {
    const b = opts.before;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map(toItem);
}

export async function updateAlt(db: Kysely<DB>, unitId: string, id: string, alt: string): Promise<boolean> {
  const r = await db.updateTable('media').set({ alt }).where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function saveAvif(db: Kysely<DB>, id: string, variants: Variant[], at: string): Promise<void> {
  await db.updateTable('media').set({ variants: JSON.stringify(variants), avif_done_at: at }).where('id', '=', id).execute();
  const row = await db.selectFrom('media').select('unit_id').where('id', '=', id).executeTakeFirst();
  if (row) await recordKeys(db, id, row.unit_id, variants);
}

export async function idsWithoutAvif(db: Kysely<DB>, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('media').select('id').where('avif_done_at', 'is', null).orderBy('created_at').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Does this file belong to one of the unit's own media items? */
export async function unitOwnsFile(db: Kysely<DB>, unitId: string, key: string): Promise<boolean> {
  return Boolean(await db.selectFrom('media_keys').select('media_id').where('key', '=', key).where('unit_id', '=', unitId).executeTakeFirst());
}
