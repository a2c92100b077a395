import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { uniqueSlug } from '../../shared/slug.js';
import { mayPublish } from '../accounts/index.js';
import { type GalleryRow, type PhotoRow, contentRepository } from './content-repository.js';

// Galleries (albums) are a separate use case file from posts because they carry many photos and
// no body; the rules for visibility are the same.

export interface GalleryWithPhotos extends GalleryRow {
  photos: PhotoRow[];
}

export async function listPublicGalleries(db: Kysely<DB>, q: { unitId: string; now: Date }): Promise<GalleryWithPhotos[]> {
  const galleries = await contentRepository.listPublicGalleries(db, q.unitId, q.now.toISOString());
  const photos = await contentRepository.photosOf(db, q.unitId, galleries.map((g) => g.id));
  return galleries.map((g) => ({ ...g, photos: photos.filter((p) => p.gallery_id === g.id) }));
}

export async function getPublicGallery(
  db: Kysely<DB>,
  q: { unitId: string; slug: string; now: Date },
): Promise<Result<GalleryWithPhotos, 'not_found'>> {
  const g = await contentRepository.getPublicGallery(db, q.unitId, q.slug, q.now.toISOString());
  if (!g) return err('not_found');
  return ok({ ...g, photos: await contentRepository.photosOf(db, q.unitId, [g.id]) });
}

export const galleryInputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).optional().default(''),
  status: z.enum(['draft', 'published']),
  photos: z
    .array(z.object({ mediaId: z.string().trim().min(1).max(40), alt: z.string().trim().max(200).default(''), caption: z.string().trim().max(300).default('') }))
    .max(100)
    .default([]),
});

export type GalleryInput = z.input<typeof galleryInputSchema>;

/**
 * The Galeri page's "Album baru" form as the web edge reads it (issue 19 point 2): the title and
 * description bounded as an album's, "Tampilkan di situs" ticked ('1'). The photos are files,
 * taken beside it and checked by the media pipeline.
 */
export const galleryFormSchema = galleryInputSchema.pick({ title: true }).extend({
  description: z.string().trim().max(2000),
  publish: z.string().transform((v) => v === '1'),
});

export async function createGallery(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  /** actorId: the person adding it; null only for no person (the demo seeder, fixtures). */
  args: { unitId: string; actorId: string | null; input: GalleryInput; isDemo?: boolean },
): Promise<Result<GalleryRow, 'invalid_input' | 'forbidden'>> {
  const parsed = galleryInputSchema.safeParse(args.input);
  if (!parsed.success) return err('invalid_input');
  const v = parsed.data;
  // An album shown on the site is making public, like a post or a document: the one publishing
  // policy decides (an operator of a unit with the Lurah's approval switched on may not).
  if (v.status === 'published' && args.actorId !== null && !(await mayPublish(deps.db, args.actorId, args.unitId))) return err('forbidden');
  const now = deps.clock.now().toISOString();
  const taken = new Set((await contentRepository.listGalleriesForStaff(deps.db, args.unitId)).map((g) => g.slug));
  const row = {
    id: newId(deps.clock.now().getTime()),
    unit_id: args.unitId,
    slug: uniqueSlug([v.title], taken),
    title: v.title,
    description: v.description,
    status: v.status,
    publish_at: v.status === 'published' ? now : null,
    is_demo: args.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  } as const;
  await contentRepository.insertGallery(deps.db, row);
  let position = 0;
  for (const p of v.photos) {
    await contentRepository.insertPhoto(deps.db, {
      id: newId(),
      gallery_id: row.id,
      unit_id: args.unitId,
      media_id: p.mediaId,
      alt: p.alt,
      caption: p.caption,
      position: position++,
      created_at: now,
    });
  }
  deps.onPublicChange?.(args.unitId);
  return ok(row);
}

/**
 * A draft album shown on the site — what the Lurah does with an album an operator saved while the
 * Lurah's approval is on (or one saved unpublished by choice). The one publishing policy decides.
 */
export async function publishGallery(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { unitId: string; actorId: string; galleryId: string },
): Promise<Result<{ id: string }, 'forbidden' | 'not_found'>> {
  if (!(await mayPublish(deps.db, args.actorId, args.unitId))) return err('forbidden');
  const changed = await contentRepository.publishDraftGallery(deps.db, args.unitId, args.galleryId, deps.clock.now().toISOString());
  return changed === 1 ? ok({ id: args.galleryId }) : err('not_found');
}
