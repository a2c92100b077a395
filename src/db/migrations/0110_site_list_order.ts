import type { Kysely } from 'kysely';

// An index in the order public lists are shown in (newest first), so "the latest 4 berita of a
// unit" stops after 4 index entries instead of collecting every public item of that kind and
// sorting it. The status is checked on the rows read: almost every item of a unit is public, and
// keeping status out of the index is what lets one index range give the order for both public
// statuses. content_items_public still serves the counts, and the upcoming agenda ("not ended
// yet" is not a range of event_start, so no index can give its order; a unit's agenda is small).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('content_items_newest').on('content_items').columns(['unit_id', 'kind', 'publish_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('content_items_newest').execute();
}
