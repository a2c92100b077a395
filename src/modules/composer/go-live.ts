import { saveContent } from '../content/index.js';
import { enqueueDeliveries } from '../publishing/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import type { ComposerDeps } from './deps.js';
import { type Draft, draftRepo } from './draft-repo.js';
import { type UnitInfo, contentFromDraft } from './content-from-draft.js';
import { chosenChannels, variantsFor } from './channel-variants.js';
import { checkDraftCaptions } from './caption-checks.js';
import { templateInfo } from './templates.js';

export type ReadinessProblem = 'title_missing' | 'text_missing' | 'tiktok_privacy_missing' | 'caption_too_long' | 'caption_rules' | 'placeholder_left';

// A template's fill-in marks: "[syarat 1]", "[tulis tempat]". A Markdown link "[teks](https://…)"
// is not one, nor a bracket without a letter ("[1]", "[ ]").
const PLACEHOLDER = /\[([^[\]\n]{1,80})\](?!\()/g;

export interface LeftPlaceholder {
  field: 'title' | 'body' | 'caption';
  /** The mark as it stands in the text, brackets included. */
  text: string;
}

/** Template marks still in the text, in the order they appear (at most one entry per mark). */
export function placeholdersIn(draft: Pick<Draft, 'title' | 'body' | 'captions'>): LeftPlaceholder[] {
  const found: LeftPlaceholder[] = [];
  const scan = (field: LeftPlaceholder['field'], text: string) => {
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (!/\p{L}/u.test(m[1]!)) continue;
      if (!found.some((f) => f.field === field && f.text === m[0])) found.push({ field, text: m[0] });
    }
  };
  scan('title', draft.title);
  scan('body', draft.body);
  for (const c of Object.values(draft.captions)) if (c) scan('caption', c);
  return found;
}

/** What must be there before a post can go out; each code has a plain sentence in the catalogue. */
export function readiness(draft: Draft): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (draft.title.trim().length < 3) problems.push('title_missing');
  if (draft.body.replace(PLACEHOLDER, '').trim().length < 10 && draft.photos.length === 0) problems.push('text_missing');
  if (placeholdersIn(draft).length > 0) problems.push('placeholder_left');
  return problems;
}

export type GoLiveError = 'not_ready' | 'already_published' | 'content_rejected';

/**
 * Puts a draft on the website and, when it goes out now, creates one delivery per chosen channel
 * — the content item, the deliveries and the draft's new status in one transaction, so a crash
 * leaves either all or nothing. A scheduled draft gets its website copy now (status "scheduled",
 * public by itself at its time) and its deliveries when publishDue sees it is due.
 */
export async function goLive(
  deps: ComposerDeps,
  args: { draft: Draft; unit: UnitInfo; userId: string | null; at: 'now' | string; authorName?: string; fromStatuses?: Draft['status'][] },
): Promise<Result<Draft, GoLiveError> & { problems?: ReadinessProblem[] }> {
  const problems = readiness(args.draft);
  // TikTok requires the person to choose who may see the post, with nothing chosen for them.
  const { chosen } = await chosenChannels(deps.db, args.draft);
  if (!args.draft.tiktokPrivacy && chosen.some((c) => c.platform === 'tiktok' && c.state === 'connected')) problems.push('tiktok_privacy_missing');
  // Every documented caption limit of every platform it goes to (publishing-captions decides).
  const captionProblems = checkDraftCaptions(args.draft, chosen).flatMap((c) => c.check.problems);
  if (captionProblems.includes('too_long')) problems.push('caption_too_long');
  if (captionProblems.some((p) => p !== 'too_long')) problems.push('caption_rules');
  if (problems.length) return { ...err('not_ready'), problems };
  if (args.draft.status === 'published') return err('already_published');

  const nowIso = iso(deps.clock.now());
  const scheduled = args.at !== 'now' && args.at > nowIso;
  const publishAt = scheduled ? (args.at as string) : nowIso;
  // Rendering a card and storing media happen before the transaction: they are slow, idempotent
  // (content-addressed) and harmless if the transaction then fails.
  const input = await contentFromDraft(deps, {
    draft: args.draft,
    unit: args.unit,
    userId: args.userId,
    authorName: args.authorName,
    status: scheduled ? 'scheduled' : 'published',
    publishAt,
  });
  const from = args.fromStatuses ?? ['draft', 'returned', 'submitted', 'scheduled'];

  const outcome = await deps.db.transaction().execute(async (trx) => {
    const saved = await saveContent({ db: trx, clock: deps.clock }, { unitId: args.unit.id, id: args.draft.contentId ?? undefined, actorId: args.userId, input });
    if (!saved.ok) return 'content_rejected' as const;
    const claimed = await draftRepo.update(
      trx,
      args.unit.id,
      args.draft.id,
      {
        status: scheduled ? 'scheduled' : 'published',
        publish_at: publishAt,
        content_id: saved.value.id,
        published_at: scheduled ? null : nowIso,
        updated_at: nowIso,
        updated_by: args.userId,
        revision: args.draft.revision + 1,
      },
      from,
    );
    // Someone else published or cancelled it a moment ago: roll back, change nothing.
    if (!claimed) throw new AlreadyHandled();
    if (!scheduled) await deliver(deps, trx, { ...args.draft, contentId: saved.value.id }, args.unit, saved.value.slug, saved.value.cover_media_id);
    return 'ok' as const;
  }).catch((e) => {
    if (e instanceof AlreadyHandled) return 'already_published' as const;
    throw e;
  });
  if (outcome !== 'ok') return err(outcome);
  deps.onPublicChange?.(args.unit.id);
  return ok((await draftRepo.byId(deps.db, args.unit.id, args.draft.id))!);
}

class AlreadyHandled extends Error {}

/** One delivery per chosen channel; the unique (post, channel) key makes a repeat harmless. */
export async function deliver(
  deps: ComposerDeps,
  db: ComposerDeps['db'],
  draft: Draft,
  unit: UnitInfo,
  contentSlug: string,
  coverMediaId: string | null,
): Promise<number> {
  const targets = await deliveryTargets(deps, db, draft, unit, contentSlug, coverMediaId);
  if (targets.length === 0 || !draft.contentId) return 0;
  const r = await enqueueDeliveries({ db, clock: deps.clock }, { unitId: unit.id, postId: draft.contentId, targets });
  if (!r.ok) throw new Error(`deliveries refused for draft ${draft.id}: ${r.error}`);
  return r.value.length;
}


/** What each chosen channel gets: the caption, photos (or the cover card) and the post's link. */
export async function deliveryTargets(
  deps: Pick<ComposerDeps, 'siteBaseOf' | 'mediaBaseUrl'>,
  db: ComposerDeps['db'],
  draft: Draft,
  unit: UnitInfo,
  contentSlug: string,
  coverMediaId: string | null,
) {
  const { chosen } = await chosenChannels(db, draft);
  if (chosen.length === 0) return [];
  const link = `${deps.siteBaseOf(unit.slug)}/${templateInfo(draft.template).contentKind}/${contentSlug}`;
  const imageIds = draft.photos.length ? draft.photos.map((p) => p.mediaId) : coverMediaId ? [coverMediaId] : [];
  return variantsFor(db, { draft, channels: chosen, imageIds, link, mediaBaseUrl: deps.mediaBaseUrl });
}
