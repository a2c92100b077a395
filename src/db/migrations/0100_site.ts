import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// Public-site tables: profil sections, content (berita/pengumuman/agenda/halaman), galleries,
// public documents and the layanan catalogue. Visibility is decided by (status, publish_at) at
// read time, so a scheduled item becomes public at its minute without any job having to run.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('profile_sections')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_sections_pk', ['unit_id', 'section'])
    .execute();

  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_media_id', 'text')
    .addColumn('cover_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('event_start', 'text')
    .addColumn('event_end', 'text')
    .addColumn('event_place', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('content_items_unit_kind_slug', ['unit_id', 'kind', 'slug'])
    .execute();
  await db.schema.createIndex('content_items_public').on('content_items').columns(['unit_id', 'kind', 'status', 'publish_at']).execute();
  await db.schema.createIndex('content_items_recent').on('content_items').columns(['status', 'publish_at']).execute();

  await db.schema
    .createTable('galleries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('galleries_unit_slug', ['unit_id', 'slug'])
    .execute();
  await db.schema
    .createTable('gallery_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('gallery_id', 'text', (c) => c.notNull().references('galleries.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('media_id', 'text')
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gallery_photos_gallery').on('gallery_photos').columns(['gallery_id', 'position']).execute();

  await db.schema
    .createTable('public_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('year', 'integer')
    .addColumn('file_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_documents_unit').on('public_documents').columns(['unit_id', 'category']).execute();

  // City-wide layanan catalogue (not tenant-owned: one deployment serves one region).
  await db.schema
    .createTable('service_catalogue')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_services')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('service_code', 'text', (c) => c.notNull().references('service_catalogue.code'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('adjustment', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_services_pk', ['unit_id', 'service_code'])
    .execute();

  // Full-text search over content (see src/db/search.ts). The indexed column is pre-stemmed in
  // the application, so both engines match the same Indonesian word forms.
  if (dialectOf(db) === 'sqlite') {
    await sql`create virtual table content_search using fts5(item_id unindexed, search_text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger content_search_ai after insert on content_items begin
      insert into content_search (item_id, search_text) values (new.id, new.search_text); end`.execute(db);
    await sql`create trigger content_search_au after update of search_text on content_items begin
      delete from content_search where item_id = old.id;
      insert into content_search (item_id, search_text) values (new.id, new.search_text); end`.execute(db);
    await sql`create trigger content_search_ad after delete on content_items begin
      delete from content_search where item_id = old.id; end`.execute(db);
  } else {
    await sql`create index content_items_fts on content_items using gin (to_tsvector('simple', search_text))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`drop table if exists content_search`.execute(db);
  for (const t of ['unit_services', 'service_catalogue', 'public_documents', 'gallery_photos', 'galleries', 'content_items', 'profile_sections']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
