import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentKind } from '../../db/schema/site.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type ContentRow, contentRepository } from './content-repository.js';

/** One public item by its unit, kind and slug; drafts, archived and future items are `not_found`. */
export async function getPublicContent(
  db: Kysely<DB>,
  q: { unitId: string; kind: ContentKind; slug: string; now: Date },
): Promise<Result<ContentRow, 'not_found'>> {
  const row = await contentRepository.getPublic(db, q.unitId, q.kind, q.slug, q.now.toISOString());
  return row ? ok(row) : err('not_found');
}
