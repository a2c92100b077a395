import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import type { DB, Role } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { slugify } from '../../shared/slug.js';
import { accountRepository } from './account-repository.js';
import { hashPassword } from './password.js';

export const DEMO_PASSWORD = 'beranda-demo';

export interface DemoLogin {
  username: string;
  role: Role;
  note: string;
}

/**
 * Demo logins, only ever created in demo mode: one per role plus an operator for every
 * kelurahan/desa. Idempotent: existing usernames are left alone.
 */
export async function ensureDemoUsers(db: Kysely<DB>, clock: Clock, region: string): Promise<DemoLogin[]> {
  const units = await unitRepository.ofRegion(db, region, { orderBy: 'code' });
  const villages = units.filter((u) => u.kind === 'kelurahan' || u.kind === 'desa');
  const kecamatan = units.filter((u) => u.kind === 'kecamatan');
  const firstKec = kecamatan.find((k) => k.name === 'Bukit Intan') ?? kecamatan[0];
  const lurahUnit = villages.find((v) => v.slug === 'bacang') ?? villages[0];
  const pendampingUnits = villages.filter((v) => v.parent_id === firstKec?.id).slice(0, 6);

  const wanted: { username: string; name: string; role: Role; unitIds: string[]; note: string }[] = [
    { username: 'admin', name: 'Admin Diskominfo', role: 'admin_kota', unitIds: [], note: 'Admin kota (Diskominfo): semua unit, pengguna, pengaturan' },
    { username: 'walikota', name: 'Wali Kota', role: 'pimpinan', unitIds: [], note: 'Pimpinan: dasbor seluruh kota, hanya baca' },
  ];
  if (firstKec) {
    wanted.push({ username: `camat.${slugify(firstKec.name)}`, name: `Camat ${firstKec.name}`, role: 'camat', unitIds: [firstKec.id], note: `Camat: kelurahan/desa di Kecamatan ${firstKec.name}, hanya baca` });
  }
  if (pendampingUnits.length) {
    wanted.push({ username: 'pendamping', name: 'Pendamping Diskominfo', role: 'pendamping', unitIds: pendampingUnits.map((u) => u.id), note: `Pendamping: ${pendampingUnits.map((u) => u.name).join(', ')}` });
  }
  if (lurahUnit) {
    // In a kabupaten the head of a desa is a kepala desa; the role (and its rights) is the same.
    const head = lurahUnit.kind === 'desa' ? 'Kepala Desa' : 'Lurah';
    wanted.push({ username: `lurah.${lurahUnit.slug}`, name: `${head} ${lurahUnit.name}`, role: 'lurah', unitIds: [lurahUnit.id], note: `${head} ${lurahUnit.name}` });
  }
  for (const v of villages) {
    wanted.push({ username: `operator.${v.slug}`, name: `Operator ${v.name}`, role: 'operator', unitIds: [v.id], note: `Operator ${v.name}` });
  }

  // One hash for all demo users: they share the demo password and argon2 is deliberately slow.
  let hash: string | undefined;
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const w of wanted) {
      if (await accountRepository.userByUsername(trx, w.username)) continue;
      hash ??= await hashPassword(DEMO_PASSWORD);
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id, username: w.username, display_name: w.name, password_hash: hash, role: w.role, region_code: region,
          email: null, phone: null, status: 'active', must_change_password: 0,
          is_demo: 1, created_at: now, updated_at: now, last_login_at: null,
        })
        .execute();
      await accountRepository.setUnits(trx, id, w.unitIds);
    }
  });
  return wanted.map(({ username, role, note }) => ({ username, role, note }));
}

/** Demo accounts still present: with demo off, the admin home warns until `demo remove` ran. */
export async function countDemoAccounts(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('is_demo', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}
