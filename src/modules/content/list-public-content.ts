import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentKind } from '../../db/schema/site.js';
import { type ContentCardRow, type ContentListRow, contentRepository } from './content-repository.js';

export interface ContentPage {
  items: ContentListRow[];
  total: number;
  page: number;
  pages: number;
}

/** A page of public items of one kind (or several) for one unit, several, or all (`unitIds` absent). */
export async function listPublicContent(
  db: Kysely<DB>,
  q: { unitIds?: string[]; kinds: ContentKind[]; now: Date; page?: number; perPage?: number; /** Skip the count when only the first items are shown (beranda). */ count?: boolean },
): Promise<ContentPage> {
  const perPage = Math.min(Math.max(q.perPage ?? 10, 1), 50);
  const now = q.now.toISOString();
  if (q.count === false) {
    const items = await contentRepository.listPublic(db, { unitIds: q.unitIds, kinds: q.kinds, now, limit: perPage });
    return { items, total: items.length, page: 1, pages: 1 };
  }
  const total = await contentRepository.countPublic(db, { unitIds: q.unitIds, kinds: q.kinds, now });
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(Math.floor(q.page ?? 1), 1), pages);
  const items = await contentRepository.listPublic(db, {
    unitIds: q.unitIds,
    kinds: q.kinds,
    now,
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return { items, total, page, pages };
}

/** What a unit's beranda lists: its latest berita and pengumuman and its next agenda, read together. */
export async function listBerandaContent(
  db: Kysely<DB>,
  q: { unitId: string; now: Date; berita: number; pengumuman: number; agenda: number },
): Promise<{ berita: ContentCardRow[]; pengumuman: ContentCardRow[]; agenda: ContentCardRow[] }> {
  const [berita = [], pengumuman = [], agenda = []] = await contentRepository.listPublicSections(db, {
    unitId: q.unitId,
    now: q.now.toISOString(),
    sections: [
      { kind: 'berita', limit: q.berita },
      { kind: 'pengumuman', limit: q.pengumuman },
      { kind: 'agenda', limit: q.agenda, upcoming: true },
    ],
  });
  return { berita, pengumuman, agenda };
}
