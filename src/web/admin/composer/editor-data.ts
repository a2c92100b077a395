import type { Context } from 'hono';
import { listUnitChannels } from '../../../modules/channels/index.js';
import {
  type Draft,
  approvalRequired,
  buildPreviews,
  chosenChannels,
  discardRefusal,
  lastEditorName,
  listVersions,
  submitterOf,
  listComments,
  templateInfo,
  writerPowers,
} from '../../../modules/composer/index.js';
import { contentRepository } from '../../../modules/content/index.js';
import { getMedia, pickVariant, type MediaItem } from '../../../modules/media/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { unitCanonicalBase } from '../../site/urls.js';
import { slugify } from '../../../shared/slug.js';
import type { EditorPhoto, EditorProps } from './editor-view.js';
import { newEditorSession } from './clash.js';
import { tiktokPrivacyChoice } from '../../../modules/publishing/index.js';

export function thumbOf(item: MediaItem) {
  const v = pickVariant(item, { format: 'webp', minWidth: 320 }) ?? pickVariant(item, { format: 'jpeg', minWidth: 320 });
  return v ? `/media/${v.key}` : null;
}

/** Everything the editor page shows, read fresh from the saved draft. */
export async function editorProps(deps: AppDeps, c: Context<AppEnv>, draft: Draft, extra: Partial<EditorProps> = {}): Promise<EditorProps> {
  const actor = c.get('actor')!;
  const unit = c.get('unit');
  const channels = await listUnitChannels(deps.db, unit.id);
  const { chosen } = await chosenChannels(deps.db, draft);
  const photos: EditorPhoto[] = [];
  let first: MediaItem | null = null;
  for (const ph of draft.photos) {
    const m = await getMedia(deps.db, unit.id, ph.mediaId);
    if (!m.ok) continue;
    first ??= m.value;
    photos.push({ mediaId: ph.mediaId, alt: ph.alt, thumb: thumbOf(m.value), width: m.value.width, height: m.value.height });
  }
  const link = await postLink(deps, unit.slug, draft);
  const powers = writerPowers(actor, unit, await approvalRequired(deps.db, unit.id));
  const comments = await listComments(deps.db, unit.id, draft.id);
  return {
    // TikTok's own answer for this account: only the privacy levels it allows are offered.
    tiktok: await tiktokPrivacyChoice(deps.services.publishing, channels),
    editorSession: newEditorSession(),
    updatedByName: await lastEditorName(deps.db, draft),
    versions: await listVersions(deps.db, unit.id, draft.id),
    actor,
    unit,
    csrf: c.get('csrfToken'),
    draft,
    powers,
    channels,
    photos,
    previews: buildPreviews({ draft, chosen, firstPhoto: first, link }),
    comments,
    canDiscard: discardRefusal(draft, actor.id, powers.canEdit, submitterOf(comments)) === null,
    errors: [],
    now: deps.clock.now(),
    ...extra,
  };
}

/** The post's address on the website (a placeholder address until it has one). */
export async function postLink(deps: AppDeps, slug: string, draft: Draft): Promise<string> {
  const kind = templateInfo(draft.template).contentKind;
  const base = unitCanonicalBase(deps.config, slug);
  if (draft.contentId) {
    const item = await contentRepository.byId(deps.db, draft.unitId, draft.contentId);
    if (item) return `${base}/${item.kind}/${item.slug}`;
  }
  // Not published yet: the address it will most likely get (the title as slug).
  return `${base}/${kind}/${slugify(draft.title) || '…'}`;
}
