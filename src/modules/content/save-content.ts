import type { Kysely } from 'kysely';
import * as z from 'zod';
import { searchTextOf } from '../../db/search.js';
import type { DB } from '../../db/schema/index.js';
import { isRealDateText } from '../../shared/calendar.js';
import { fromWibLocal } from '../../shared/wib-time.js';
import type { Clock } from '../../shared/clock.js';
import { type FieldProblem, problemsOf } from '../../shared/field-problems.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { slugify, uniqueSlug } from '../../shared/slug.js';
import { mayPublish } from '../accounts/index.js';
import { getMedia } from '../media/index.js';
import { type ContentRow, contentRepository } from './content-repository.js';
import { PUBLIC_STATUSES } from './visibility.js';
import { excerpt, htmlToText, sanitizeHtml, textToHtml } from './sanitize-html.js';

// Create or edit a berita, pengumuman, agenda item or static page. Body HTML is sanitised here
// (and again when rendered). Times from a form's datetime-local field carry no zone; staff
// think in WIB, so such values are read as Asia/Jakarta (UTC+7, no daylight saving).

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

const localOrIso = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    // 2026-02-30 is refused, not rolled into 2 March.
    const d = LOCAL_TIME.test(v) ? fromWibLocal(v) : isRealDateText(v) ? new Date(v) : null;
    if (!d || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'invalid_date' });
      return z.NEVER;
    }
    return d.toISOString();
  });

export const contentInputSchema = z
  .object({
    kind: z.enum(['berita', 'pengumuman', 'agenda', 'halaman']),
    title: z.string().trim().min(3).max(200),
    slug: z.string().trim().max(80).optional().default(''),
    summary: z.string().trim().max(300).optional().default(''),
    body: z.string().max(200_000).optional().default(''),
    bodyFormat: z.enum(['html', 'text']).optional().default('html'),
    coverMediaId: z.string().trim().max(40).optional().default(''),
    coverAlt: z.string().trim().max(200).optional().default(''),
    authorName: z.string().trim().max(120).optional().default(''),
    status: z.enum(['draft', 'scheduled', 'published', 'archived']),
    publishAt: localOrIso.optional().default(''),
    eventStart: localOrIso.optional().default(''),
    eventEnd: localOrIso.optional().default(''),
    eventPlace: z.string().trim().max(200).optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'agenda') {
      if (!v.eventStart) ctx.addIssue({ code: 'custom', path: ['eventStart'], message: 'required' });
      if (!v.eventPlace) ctx.addIssue({ code: 'custom', path: ['eventPlace'], message: 'required' });
      if (v.eventStart && v.eventEnd && v.eventEnd < v.eventStart)
        ctx.addIssue({ code: 'custom', path: ['eventEnd'], message: 'end_before_start' });
    }
    if (v.status === 'scheduled' && !v.publishAt) ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'required' });
  });
export type ContentInput = z.input<typeof contentInputSchema>;

export type SaveContentError = 'invalid_input' | 'not_found' | 'forbidden';
export type SaveContentResult = Result<ContentRow, SaveContentError> & { problems?: FieldProblem[] };

export interface SaveContentDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Called after a change that may alter public pages (the site's page cache listens). */
  onPublicChange?: (unitId: string) => void;
}

export async function saveContent(
  deps: SaveContentDeps,
  /** actorId: the person saving; null only for no person at all (the demo seeder, fixtures). */
  args: { unitId: string; id?: string; actorId: string | null; input: ContentInput; isDemo?: boolean },
): Promise<SaveContentResult> {
  const parsed = contentInputSchema.safeParse(args.input);
  if (!parsed.success) {
    return { ...err('invalid_input'), problems: problemsOf(parsed.error.issues) };
  }
  const v = parsed.data;
  // A cover is a photo of this unit's own library: another unit's media id is refused.
  if (v.coverMediaId && !(await getMedia(deps.db, args.unitId, v.coverMediaId)).ok) {
    return { ...err('invalid_input'), problems: [{ path: 'coverMediaId', code: 'not_found' }] };
  }
  const now = deps.clock.now().toISOString();
  const existing = args.id ? await contentRepository.byId(deps.db, args.unitId, args.id) : undefined;
  if (args.id && !existing) return err('not_found');

  const bodyHtml = sanitizeHtml(v.bodyFormat === 'text' ? textToHtml(v.body) : v.body);
  const bodyText = htmlToText(bodyHtml);
  const summary = v.summary || excerpt(bodyText, 200);

  // "Terbitkan" without a time means now; a scheduled time already past is simply published.
  let status = v.status;
  let publishAt = v.publishAt ?? existing?.publish_at ?? null;
  if (status === 'published' && !v.publishAt) publishAt = existing?.status === 'published' && existing.publish_at ? existing.publish_at : now;
  if (status === 'scheduled' && publishAt && publishAt <= now) status = 'published';
  // Published or scheduled (public by itself at its time) is making public: the one policy
  // decides, whichever screen sent it — also for an edit of something already public.
  if (PUBLIC_STATUSES.includes(status) && args.actorId !== null && !(await mayPublish(deps.db, args.actorId, args.unitId))) {
    return { ...err('forbidden'), problems: [{ path: 'status', code: 'approval' }] };
  }

  let slug = existing?.slug ?? '';
  if (!existing || (v.slug && slugify(v.slug) !== existing.slug)) {
    const taken = await contentRepository.slugsOf(deps.db, args.unitId, v.kind);
    if (existing) taken.delete(existing.slug);
    slug = uniqueSlug([v.slug || v.title, `${v.title} ${now.slice(0, 10)}`], taken);
  }

  const row = {
    kind: v.kind,
    slug,
    title: v.title,
    summary,
    body_html: bodyHtml,
    cover_media_id: v.coverMediaId || null,
    cover_alt: v.coverAlt,
    author_name: v.authorName,
    status,
    publish_at: publishAt,
    event_start: v.kind === 'agenda' ? v.eventStart : null,
    event_end: v.kind === 'agenda' ? v.eventEnd || null : null,
    event_place: v.kind === 'agenda' ? v.eventPlace : null,
    search_text: searchTextOf(v.title, summary, bodyText, v.eventPlace),
    updated_at: now,
  };

  let id = args.id;
  if (existing) {
    await contentRepository.update(deps.db, args.unitId, existing.id, row);
  } else {
    id = newId(deps.clock.now().getTime());
    await contentRepository.insert(deps.db, {
      ...row,
      id,
      unit_id: args.unitId,
      created_by: args.actorId,
      is_demo: args.isDemo ? 1 : 0,
      created_at: now,
    });
  }
  deps.onPublicChange?.(args.unitId);
  const saved = await contentRepository.byId(deps.db, args.unitId, id!);
  return ok(saved!);
}
