import type { Kysely } from 'kysely';
import type { DB, Role } from '../../../src/db/schema/index.js';

// Minimal rows in the foundation's units/users tables for reminder database tests.
const AT = '2026-11-01T00:00:00.000Z';

export async function seedCity(db: Kysely<DB>): Promise<void> {
  const unit = (id: string, kind: DB['units']['kind'], name: string, parent: string | null) => ({
    id, code: null, kind, name, slug: id, parent_id: parent, region_code: '19.71', settings: '{}', is_demo: 0, created_at: AT, updated_at: AT,
  });
  await db.insertInto('units').values([
    unit('kota', 'kota', 'Kota Pangkalpinang', null),
    unit('kec-bukit-intan', 'kecamatan', 'Bukit Intan', 'kota'),
    unit('kec-taman-sari', 'kecamatan', 'Taman Sari', 'kota'),
    unit('bacang', 'kelurahan', 'Bacang', 'kec-bukit-intan'),
    unit('sinar-bulan', 'kelurahan', 'Sinar Bulan', 'kec-bukit-intan'),
    unit('kejaksaan', 'kelurahan', 'Kejaksaan', 'kec-taman-sari'),
  ]).execute();
  const user = (id: string, role: Role, name: string, email: string | null, phone: string | null, status: 'active' | 'disabled' = 'active') => ({
    id, username: id, display_name: name, password_hash: 'x', role, region_code: '19.71', email, phone, status,
    must_change_password: 0, is_demo: 0, created_at: AT, updated_at: AT, last_login_at: null,
  });
  await db.insertInto('users').values([
    user('op-bacang', 'operator', 'Sari (operator Bacang)', 'sari@bacang.example', '0812-0000-0001'),
    user('lurah-bacang', 'lurah', 'Pak Lurah Bacang', 'lurah@bacang.example', null),
    user('op-old', 'operator', 'Operator lama', 'lama@bacang.example', null, 'disabled'),
    user('lurah-kejaksaan', 'lurah', 'Lurah Kejaksaan', 'salah@kejaksaan.example', null),
    user('camat-bi', 'camat', 'Camat Bukit Intan', 'camat@bukitintan.example', '081200000009'),
    user('diskominfo', 'admin_kota', 'Admin Diskominfo', 'kominfo@pangkalpinangkota.example', null),
  ]).execute();
  await db.insertInto('user_units').values([
    { user_id: 'op-bacang', unit_id: 'bacang' },
    { user_id: 'lurah-bacang', unit_id: 'bacang' },
    { user_id: 'op-old', unit_id: 'bacang' },
    { user_id: 'lurah-kejaksaan', unit_id: 'kejaksaan' },
    { user_id: 'camat-bi', unit_id: 'kec-bukit-intan' },
    { user_id: 'diskominfo', unit_id: 'kota' },
  ]).execute();
}
