import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMultipart } from '../composer/support.js';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// "Staf yang sudah pindah" (/admin/pengguna/nonaktifkan): the ticked ids are read with formLists,
// and deactivateStaff changes the accounts and writes their audit entries in one transaction.

let a: TestApp;
let admin: Session;
const idOf = async (username: string) => (await a.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const statusOf = async (username: string) => (await a.t.db.selectFrom('users').select('status').where('username', '=', username).executeTakeFirstOrThrow()).status;
const audits = async (username: string) => (await a.t.db.selectFrom('audit_log').select('id').where('action', '=', 'user.disable').where('target', '=', username).execute()).length;

beforeAll(async () => {
  a = await createTestApp();
  admin = await a.loginAs('admin');
});
afterAll(async () => a?.close());

describe(`leavers on ${testEngine()}`, () => {
  it('when an audit entry cannot be written, no account of the batch is disabled and no entry is left', async () => {
    // The audit write for operator.bacang fails; operator.asam comes first in the same batch.
    if (testEngine() === 'postgres') {
      await sql`create function no_audit() returns trigger language plpgsql as $$ begin if new.target = 'operator.bacang' then raise exception 'audit refused'; end if; return new; end $$`.execute(a.t.db);
      await sql`create trigger no_audit before insert on audit_log for each row execute function no_audit()`.execute(a.t.db);
    } else {
      await sql`create trigger no_audit before insert on audit_log when new.target = 'operator.bacang' begin select raise(abort, 'audit refused'); end`.execute(a.t.db);
    }
    const res = await admin.post('/admin/pengguna/nonaktifkan', { userIds: [await idOf('operator.asam'), await idOf('operator.bacang')] });
    expect(res.status).toBe(500);
    expect([await statusOf('operator.asam'), await statusOf('operator.bacang')]).toEqual(['active', 'active']);
    expect(await audits('operator.asam')).toBe(0);
    await sql`drop trigger no_audit${sql.raw(testEngine() === 'postgres' ? ' on audit_log' : '')}`.execute(a.t.db);
  });

  it('a file sent among the ticked ids is dropped; the ids sent as text are disabled, each audited', async () => {
    const res = await postMultipart(a, admin, '/admin/pengguna/nonaktifkan', { userIds: [await idOf('operator.asam')] }, { userIds: { bytes: Buffer.from(await idOf('operator.bacang')), name: 'x.txt', type: 'text/plain' } });
    expect(res.headers.get('location')).toBe('/admin/pengguna/nonaktifkan?selesai=1');
    expect([await statusOf('operator.asam'), await statusOf('operator.bacang')]).toEqual(['disabled', 'active']);
    expect(await audits('operator.asam')).toBe(1);
  });
});
