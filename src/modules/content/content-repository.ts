import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentKind } from '../../db/schema/site.js';
import { PUBLIC_STATUSES } from './visibility.js';

// The content module's only data-access file. Every query takes the unit explicitly; "public"
// queries apply the visibility rule in SQL so no caller can forget it.

export type ContentRow = Selectable<DB['content_items']>;
export type GalleryRow = Selectable<DB['galleries']>;
export type PhotoRow = Selectable<DB['gallery_photos']>;
export type DocumentRow = Selectable<DB['public_documents']>;

// Lists (beranda, index pages, feeds, sitemaps) never show the body; leaving it and the search
// text out keeps a list query from copying kilobytes per row into JavaScript strings.
const LIST_COLUMNS = [
  'id', 'unit_id', 'kind', 'slug', 'title', 'summary', 'cover_media_id', 'cover_alt', 'author_name',
  'status', 'publish_at', 'event_start', 'event_end', 'event_place', 'is_demo', 'created_at', 'updated_at', 'created_by',
] as const;
const PUBLIC_COLUMNS = [...LIST_COLUMNS, 'body_html', 'search_text'] as const;

export type ContentListRow = Omit<ContentRow, 'body_html' | 'search_text'>;

export interface PublicQuery {
  unitIds?: string[];
  kinds?: ContentKind[];
  now: string;
  limit: number;
  offset?: number;
  /** Agenda: only events that end (or start) at or after this moment, soonest first. */
  upcomingFrom?: string;
}

function publicBase(db: Kysely<DB>, q: Omit<PublicQuery, 'limit' | 'offset'>) {
  let query = db
    .selectFrom('content_items')
    .where('status', 'in', PUBLIC_STATUSES)
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', q.now);
  if (q.unitIds) query = q.unitIds.length === 0 ? query.where('unit_id', '=', '\u0000') : query.where('unit_id', 'in', q.unitIds);
  if (q.kinds) query = query.where('kind', 'in', q.kinds);
  if (q.upcomingFrom) {
    const from = q.upcomingFrom;
    query = query.where((eb) =>
      eb.or([eb('event_end', '>=', from), eb.and([eb('event_end', 'is', null), eb('event_start', '>=', from)])]),
    );
  }
  return query;
}

/** Agenda soonest first, everything else newest first; then the page asked for. */
function orderAndPage<O>(query: SelectQueryBuilder<DB, 'content_items', O>, q: PublicQuery) {
  const ordered = q.upcomingFrom
    ? query.orderBy('event_start', 'asc').orderBy('id', 'asc')
    : query.orderBy('publish_at', 'desc').orderBy('id', 'desc');
  return ordered.limit(q.limit).offset(q.offset ?? 0);
}

