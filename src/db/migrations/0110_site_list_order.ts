import type { Kysely } from 'kysely';

// Indexes whose order is the order public lists are shown in (newest first; agenda soonest
// first), so "the latest 4 berita of a unit" stops after 4 index entries instead of collecting
// every public item of that kind and sorting it. The status is checked on the rows read: almost
// every item of a unit is public, and keeping status out of the index is what lets one index
// range give the order for both public statuses. content_items_public still serves the counts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('content_items_newest').on('content_items').columns(['unit_id', 'kind', 'publish_at', 'id']).execute();
  await db.schema.createIndex('content_items_events').on('content_items').columns(['unit_id', 'kind', 'event_start', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('content_items_events').execute();
  await db.schema.dropIndex('content_items_newest').execute();
}
