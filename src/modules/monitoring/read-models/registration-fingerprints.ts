import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';

// Read model. Joins units (units) and profile_sections (profile) to web_presences: a cheap
// fingerprint per regency of what its monitoring registration is derived from, so the worker's
// start and every sweep skip the regencies in which nothing changed (sync-registrations.ts,
// decision 0017). One GROUP BY per table over every regency (or one regency), never a row per unit:
//   - its units: how many, and the latest updated_at (an OPD added, a unit's links changed);
//   - their identitas profile sections: how many, the latest updated_at (social handles listed);
//   - its registrations: how many, how many active, the latest updated_at (an entry added,
//     stopped, deleted or switched off by anyone else).
// Active entries whose unit no longer exists are counted apart (`orphans`).

export interface RegistrationFingerprints {
  /** Per regency: its units and their identitas profiles (what the sync reads). */
  inputs: Map<string, string>;
  /** Per regency: its registrations (what the sync writes). */
  presences: Map<string, string>;
  /** Active entries of units that no longer exist. */
  orphans: number;
}

const stamp = (n: unknown, at: unknown) => `${Number(n)}@${at ?? '-'}`;

export async function registrationFingerprints(db: Kysely<DB>, region?: string): Promise<RegistrationFingerprints> {
  let units = db
    .selectFrom('units')
    .select((eb) => ['units.region_code', eb.fn.countAll<number | string>().as('n'), eb.fn.max('units.updated_at').as('at')])
    .groupBy('units.region_code');
  let profiles = db
    .selectFrom('profile_sections')
    .innerJoin('units', 'units.id', 'profile_sections.unit_id')
    .select((eb) => ['units.region_code', eb.fn.countAll<number | string>().as('n'), eb.fn.max('profile_sections.updated_at').as('at')])
    .where('profile_sections.section', '=', 'identitas')
    .groupBy('units.region_code');
  if (region !== undefined) {
    units = units.where('units.region_code', '=', region);
    profiles = profiles.where('units.region_code', '=', region);
  }
  const [u, p, w] = await Promise.all([units.execute(), profiles.execute(), presenceRows(db, region)]);
  const profileOf = new Map(p.map((r) => [r.region_code, stamp(r.n, r.at)]));
  const inputs = new Map(u.map((r) => [r.region_code, `u${stamp(r.n, r.at)} p${profileOf.get(r.region_code) ?? '0@-'}`]));
  const orphans = w.filter((r) => r.region_code === null).reduce((n, r) => n + Number(r.active ?? 0), 0);
  return { inputs, presences: presenceMap(w), orphans };
}

/** One regency's registrations part alone, read again after its sync wrote them. */
export async function presenceFingerprint(db: Kysely<DB>, region: string): Promise<string | undefined> {
  return presenceMap(await presenceRows(db, region)).get(region);
}

function presenceRows(db: Kysely<DB>, region?: string) {
  let q = db
    .selectFrom('web_presences')
    .leftJoin('units', 'units.id', 'web_presences.unit_id')
    .select((eb) => [
      'units.region_code',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>('web_presences.active').as('active'),
      eb.fn.max('web_presences.updated_at').as('at'),
    ])
    .groupBy('units.region_code');
  if (region !== undefined) q = q.where('units.region_code', '=', region);
  return q.execute();
}

type PresenceRow = Awaited<ReturnType<typeof presenceRows>>[number];
const presenceMap = (rows: PresenceRow[]) =>
  new Map(rows.flatMap((r) => (r.region_code === null ? [] : [[r.region_code, `w${stamp(r.n, r.at)}/${Number(r.active ?? 0)}`] as const])));