export const contentRepository = {
  listPublic: (db: Kysely<DB>, q: PublicQuery): Promise<ContentListRow[]> => orderAndPage(publicBase(db, q).select(LIST_COLUMNS), q).execute(),

  /** Like listPublic, with the body (for activity counting, which reads the text). */
  listPublicWithBody: (db: Kysely<DB>, q: PublicQuery): Promise<ContentRow[]> => orderAndPage(publicBase(db, q).select(PUBLIC_COLUMNS), q).execute(),

  async countPublic(db: Kysely<DB>, q: Omit<PublicQuery, 'limit' | 'offset'>): Promise<number> {
    const r = await publicBase(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  getPublic: (db: Kysely<DB>, unitId: string, kind: ContentKind, slug: string, now: string) =>
    publicBase(db, { unitIds: [unitId], kinds: [kind], now }).select(PUBLIC_COLUMNS).where('slug', '=', slug).executeTakeFirst(),

  /** Units that published something public since `since`, newest first, with a count. */
  recentPublishers: (db: Kysely<DB>, since: string, now: string) =>
    db
      .selectFrom('content_items')
      .select((eb) => ['unit_id', eb.fn.max('publish_at').as('last_at'), eb.fn.countAll<number>().as('n')])
      .where('status', 'in', PUBLIC_STATUSES)
      .where('publish_at', '>=', since)
      .where('publish_at', '<=', now)
      .where('kind', '<>', 'halaman')
      .groupBy('unit_id')
      .orderBy('last_at', 'desc')
      .execute(),

  /** Earliest moment after `now` at which a scheduled item becomes public (cache expiry). */
  async nextScheduled(db: Kysely<DB>, unitId: string | null, now: string): Promise<string | null> {
    let q = db
      .selectFrom('content_items')
      .select((eb) => eb.fn.min('publish_at').as('at'))
      .where('status', 'in', PUBLIC_STATUSES)
      .where('publish_at', '>', now);
    if (unitId) q = q.where('unit_id', '=', unitId);
    const r = await q.executeTakeFirst();
    return (r?.at as string | null) ?? null;
  },

  hasDemo: async (db: Kysely<DB>, unitId: string) =>
    !!(await db.selectFrom('content_items').select('id').where('unit_id', '=', unitId).where('is_demo', '=', 1).limit(1).executeTakeFirst()),

  byId: (db: Kysely<DB>, unitId: string, id: string) =>
    db.selectFrom('content_items').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst(),

  listForStaff: (db: Kysely<DB>, unitId: string, limit = 100) =>
    db.selectFrom('content_items').selectAll().where('unit_id', '=', unitId).orderBy('updated_at', 'desc').limit(limit).execute(),

  slugsOf: async (db: Kysely<DB>, unitId: string, kind: ContentKind) =>
    new Set((await db.selectFrom('content_items').select('slug').where('unit_id', '=', unitId).where('kind', '=', kind).execute()).map((r) => r.slug)),

  insert: (db: Kysely<DB>, row: DB['content_items']) => db.insertInto('content_items').values(row).execute(),

  update: (db: Kysely<DB>, unitId: string, id: string, patch: Partial<DB['content_items']>) =>
    db.updateTable('content_items').set(patch).where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst(),

  // Galleries.
  listPublicGalleries: (db: Kysely<DB>, unitId: string, now: string, limit = 24) =>
    db
      .selectFrom('galleries')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('status', 'in', PUBLIC_STATUSES)
      .where('publish_at', '<=', now)
      .orderBy('publish_at', 'desc')
      .limit(limit)
      .execute(),
  getPublicGallery: (db: Kysely<DB>, unitId: string, slug: string, now: string) =>
    db
      .selectFrom('galleries')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('slug', '=', slug)
      .where('status', 'in', PUBLIC_STATUSES)
      .where('publish_at', '<=', now)
      .executeTakeFirst(),
  photosOf: (db: Kysely<DB>, unitId: string, galleryIds: string[]) =>
    galleryIds.length === 0
      ? Promise.resolve([] as PhotoRow[])
      : db
          .selectFrom('gallery_photos')
          .selectAll()
          .where('unit_id', '=', unitId)
          .where('gallery_id', 'in', galleryIds)
          .orderBy('position')
          .execute(),
  insertGallery: (db: Kysely<DB>, row: DB['galleries']) => db.insertInto('galleries').values(row).execute(),
  insertPhoto: (db: Kysely<DB>, row: DB['gallery_photos']) => db.insertInto('gallery_photos').values(row).execute(),
  listGalleriesForStaff: (db: Kysely<DB>, unitId: string) =>
    db.selectFrom('galleries').selectAll().where('unit_id', '=', unitId).orderBy('updated_at', 'desc').execute(),

  // Public documents (UU KIP).
  listPublicDocuments: (db: Kysely<DB>, unitId: string, now: string) =>
    db
      .selectFrom('public_documents')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('status', 'in', PUBLIC_STATUSES)
      .where('publish_at', '<=', now)
      .orderBy('category')
      .orderBy('year', 'desc')
      .orderBy('title')
      .execute(),
  insertDocument: (db: Kysely<DB>, row: DB['public_documents']) => db.insertInto('public_documents').values(row).execute(),
  listDocumentsForStaff: (db: Kysely<DB>, unitId: string) =>
    db.selectFrom('public_documents').selectAll().where('unit_id', '=', unitId).orderBy('updated_at', 'desc').execute(),
  updateDocumentStatus: (db: Kysely<DB>, unitId: string, id: string, status: DB['public_documents']['status'], now: string) =>
    db.updateTable('public_documents').set({ status, updated_at: now }).where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst(),
};
