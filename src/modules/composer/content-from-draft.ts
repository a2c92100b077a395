import { getMedia, pickVariant } from '../media/index.js';
import type { ComposerDeps } from './deps.js';
import type { Draft } from './draft-repo.js';
import { bodyToHtml, bodyToPlain } from './body-format.js';
import { templateInfo } from './templates.js';

export interface UnitInfo {
  id: string;
  slug: string;
  name: string;
}

/**
 * The website copy of a draft, as the content module's saveContent input: the first photo is
 * the cover, further photos follow the text, and a post without photos gets its image card as
 * cover (so og:image and Instagram have a picture). Pure apart from reading the unit's media.
 */
export async function contentFromDraft(
  deps: Pick<ComposerDeps, 'db' | 'clock' | 'makeCard' | 'siteBaseOf'>,
  args: { draft: Draft; unit: UnitInfo; userId: string | null; authorName?: string; status: 'published' | 'scheduled'; publishAt: string | null },
) {
  const { draft } = args;
  let html = bodyToHtml(draft.body);
  const extra: string[] = [];
  for (const ph of draft.photos.slice(1)) {
    const m = await getMedia(deps.db, args.unit.id, ph.mediaId);
    if (!m.ok) continue;
    const v = pickVariant(m.value, { format: 'jpeg', minWidth: 960 });
    if (v) extra.push(`<p><img src="/media/${v.key}" alt="${escAttr(ph.alt || m.value.alt)}" width="${v.width}" height="${v.height}"></p>`);
  }
  if (extra.length) html = `${html}\n${extra.join('\n')}`;

  let coverMediaId = draft.photos[0]?.mediaId ?? '';
  let coverAlt = draft.photos[0]?.alt ?? '';
  if (!coverMediaId && deps.makeCard) {
    const base = deps.siteBaseOf(args.unit.slug).replace(/^https?:\/\//, '');
    const id = await deps.makeCard({
      unitId: args.unit.id,
      unitName: args.unit.name,
      userId: args.userId,
      template: draft.template,
      title: draft.title,
      text: bodyToPlain(draft.body).slice(0, 300),
      date: args.publishAt ? new Date(args.publishAt) : deps.clock.now(),
      siteLabel: base,
    });
    if (id) {
      coverMediaId = id;
      coverAlt = draft.title;
    }
  }
  return {
    kind: templateInfo(draft.template).contentKind,
    title: draft.title.trim(),
    body: html,
    bodyFormat: 'html' as const,
    coverMediaId,
    coverAlt,
    authorName: args.authorName ?? '',
    status: args.status,
    publishAt: args.publishAt ?? '',
  };
}

const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
