import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

// A user's create forms already sent, by the one-time key each form carries: a double tap, or a
// form sent again after a slow answer, makes one thing. The web edge claims the key before the
// route runs and records where the route led; a second request with the key is sent there too.

export const KEEP_SUBMISSIONS_MS = 24 * 3_600_000;

export type Claim = { state: 'claimed' } | { state: 'done'; location: string } | { state: 'pending' };

/** Claims the key for this request, or says what became of the earlier request with it. */
export async function claimSubmission(db: Kysely<DB>, q: { userId: string; key: string; path: string; now: Date }): Promise<Claim> {
  const r = await db
    .insertInto('form_submissions')
    .values({ user_id: q.userId, key: q.key, path: q.path, status: 'pending', location: null, created_at: q.now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) return { state: 'claimed' };
  const row = await db.selectFrom('form_submissions').select(['status', 'location']).where('user_id', '=', q.userId).where('key', '=', q.key).executeTakeFirst();
  // Released a moment ago (the first request came back with problems): try again.
  if (!row) return claimSubmission(db, q);
  return row.status === 'done' && row.location ? { state: 'done', location: row.location } : { state: 'pending' };
}

/** The first request ended in a redirect: later ones with the key go there. */
export async function completeSubmission(db: Kysely<DB>, userId: string, key: string, location: string): Promise<void> {
  await db.updateTable('form_submissions').set({ status: 'done', location }).where('user_id', '=', userId).where('key', '=', key).execute();
}

/** The first request did not make anything (the form came back with problems): the key is free again. */
export async function releaseSubmission(db: Kysely<DB>, userId: string, key: string): Promise<void> {
  await db.deleteFrom('form_submissions').where('user_id', '=', userId).where('key', '=', key).execute();
}

/** Part of the `accounts.prune-sessions` job. */
export async function pruneSubmissions(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db.deleteFrom('form_submissions').where('created_at', '<', new Date(now.getTime() - KEEP_SUBMISSIONS_MS).toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
