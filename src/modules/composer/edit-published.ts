import { type Actor, recordAudit } from '../accounts/index.js';
import { contentRepository, saveContent } from '../content/index.js';
import type { UnitRow } from '../units/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { approvalRequired, writerPowers } from './approval-policy.js';
import { contentFromDraft } from './content-from-draft.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, type DraftPhoto, draftRepo } from './draft-repo.js';
import { type ReadinessProblem, deliveryTargets, readiness } from './go-live.js';
import { askPostChanges, refreshUnsentDeliveries } from '../publishing/index.js';
import { MAX_BODY, MAX_PHOTOS, MAX_TITLE } from './save-draft.js';
import { getMedia } from '../media/index.js';
import { MAX_ALT } from './after-publish-forms.js';

// "Ubah kabar yang sudah terbit" (#14 point 3): a typo in a published post is fixed on the
// website copy — title, text, photos kept or taken out, their alt texts. It changes what the
// public sees, so it asks the one publishing policy (those who may publish; a pendamping or an
// operator under approval cannot change a public post by the back door). The address (slug)
// stays, because links already shared on WhatsApp and social media point at it. Copies not sent
// yet go out with the correction; copies already out get the new text where the platform's API
// allows it (Facebook: the caption built the same way, sent by the job "publishing.run-changes");
// elsewhere the page says what can be changed there by hand.

export type EditPublishedError = 'not_found' | 'forbidden' | 'not_published' | 'changed' | 'not_ready' | 'too_long' | 'too_many_photos' | 'content_rejected';

export interface PublishedEdit {
  title: string;
  body: string;
  /**
   * The photos, in order, with their (possibly corrected) alt texts: those the post had and
   * kept, and new ones uploaded through the media pipeline — only photos in this unit's library.
   */
  photos: DraftPhoto[];
  /** The revision the person saw: an edit made meanwhile by someone else is not overwritten. */
  revision: number;
}

export async function editPublished(
  deps: ComposerDeps,
  args: { actor: Actor; unit: UnitRow; draftId: string; edit: PublishedEdit; ip?: string | null },
): Promise<Result<Draft, EditPublishedError> & { problems?: ReadinessProblem[]; socialUpdates?: string[] }> {
  const powers = writerPowers(args.actor, args.unit, await approvalRequired(deps.db, args.unit.id));
  if (!powers.canEdit) return err('forbidden');
  const draft = await draftRepo.byId(deps.db, args.unit.id, args.draftId);
  if (!draft) return err('not_found');
  if (!powers.canPublish) return err('forbidden');
  if (draft.status !== 'published' || !draft.contentId) return err('not_published');
  if (args.edit.revision !== draft.revision) return err('changed');
  const { title, body } = args.edit;
  if (title.length > MAX_TITLE || body.length > MAX_BODY) return err('too_long');
  // Photos the post had, and new ones from this unit's library (an id of another unit's photo,
  // or of none, adds nothing); each once, at most as many as a post may carry.
  const had = new Map(draft.photos.map((p) => [p.mediaId, p]));
  const photos: DraftPhoto[] = [];
  for (const p of args.edit.photos) {
    if (photos.some((x) => x.mediaId === p.mediaId)) continue;
    if (!had.has(p.mediaId) && !(await getMedia(deps.db, args.unit.id, p.mediaId)).ok) continue;
    photos.push({ mediaId: p.mediaId, alt: p.alt.trim().slice(0, MAX_ALT) });
  }
  if (photos.length > MAX_PHOTOS) return err('too_many_photos');
  const edited: Draft = { ...draft, title, body, photos };
  // The same bar as publishing: a title, some text or a photo, no template brackets left.
  const problems = readiness(edited);
  if (problems.length) return { ...err('not_ready'), problems };

  const existing = await contentRepository.byId(deps.db, args.unit.id, draft.contentId);
  if (!existing) return err('not_found');
  const nowIso = iso(deps.clock.now());
  const input = await contentFromDraft(deps, { draft: edited, unit: args.unit, userId: args.actor.id, authorName: existing.author_name, status: 'published', publishAt: existing.publish_at });
  // Without photos the cover is the post's image card: kept when no new one was made (tests run
  // without font rendering), but never a photo the person has just taken out.
  if (!input.coverMediaId && existing.cover_media_id && !had.has(existing.cover_media_id)) {
    input.coverMediaId = existing.cover_media_id;
    input.coverAlt = existing.cover_alt;
  }
  let refreshed = 0;
  let socialUpdates: string[] = [];
  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      // Compare-and-set on the revision: two people fixing the same post do not overwrite each other.
      const claimed = await draftRepo.update(
        trx,
        args.unit.id,
        draft.id,
        { title, body, photos: JSON.stringify(photos), revision: draft.revision + 1, updated_at: nowIso, updated_by: args.actor.id },
        ['published'],
        draft.revision,
      );
      if (!claimed) return 'changed' as const;
      const saved = await saveContent({ db: trx, clock: deps.clock }, { unitId: args.unit.id, id: draft.contentId!, actorId: args.actor.id, input });
      if (!saved.ok) throw new Rejected();
      // Copies not sent yet go out corrected; those already out are the platforms' (see above).
      const targets = await deliveryTargets(deps, trx, { ...edited, contentId: saved.value.id }, args.unit, saved.value.slug, saved.value.cover_media_id);
      refreshed = await refreshUnsentDeliveries({ db: trx, clock: deps.clock }, { unitId: args.unit.id, postId: saved.value.id, targets });
      // Stored with the edit itself: the new text for the copies already out (where possible).
      const captions = new Map(targets.map((x) => [x.channelId, x.variant.caption]));
      socialUpdates = await askPostChanges({ db: trx, clock: deps.clock }, { unitId: args.unit.id, postId: saved.value.id, kind: 'edit', captions, requestedBy: args.actor.id });
      await recordAudit(trx, deps.clock, {
        actorUserId: args.actor.id,
        action: 'composer.published.edit',
        unitId: args.unit.id,
        target: title.trim().slice(0, 200),
        ip: args.ip ?? null,
        detail: { draftId: draft.id, contentId: draft.contentId, titleBefore: draft.title === title ? undefined : draft.title.slice(0, 200), photosBefore: draft.photos.length, photosAfter: photos.length, photosAdded: photos.filter((p) => !had.has(p.mediaId)).length, unsentRefreshed: refreshed, socialUpdates },
      });
      return 'ok' as const;
    })
    .catch((e) => {
      if (e instanceof Rejected) return 'content_rejected' as const;
      throw e;
    });
  if (outcome !== 'ok') return err(outcome);
  deps.onPublicChange?.(args.unit.id);
  return { ...ok((await draftRepo.byId(deps.db, args.unit.id, draft.id))!), socialUpdates };
}

class Rejected extends Error {}
