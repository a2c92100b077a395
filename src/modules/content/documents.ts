import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { KipCategory } from '../../db/schema/site.js';
import type { Clock } from '../../shared/clock.js';
import { problemsOf } from '../../shared/field-problems.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { mayPublish } from '../accounts/index.js';
import { type DocumentRow, contentRepository } from './content-repository.js';

// Informasi publik in the four categories of UU 14/2008 (KIP). "Dikecualikan" documents are
// listed by title only (the law requires the list to be public, not the documents), so their
// file link is never shown.

export const KIP_CATEGORIES: KipCategory[] = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'];

export async function listPublicDocuments(
  db: Kysely<DB>,
  q: { unitId: string; now: Date },
): Promise<Record<KipCategory, DocumentRow[]>> {
  const rows = await contentRepository.listPublicDocuments(db, q.unitId, q.now.toISOString());
  const out = { berkala: [], serta_merta: [], setiap_saat: [], dikecualikan: [] } as Record<KipCategory, DocumentRow[]>;
  for (const r of rows) {
    if (!out[r.category]) continue;
    out[r.category].push(r.category === 'dikecualikan' ? { ...r, file_url: '' } : r);
  }
  return out;
}

export const documentInputSchema = z.object({
  category: z.enum(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(1000).optional().default(''),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  fileUrl: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u === '' || /^\/media\/[\w./-]+$/.test(u) || /^https:\/\/[^\s"'<>]+$/.test(u), { message: 'url' })
    .optional()
    .default(''),
  status: z.enum(['draft', 'published']),
});
export type DocumentInput = z.input<typeof documentInputSchema>;

export async function createDocument(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  /** actorId: the person adding it; null only for no person (the demo seeder, fixtures). */
  args: { unitId: string; actorId: string | null; input: DocumentInput; isDemo?: boolean },
): Promise<Result<DocumentRow, 'invalid_input' | 'forbidden'> & { problems?: { path: string; code: string }[] }> {
  const parsed = documentInputSchema.safeParse(args.input);
  if (!parsed.success) {
    return { ...err('invalid_input'), problems: problemsOf(parsed.error.issues) };
  }
  const v = parsed.data;
  if (v.status === 'published' && args.actorId !== null && !(await mayPublish(deps.db, args.actorId, args.unitId))) return err('forbidden');
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(deps.clock.now().getTime()),
    unit_id: args.unitId,
    category: v.category,
    title: v.title,
    description: v.description,
    year: v.year ?? null,
    file_url: v.fileUrl,
    status: v.status,
    publish_at: v.status === 'published' ? now : null,
    is_demo: args.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  } as const;
  await contentRepository.insertDocument(deps.db, row);
  deps.onPublicChange?.(args.unitId);
  return ok(row);
}

export async function setDocumentStatus(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  args: { unitId: string; id: string; status: 'published' | 'archived'; actorId: string | null },
): Promise<Result<true, 'not_found' | 'forbidden'>> {
  if (args.status === 'published' && args.actorId !== null && !(await mayPublish(deps.db, args.actorId, args.unitId))) return err('forbidden');
  const r = await contentRepository.updateDocumentStatus(deps.db, args.unitId, args.id, args.status, deps.clock.now().toISOString());
  if (Number(r.numUpdatedRows) === 0) return err('not_found');
  deps.onPublicChange?.(args.unitId);
  return ok(true);
}
