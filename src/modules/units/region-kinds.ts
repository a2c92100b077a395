import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

export interface RegionKinds {
  /** The root unit: a kota or a kabupaten (a kota when the region is not imported yet). */
  region: 'kota' | 'kabupaten';
  /** The kind most of its villages are: a kabupaten is mostly desa, with a few kelurahan. */
  villages: 'kelurahan' | 'desa';
}

/** What the region and most of its villages are called — the words pages speak in (issue 14). */
export async function regionKinds(db: Kysely<DB>, region: string): Promise<RegionKinds> {
  const rows = await db
    .selectFrom('units')
    .select(['kind', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .where('region_code', '=', region)
    .where('kind', 'in', ['kota', 'kabupaten', 'kelurahan', 'desa'])
    .groupBy('kind')
    .execute();
  const n = (k: string) => Number(rows.find((r) => r.kind === k)?.n ?? 0);
  return { region: n('kabupaten') > 0 ? 'kabupaten' : 'kota', villages: n('desa') > n('kelurahan') ? 'desa' : 'kelurahan' };
}
