import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { recordAudit } from '../../modules/accounts/index.js';
import { type MediaStore, isMediaKey } from '../../modules/media/index.js';
import type { Clock } from '../../shared/clock.js';
import { SEEDED_TABLES } from './demo-data.js';

// `npm run beranda -- demo remove` (issue 13): deletes every demo account (with its sessions,
// unit assignments, notifications and reminder history), every demo post and what was written by
// demo accounts (drafts, broadcasts, photos), the simulated social channels with their
// deliveries and activity, and the simulated monitoring history. Units, settings (composer,
// compliance and reminder rules, the layanan catalogue) and the audit log stay as they are: the
// audit log records the removal itself. One transaction, so a failure leaves everything; media
// files no remaining row refers to are deleted after the commit.
//
// This file sees every module's tables on purpose: the one invariant — nothing demo is left,
// nothing real is touched — is easier to check in one place than spread over eight modules
// (decision 0007).

export interface RemovedDemo {
  accounts: number;
  posts: number;
  drafts: number;
  photos: number;
  channels: number;
  deliveries: number;
  history: number;
  files: number;
}

/** `in ()` is not SQL: an empty list becomes one value no id or key ever has. */
const inList = (values: string[]) => (values.length ? values : ['']);

class DryRun extends Error {}

/** `dryRun`: counts what would go, inside a transaction that is then rolled back. */
export async function removeDemo(db: Kysely<DB>, clock: Clock, store: MediaStore, opts: { dryRun?: boolean } = {}): Promise<RemovedDemo> {
  const out: RemovedDemo = { accounts: 0, posts: 0, drafts: 0, photos: 0, channels: 0, deliveries: 0, history: 0, files: 0 };
  const freedKeys = new Set<string>();
  const n = (r: { numDeletedRows: bigint }[]) => r.reduce((s, x) => s + Number(x.numDeletedRows), 0);

  const files: string[] = [];
  await db.transaction().execute(async (trx) => {
    const demoUsers = (await trx.selectFrom('users').select(['id', 'username']).where('is_demo', '=', 1).execute());
    const userIds = inList(demoUsers.map((u) => u.id));
    const simulated = inList((await trx.selectFrom('channel_accounts').select('id').where('is_simulation', '=', 1).execute()).map((c) => c.id));

    // Posts: demo content, what demo accounts wrote (their drafts' items, their broadcasts).
    const broadcasts = inList((await trx.selectFrom('broadcasts').select('id').where('created_by', 'in', userIds).execute()).map((b) => b.id));
    const posts = new Set<string>();
    for (const r of await trx.selectFrom('content_items').select('id').where((eb) => eb.or([eb('is_demo', '=', 1), eb('created_by', 'in', userIds)])).execute()) posts.add(r.id);
    for (const r of await trx.selectFrom('composer_drafts').select('content_id').where('created_by', 'in', userIds).where('content_id', 'is not', null).execute()) posts.add(r.content_id!);
    for (const r of await trx.selectFrom('broadcast_items').select('content_id').where('broadcast_id', 'in', broadcasts).execute()) posts.add(r.content_id);
    const postIds = inList([...posts]);

    // Deliveries: to a simulated channel, or of a demo post.
    const deliveries = inList(
      (await trx.selectFrom('deliveries').select('id').where((eb) => eb.or([eb('channel_id', 'in', simulated), eb('post_id', 'in', postIds)])).execute()).map((d) => d.id),
    );
    await trx.deleteFrom('delivery_steps').where('delivery_id', 'in', deliveries).execute();
    await trx.deleteFrom('channel_activity').where((eb) => eb.or([eb('channel_id', 'in', simulated), eb('delivery_id', 'in', deliveries)])).execute();
    out.deliveries = n(await trx.deleteFrom('deliveries').where('id', 'in', deliveries).execute());
    await trx.deleteFrom('channel_alerts').where('channel_id', 'in', simulated).execute();
    out.channels = n(await trx.deleteFrom('channel_accounts').where('id', 'in', simulated).execute());

    out.drafts = n(await trx.deleteFrom('composer_drafts').where((eb) => eb.or([eb('created_by', 'in', userIds), eb('content_id', 'in', postIds)])).execute());
    await trx.deleteFrom('broadcast_items').where((eb) => eb.or([eb('broadcast_id', 'in', broadcasts), eb('content_id', 'in', postIds)])).execute();
    await trx.deleteFrom('broadcasts').where('id', 'in', broadcasts).execute();
    out.posts = n(await trx.deleteFrom('content_items').where('id', 'in', postIds).execute());
    out.posts += n(await trx.deleteFrom('galleries').where('is_demo', '=', 1).execute());
    out.posts += n(await trx.deleteFrom('public_documents').where('is_demo', '=', 1).execute());
    await trx.deleteFrom('help_requests').where('requested_by', 'in', userIds).execute();

    // Photos: demo ones and demo accounts' uploads, unless a remaining post or gallery shows them.
    const kept = new Set<string>();
    for (const r of await trx.selectFrom('content_items').select('cover_media_id').where('cover_media_id', 'is not', null).execute()) kept.add(r.cover_media_id!);
    for (const r of await trx.selectFrom('gallery_photos').select('media_id').where('media_id', 'is not', null).execute()) kept.add(r.media_id!);
    const photos = (await trx.selectFrom('media').select(['id', 'variants']).where((eb) => eb.or([eb('is_demo', '=', 1), eb('created_by', 'in', userIds)])).execute()).filter((m) => !kept.has(m.id));
    for (const m of photos) for (const v of JSON.parse(m.variants) as { key: string }[]) freedKeys.add(v.key);
    out.photos = n(await trx.deleteFrom('media').where('id', 'in', inList(photos.map((m) => m.id))).execute());

    // Profile sections the demo wrote and no real account has edited since.
    out.history += n(
      await trx.deleteFrom('profile_sections').where('is_demo', '=', 1).where((eb) => eb.or([eb('updated_by', 'is', null), eb('updated_by', 'in', userIds)])).execute(),
    );
    // Simulated monitoring history (the seeder's twelve weeks) and demo accounts' disputes.
    for (const table of SEEDED_TABLES) {
      if (table === 'profile_sections' || table === 'media') continue;
      out.history += n(await trx.deleteFrom(table).where('is_demo', '=', 1).execute());
    }
    out.history += n(await trx.deleteFrom('compliance_disputes').where('submitted_by', 'in', userIds).execute());

    // Accounts last: sessions, unit assignments, notifications and reminder history go with them.
    await trx.deleteFrom('login_throttle').where('username', 'in', inList(demoUsers.map((u) => u.username))).execute();
    out.accounts = n(await trx.deleteFrom('users').where('id', 'in', userIds).execute());

    // Content-addressed files: only those no remaining row points at.
    if (freedKeys.size) {
      const stillUsed = new Set<string>();
      for (const r of await trx.selectFrom('media').select('variants').execute()) for (const v of JSON.parse(r.variants) as { key: string }[]) stillUsed.add(v.key);
      for (const key of freedKeys) if (!stillUsed.has(key) && isMediaKey(key)) files.push(key);
    }
    out.files = files.length;
    if (opts.dryRun) throw new DryRun();
    await recordAudit(trx, clock, { actorUserId: null, action: 'demo.remove', detail: { ...out } });
  }).catch((error) => {
    if (!(error instanceof DryRun)) throw error;
  });
  // The media store (folder or bucket) removes idempotently: a second run finds nothing to do.
  if (!opts.dryRun) for (const key of files) await store.remove(key);
  return out;
}
