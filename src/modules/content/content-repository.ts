import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { type Param, runPrepared } from '../../db/prepared.js';
import type { DB } from '../../db/schema/index.js';
import type { ContentKind } from '../../db/schema/site.js';
import { PUBLIC_STATUSES } from './visibility.js';

// The content module's only data-access file. Every query takes the unit explicitly; "public"
// queries apply the visibility rule in SQL so no caller can forget it.

export type ContentRow = Selectable<DB['content_items']>;
export type GalleryRow = Selectable<DB['galleries']>;
export type PhotoRow = Selectable<DB['gallery_photos']>;
export type DocumentRow = Selectable<DB['public_documents']>;

// Lists (beranda, index pages, feeds, sitemaps) never show the body; leaving it, the search text
// and the staff-only columns out keeps a list query from copying what no list shows into
// JavaScript strings (better-sqlite3 makes a string per value; that is most of a list's cost).
// The beranda's cards need even less (no cover, author or dates of change); on its one
// statement 9 columns instead of 15 took ~35 % off the statement (~75 → ~46 µs measured).
const CARD_COLUMNS = ['id', 'kind', 'slug', 'title', 'summary', 'publish_at', 'event_start', 'event_end', 'event_place'] as const;
const LIST_COLUMNS = [...CARD_COLUMNS, 'unit_id', 'cover_media_id', 'cover_alt', 'author_name', 'created_at', 'updated_at'] as const;
const PUBLIC_COLUMNS = [...LIST_COLUMNS, 'status', 'is_demo', 'created_by', 'body_html', 'search_text'] as const;

export type ContentListRow = Pick<ContentRow, (typeof LIST_COLUMNS)[number]>;
/** A public item as a beranda card shows it. */
export type ContentCardRow = Pick<ContentRow, (typeof CARD_COLUMNS)[number]>;

export interface PublicQuery {
  unitIds?: string[];
  kinds?: ContentKind[];
  now: string;
  limit: number;
  offset?: number;
  /** Agenda: only events that end (or start) at or after this moment, soonest first. */
  upcomingFrom?: string;
}

// Public reads are prepared queries (db/prepared.ts): the page of a citizen runs them on every
// uncached request. The shape names what changes the SQL; the values fill the placeholders.
type PublicFilter = Omit<PublicQuery, 'limit' | 'offset'>;
const shapeOf = (name: string, q: PublicFilter & { limit?: number }) =>
  `content.${name}|${q.unitIds?.length ?? '*'}|${q.kinds?.length ?? '*'}|${q.upcomingFrom ? 'upcoming' : '-'}|${q.limit === undefined ? '-' : limitOf(q.limit)}`;

function valuesOf(q: PublicFilter & { offset?: number; slug?: string }): Record<string, unknown> {
  const v: Record<string, unknown> = { now: q.now, from: q.upcomingFrom, offset: q.offset ?? 0, slug: q.slug };
  q.unitIds?.forEach((id, i) => (v[`u${i}`] = id));
  q.kinds?.forEach((k, i) => (v[`k${i}`] = k));
  return v;
}

function publicBase(db: Kysely<DB>, q: PublicFilter, p: Param) {
  let query = db
    .selectFrom('content_items')
    .where('status', 'in', PUBLIC_STATUSES)
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', p<string>('now'));
  if (q.unitIds) query = q.unitIds.length === 0 ? query.where('unit_id', '=', '\u0000') : query.where('unit_id', 'in', q.unitIds.map((_, i) => p<string>(`u${i}`)));
  if (q.kinds) query = query.where('kind', 'in', q.kinds.map((_, i) => p<ContentKind>(`k${i}`)));
  if (q.upcomingFrom) {
    const from = p<string>('from');
    query = query.where((eb) =>
      eb.or([eb('event_end', '>=', from), eb.and([eb('event_end', 'is', null), eb('event_start', '>=', from)])]),
    );
  }
  return query;
}

export interface PublicSection {
  kind: ContentKind;
  limit: number;
  /** Agenda that has not ended yet, soonest first (instead of newest first). */
  upcoming?: boolean;
}

