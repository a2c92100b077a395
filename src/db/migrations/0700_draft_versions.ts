import type { Kysely } from 'kysely';

// Nothing a person wrote is overwritten silently (#14 point 1). A draft remembers which open
// editor page saved it last (editor_session), so a page that saves on top of someone else's
// newer save is noticed; the text that is not kept after such a clash is set aside in
// composer_draft_versions, where the writer can see it and take it back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('composer_drafts').addColumn('editor_session', 'text').execute();
  await db.schema
    .createTable('composer_draft_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('composer_drafts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hashtags', 'text', (c) => c.notNull())
    .addColumn('captions', 'text', (c) => c.notNull())
    .addColumn('alts', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('written_by_name', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('set_aside_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('composer_draft_versions_draft').on('composer_draft_versions').columns(['unit_id', 'draft_id', 'set_aside_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('composer_draft_versions').execute();
  await db.schema.alterTable('composer_drafts').dropColumn('editor_session').execute();
}
