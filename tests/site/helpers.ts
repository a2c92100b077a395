import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema/index.js';
import { newId } from '../../src/shared/ids.js';

/** Inserts a unit row directly (the units module's importer is tested on its own). */
export async function addUnit(
  db: Kysely<DB>,
  u: { name: string; slug: string; kind?: DB['units']['kind']; parentId?: string | null; code?: string | null },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('units')
    .values({
      id,
      code: u.code ?? null,
      kind: u.kind ?? 'kelurahan',
      name: u.name,
      slug: u.slug,
      parent_id: u.parentId ?? null,
      region_code: '19.71',
      settings: '{}',
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