const byNewest = (a: ContentCardRow, b: ContentCardRow) => (a.publish_at! < b.publish_at! ? 1 : a.publish_at! > b.publish_at! ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byEventStart = (a: ContentCardRow, b: ContentCardRow) => ((a.event_start ?? '') < (b.event_start ?? '') ? -1 : (a.event_start ?? '') > (b.event_start ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Agenda soonest first, everything else newest first; then the page asked for. The limit is
 * written into the SQL (it comes from code, and is part of the shape): with `LIMIT ?` SQLite
 * plans for an unknown number of rows, sorts instead of reading the ordered index, and a
 * "latest 4" took twice as long (measured 50 µs against 25 µs).
 */
function orderAndPage<O>(query: SelectQueryBuilder<DB, 'content_items', O>, q: PublicFilter & { limit: number }, p: Param) {
  const ordered = q.upcomingFrom
    ? query.orderBy('event_start', 'asc').orderBy('id', 'asc')
    : query.orderBy('publish_at', 'desc').orderBy('id', 'desc');
  return ordered.limit(sql.lit(limitOf(q.limit))).offset(p<number>('offset'));
}

const limitOf = (n: number) => Math.max(0, Math.min(Math.trunc(n) || 0, 100_000));

export const contentRepository = {
  listPublic: (db: Kysely<DB>, q: PublicQuery): Promise<ContentListRow[]> =>
    runPrepared(db, shapeOf('list', q), (p) => orderAndPage(publicBase(db, q, p).select(LIST_COLUMNS), q, p), valuesOf(q)),

  /** Like listPublic, with the body (for activity counting, which reads the text). */
  listPublicWithBody: (db: Kysely<DB>, q: PublicQuery): Promise<ContentRow[]> =>
    runPrepared(db, shapeOf('listWithBody', q), (p) => orderAndPage(publicBase(db, q, p).select(PUBLIC_COLUMNS), q, p), valuesOf(q)),

  /**
   * Several short public lists of one unit in one statement (the beranda shows the latest
   * berita, the latest pengumuman and the next agenda): one round through the driver instead of
   * three. Each section keeps its own order and limit; rows come back grouped by section.
   */
  async listPublicSections(db: Kysely<DB>, q: { unitId: string; now: string; sections: PublicSection[] }): Promise<ContentCardRow[][]> {
    if (q.sections.length === 0) return [];
    const filters = q.sections.map((s) => ({ unitIds: [q.unitId], kinds: [s.kind], now: q.now, upcomingFrom: s.upcoming ? q.now : undefined, limit: s.limit }));
    const values: Record<string, unknown> = {};
    filters.forEach((f, i) => {
      for (const [k, v] of Object.entries(valuesOf(f))) values[`s${i}.${k}`] = v;
    });
    const shape = `content.sections|${filters.map((f) => shapeOf('', f)).join(',')}`;
    const rows = await runPrepared(
      db,
      shape,
      (p) => {
        // Each section is a subquery with its own ORDER BY/LIMIT (a compound SELECT cannot order
        // its parts); the section number tells the rows apart, as the SQL order of a UNION ALL
        // is not promised.
        const part = (i: number) => {
          const pi: Param = (name) => p(`s${i}.${name}`);
          const inner = orderAndPage(publicBase(db, filters[i]!, pi).select(CARD_COLUMNS), filters[i]!, pi);
          return db.selectFrom(inner.as(`s${i}`)).selectAll().select((eb) => eb.lit(i).as('section'));
        };
        let query = part(0);
        for (let i = 1; i < filters.length; i++) query = query.unionAll(part(i));
        return query;
      },
      values,
    );
    const out: ContentCardRow[][] = q.sections.map(() => []);
    for (const { section, ...row } of rows) out[Number(section)]!.push(row);
    // Within a section the subquery's order is kept by both engines, but sort again rather than rely on it.
    filters.forEach((f, i) => out[i]!.sort(f.upcomingFrom ? byEventStart : byNewest));
    return out;
  },

  async countPublic(db: Kysely<DB>, q: PublicFilter): Promise<number> {
    const [r] = await runPrepared(db, shapeOf('count', q), (p) => publicBase(db, q, p).select((eb) => eb.fn.countAll<number>().as('n')), valuesOf(q));
    return Number(r?.n ?? 0);
  },

  async getPublic(db: Kysely<DB>, unitId: string, kind: ContentKind, slug: string, now: string): Promise<ContentRow | undefined> {
    const q = { unitIds: [unitId], kinds: [kind], now, slug };
    const [row] = await runPrepared(db, shapeOf('get', q), (p) => publicBase(db, q, p).select(PUBLIC_COLUMNS).where('slug', '=', p<string>('slug')), valuesOf(q));
    return row;
  },

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

  /** Titles of some of the unit's items (lists that show posts by title, e.g. "Kiriman"). */
  titlesOf: async (db: Kysely<DB>, unitId: string, ids: string[]) =>
    ids.length === 0 ? [] : db.selectFrom('content_items').select(['id', 'title']).where('unit_id', '=', unitId).where('id', 'in', ids).execute(),

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
  /** A draft album of this unit made public; answers how many rows changed (0: not a draft here). */
  publishDraftGallery: async (db: Kysely<DB>, unitId: string, id: string, now: string) =>
    Number(
      (await db.updateTable('galleries').set({ status: 'published', publish_at: now, updated_at: now }).where('id', '=', id).where('unit_id', '=', unitId).where('status', '=', 'draft').executeTakeFirst())
        .numUpdatedRows,
    ),
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
    db
      .updateTable('public_documents')
      // A draft published now gets its publish moment now; an earlier one is kept.
      .set((eb) => ({ status, updated_at: now, publish_at: status === 'published' ? eb.fn.coalesce('publish_at', eb.val(now)) : eb.ref('publish_at') }))
      .where('unit_id', '=', unitId)
      .where('id', '=', id)
      .executeTakeFirst(),
};
