import type { Kysely, Selectable } from 'kysely';
import type { DB, UnitKind } from '../../db/schema/index.js';

// The units module's only data-access file.
export type UnitRow = Selectable<DB['units']>;

export const unitRepository = {
  byId: (db: Kysely<DB>, id: string) => db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
  bySlug: (db: Kysely<DB>, slug: string) => db.selectFrom('units').selectAll().where('slug', '=', slug).executeTakeFirst(),
  byCode: (db: Kysely<DB>, code: string) => db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst(),
  inRegion: (db: Kysely<DB>, region: string) =>
    db.selectFrom('units').selectAll().where('region_code', '=', region).orderBy('name').execute(),
  allSlugs: async (db: Kysely<DB>) => new Set((await db.selectFrom('units').select('slug').execute()).map((r) => r.slug)),
  /** Several units by id (any region); none for no ids. */
  byIds: async (db: Kysely<DB>, ids: readonly string[]): Promise<UnitRow[]> =>
    ids.length === 0 ? [] : db.selectFrom('units').selectAll().where('id', 'in', [...new Set(ids)]).execute(),
  /** Units of a region, only of some kinds and some ids when asked, in the order asked (name by default). */
  ofRegion: (db: Kysely<DB>, region: string, opts: { kinds?: readonly UnitKind[]; ids?: readonly string[]; orderBy?: 'name' | 'code' | 'id' } = {}): Promise<UnitRow[]> => {
    let q = db.selectFrom('units').selectAll().where('region_code', '=', region);
    if (opts.kinds) q = q.where('kind', 'in', [...opts.kinds]);
    if (opts.ids) q = q.where('id', 'in', opts.ids.length ? [...opts.ids] : ['']);
    return q.orderBy(opts.orderBy ?? 'name').orderBy('id').execute();
  },
  /** The kota/kabupaten unit of a region (owner of city-wide settings; the regency's own name and word). */
  cityOfRegion: async (db: Kysely<DB>, region: string): Promise<UnitRow | undefined> =>
    (await db.selectFrom('units').selectAll().where('region_code', '=', region).where('kind', 'in', ['kota', 'kabupaten']).orderBy('name').orderBy('id').limit(1).execute())[0],
  /** The codes of every imported regency (one kota/kabupaten row each, 514 at most). */
  regencyCodes: async (db: Kysely<DB>): Promise<string[]> =>
    (await db.selectFrom('units').select('region_code').where('kind', 'in', ['kota', 'kabupaten']).execute()).map((r) => r.region_code),
  children: (db: Kysely<DB>, parentId: string) =>
    db.selectFrom('units').selectAll().where('parent_id', '=', parentId).orderBy('name').execute(),
};
