import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// A user's status (/admin/pengguna/:id/status: disable, enable, unlock) and a temporary password
// (/admin/pengguna/:id/sandi): setUserStatus and resetPassword write the change and its audit
// entry in one transaction — when the entry cannot be written, nothing changed (issue 19 p2).

let a: TestApp;
let admin: Session;
const row = (username: string) => a.t.db.selectFrom('users').select(['id', 'status', 'password_hash', 'must_change_password']).where('username', '=', username).executeTakeFirstOrThrow();
const sessions = async (username: string) => (await a.t.db.selectFrom('sessions').select('id').where('user_id', '=', (await row(username)).id).execute()).length;
const entries = async (action: string, username: string) => (await a.t.db.selectFrom('audit_log').select('id').where('action', '=', action).where('target', '=', username).execute()).length;
const throttleRows = async (username: string) => (await a.t.db.selectFrom('login_throttle').select('key').where('username', '=', username).execute()).length;

/** Every audit write naming `target` fails, as a full disk or a broken connection would. */
async function refuseAudit(target: string) {
  if (testEngine() === 'postgres') {
    await sql`create or replace function no_audit() returns trigger language plpgsql as $$ begin if new.target = ${sql.lit(target)} then raise exception 'audit refused'; end if; return new; end $$`.execute(a.t.db);
    await sql`create trigger no_audit before insert on audit_log for each row execute function no_audit()`.execute(a.t.db);
  } else {
    await sql`create trigger no_audit before insert on audit_log when new.target = ${sql.lit(target)} begin select raise(abort, 'audit refused'); end`.execute(a.t.db);
  }
}
const allowAudit = () => sql`drop trigger no_audit${sql.raw(testEngine() === 'postgres' ? ' on audit_log' : '')}`.execute(a.t.db);

beforeAll(async () => {
  a = await createTestApp();
  admin = await a.loginAs('admin');
});
afterAll(async () => a?.close());

describe(`user status and temporary password on ${testEngine()}`, () => {
  it('disable: when its entry cannot be written the account stays active and keeps its sessions', async () => {
    await a.loginAs('operator.asam');
    expect(await sessions('operator.asam')).toBe(1);
    await refuseAudit('operator.asam');
    const res = await admin.post(`/admin/pengguna/${(await row('operator.asam')).id}/status`, { change: 'disable' });
    await allowAudit();
    expect(res.status).toBe(500);
    expect((await row('operator.asam')).status).toBe('active');
    expect(await sessions('operator.asam')).toBe(1);
    expect(await entries('user.disable', 'operator.asam')).toBe(0);
  });

  it('disable then enable: each change is made with exactly one entry', async () => {
    const id = (await row('operator.asam')).id;
    expect((await admin.post(`/admin/pengguna/${id}/status`, { change: 'disable' })).headers.get('location')).toBe('/admin/pengguna?ok=status_done');
    expect([(await row('operator.asam')).status, await sessions('operator.asam'), await entries('user.disable', 'operator.asam')]).toEqual(['disabled', 0, 1]);
    await refuseAudit('operator.asam');
    expect((await admin.post(`/admin/pengguna/${id}/status`, { change: 'enable' })).status).toBe(500);
    await allowAudit();
    expect((await row('operator.asam')).status).toBe('disabled');
    await admin.post(`/admin/pengguna/${id}/status`, { change: 'enable' });
    expect([(await row('operator.asam')).status, await entries('user.enable', 'operator.asam')]).toEqual(['active', 1]);
  });

  it('unlock: the login delays stay when the entry cannot be written, and go with it', async () => {
    const at = a.clock.now().toISOString();
    await a.t.db.insertInto('login_throttle').values({ key: 'pair:operator.bacang 10.0.0.1', kind: 'pair', username: 'operator.bacang', address: '10.0.0.1', failures: 9, first_failure_at: at, last_failure_at: at, delay_until: at }).execute();
    const id = (await row('operator.bacang')).id;
    await refuseAudit('operator.bacang');
    expect((await admin.post(`/admin/pengguna/${id}/status`, { change: 'unlock' })).status).toBe(500);
    await allowAudit();
    expect([await throttleRows('operator.bacang'), await entries('user.unlock', 'operator.bacang')]).toEqual([1, 0]);
    await admin.post(`/admin/pengguna/${id}/status`, { change: 'unlock' });
    expect([await throttleRows('operator.bacang'), await entries('user.unlock', 'operator.bacang')]).toEqual([0, 1]);
  });

  it('temporary password: when its entry cannot be written the old password and the sessions stay', async () => {
    await a.loginAs('lurah.bacang');
    const before = await row('lurah.bacang');
    await refuseAudit('lurah.bacang');
    const res = await admin.post(`/admin/pengguna/${before.id}/sandi`, { temporary: 'rumah biru dekat pasar' });
    await allowAudit();
    expect(res.status).toBe(500);
    const after = await row('lurah.bacang');
    expect([after.password_hash, after.must_change_password]).toEqual([before.password_hash, before.must_change_password]);
    expect(await sessions('lurah.bacang')).toBe(1);
    expect(await entries('password.reset', 'lurah.bacang')).toBe(0);
  });
});
