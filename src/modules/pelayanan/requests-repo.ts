import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { RequestStatus } from '../../db/schema/pelayanan.js';
import { newId } from '../../shared/ids.js';

// Data access for requests, their documents and their history. Every read of a citizen's row is
// scoped by unit id at the query, so a request of another unit is "not found", never "forbidden".

export type RequestRow = DB['pelayanan_requests'];
export type DocumentRow = DB['pelayanan_documents'];
export type EventRow = DB['pelayanan_events'];
type Db = Kysely<DB> | Transaction<DB>;

export const requestsRepo = {
  insert: (db: Db, row: RequestRow) => db.insertInto('pelayanan_requests').values(row).execute(),

  byId: (db: Db, unitId: string, id: string) =>
    db.selectFrom('pelayanan_requests').selectAll().where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst(),

  byCode: (db: Db, code: string) => db.selectFrom('pelayanan_requests').selectAll().where('tracking_code', '=', code).executeTakeFirst(),

  update: (db: Db, id: string, set: Partial<RequestRow>) => db.updateTable('pelayanan_requests').set(set).where('id', '=', id).executeTakeFirst(),

  /** Moves a request only from the statuses given: a second click or a concurrent change finds 0 rows. */
  transition: async (db: Db, id: string, from: RequestStatus[], set: Partial<RequestRow>): Promise<boolean> => {
    const r = await db.updateTable('pelayanan_requests').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertDocument: (db: Db, row: DocumentRow) => db.insertInto('pelayanan_documents').values(row).execute(),

  documentsOf: (db: Db, ownerId: string) =>
    db.selectFrom('pelayanan_documents').selectAll().where('owner_id', '=', ownerId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute(),

  document: (db: Db, unitId: string, ownerId: string, docId: string) =>
    db
      .selectFrom('pelayanan_documents')
      .selectAll()
      .where('id', '=', docId)
      .where('owner_id', '=', ownerId)
      .where('unit_id', '=', unitId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),

  /** Draft uploads become the request's documents when it is sent. */
  adoptDrafts: (db: Db, draftToken: string, unitId: string, kind: 'request' | 'complaint', ownerId: string) =>
    db
      .updateTable('pelayanan_documents')
      .set({ owner_kind: kind, owner_id: ownerId })
      .where('owner_kind', '=', 'draft')
      .where('owner_id', '=', draftToken)
      .where('unit_id', '=', unitId)
      .where('deleted_at', 'is', null)
      .execute(),

  markDocumentsDeleted: (db: Db, ownerId: string, at: string) =>
    db.updateTable('pelayanan_documents').set({ deleted_at: at }).where('owner_id', '=', ownerId).where('deleted_at', 'is', null).execute(),

  addEvent: (db: Db, e: Omit<EventRow, 'id'>) => db.insertInto('pelayanan_events').values({ id: newId(Date.parse(e.at)), ...e }).execute(),

  eventsOf: (db: Db, ownerId: string) => db.selectFrom('pelayanan_events').selectAll().where('owner_id', '=', ownerId).orderBy('at').orderBy('id').execute(),
};

/** A request of a unit by its tracking code (the citizen's pages), or undefined. */
export async function findRequestByCode(db: Kysely<DB>, unitId: string, code: string): Promise<Pick<RequestRow, 'id' | 'unit_id' | 'service_code'> | undefined> {
  const r = await db.selectFrom('pelayanan_requests').select(['id', 'unit_id', 'service_code']).where('tracking_code', '=', code).executeTakeFirst();
  return r && r.unit_id === unitId ? r : undefined;
}

/** The number of a letter still held in full (null once retention removed its text). */
export async function letterNumberOf(db: Kysely<DB>, letterId: string): Promise<string | null> {
  const l = await db.selectFrom('pelayanan_letters').select(['number', 'content']).where('id', '=', letterId).executeTakeFirst();
  return l && l.content ? l.number : null;
}

/** Which layanan a request of a unit is for (the staff action route needs its form). */
export async function serviceCodeOf(db: Kysely<DB>, unitId: string, id: string): Promise<string | undefined> {
  return (await db.selectFrom('pelayanan_requests').select('service_code').where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst())?.service_code;
}
