import type { Kysely } from 'kysely';

// Which media item a served file belongs to (issue 16 point 4): /media/<key> is answered to the
// public only when the item is used by something public, so the route must find the item from
// the key. One row per variant file; the same bytes in two units are two items, two rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('media_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_keys_pk', ['key', 'media_id'])
    .execute();
  await db.schema.createIndex('media_keys_media').on('media_keys').column('media_id').execute();
  // Existing items, in batches so a large library does not sit in memory at once.
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('media').select(['id', 'unit_id', 'variants']).where('id', '>', after).orderBy('id').limit(500).execute();
    if (rows.length === 0) break;
    const values = rows.flatMap((r) => [...new Set((JSON.parse(r.variants) as { key: string }[]).map((v) => v.key))].map((key) => ({ key, media_id: r.id, unit_id: r.unit_id })));
    for (let i = 0; i < values.length; i += 200) await db.insertInto('media_keys').values(values.slice(i, i + 200)).onConflict((oc) => oc.doNothing()).execute();
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_keys').execute();
}
