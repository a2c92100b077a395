import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { PUBLIC_STATUSES } from './visibility.js';

/**
 * Is this media item (of this unit) used by something the public may see right now: the cover or
 * an embedded picture of a public content item, a photo of a public gallery, or the file of a
 * public document? Drafts, scheduled items before their time and archived items do not count,
 * so unpublishing makes a photo private again. Only the item's own unit is searched: content
 * never shows another unit's media (issue 16 point 6).
 */
export async function mediaInPublicUse(db: Kysely<DB>, q: { unitId: string; mediaId: string; keys: string[]; now: Date }): Promise<boolean> {
  const now = q.now.toISOString();
  const paths = q.keys.map((k) => `%/media/${k}%`);
  const content = await db
    .selectFrom('content_items')
    .select('id')
    .where('unit_id', '=', q.unitId)
    .where('status', 'in', PUBLIC_STATUSES)
    .where('publish_at', '<=', now)
    .where((eb) => eb.or([eb('cover_media_id', '=', q.mediaId), ...paths.map((p) => eb('body_html', 'like', p))]))
    .limit(1)
    .executeTakeFirst();
  if (content) return true;
  const photo = await db
    .selectFrom('gallery_photos')
    .innerJoin('galleries', 'galleries.id', 'gallery_photos.gallery_id')
    .select('gallery_photos.id')
    .where('gallery_photos.unit_id', '=', q.unitId)
    .where('gallery_photos.media_id', '=', q.mediaId)
    .where('galleries.status', 'in', PUBLIC_STATUSES)
    .where('galleries.publish_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  if (photo) return true;
  if (paths.length === 0) return false;
  const doc = await db
    .selectFrom('public_documents')
    .select('id')
    .where('unit_id', '=', q.unitId)
    .where('status', 'in', PUBLIC_STATUSES)
    .where('publish_at', '<=', now)
    .where('category', '!=', 'dikecualikan')
    .where((eb) => eb.or(paths.map((p) => eb('file_url', 'like', p))))
    .limit(1)
    .executeTakeFirst();
  return Boolean(doc);
}
