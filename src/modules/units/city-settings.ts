import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';

// City-wide switches kept in the kota/kabupaten unit's settings JSON (for example whether the
// public transparency page is published). Other keys in the JSON are left as they are.

async function cityRow(db: Kysely<DB>, region: string) {
  return db.selectFrom('units').select(['id', 'settings']).where('region_code', '=', region).where('kind', 'in', ['kota', 'kabupaten']).executeTakeFirst();
}

const parse = (s: string): Record<string, unknown> => {
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
};

export async function getCitySetting(db: Kysely<DB>, region: string, key: string): Promise<unknown> {
  const row = await cityRow(db, region);
  return row ? parse(row.settings)[key] : undefined;
}

export async function setCitySetting(db: Kysely<DB>, region: string, key: string, value: unknown, clock: Clock): Promise<boolean> {
  const row = await cityRow(db, region);
  if (!row) return false;
  const settings = { ...parse(row.settings), [key]: value };
  await db.updateTable('units').set({ settings: JSON.stringify(settings), updated_at: clock.now().toISOString() }).where('id', '=', row.id).execute();
  return true;
}
