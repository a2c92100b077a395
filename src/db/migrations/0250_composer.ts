import type { Kysely } from 'kysely';

// The composer's own tables: drafts (autosaved, scheduled, submitted for approval), comments and
// help requests around them, per-unit composer settings, and city broadcasts. Published posts
// live in content_items (the content module's table); a draft only points at its item.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('composer_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hashtags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('photos', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON array of channel ids; null means "every channel of the unit" (the default choice).
    .addColumn('channel_ids', 'text')
    .addColumn('captions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tiktok_privacy', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('publish_at', 'text')
    .addColumn('content_id', 'text')
    .addColumn('late_note', 'text')
    .addColumn('step', 'text', (c) => c.notNull().defaultTo('tulis'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('composer_drafts_unit_status').on('composer_drafts').columns(['unit_id', 'status', 'updated_at']).execute();
  // The publish-due sweep reads only scheduled rows by time.
  await db.schema.createIndex('composer_drafts_due').on('composer_drafts').columns(['status', 'publish_at']).execute();

  await db.schema
    .createTable('composer_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('composer_drafts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('composer_comments_draft').on('composer_comments').columns(['draft_id', 'created_at']).execute();

  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('draft_id', 'text', (c) => c.references('composer_drafts.id').onDelete('set null'))
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('help_requests_unit_status').on('help_requests').columns(['unit_id', 'status']).execute();

  await db.schema
    .createTable('composer_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id').onDelete('cascade'))
    .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('broadcasts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One row per kelurahan that received the broadcast: the content item made there is Pemkot's,
  // so compliance and monitoring exclude it from the kelurahan's own content.
  await db.schema
    .createTable('broadcast_items')
    .addColumn('broadcast_id', 'text', (c) => c.notNull().references('broadcasts.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('broadcast_items_pk', ['broadcast_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('broadcast_items_content').unique().on('broadcast_items').columns(['content_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['broadcast_items', 'broadcasts', 'composer_settings', 'help_requests', 'composer_comments', 'composer_drafts']) {
    await db.schema.dropTable(t).execute();
  }
}
