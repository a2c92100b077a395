import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD, ensureDemoUsers, login, resolveSession, pruneExpiredSessions, setUserStatus, changePassword, SESSION_TTL_MS,
} from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

describe(`login and sessions on ${testEngine()}`, () => {
  let t: TestDb;
  const clock = new FixedClock('2026-11-28T01:00:00Z');
  const meta = { ip: '127.0.0.9', userAgent: 'vitest' };
  beforeAll(async () => {
    t = await createTestDb();
    await importRegion(t.db, '19.71', clock);
    await ensureDemoUsers(t.db, clock, '19.71');
  });
  afterAll(async () => t.close());

  it('creates every demo login once, with an operator for each of the 42 kelurahan', async () => {
    const again = await ensureDemoUsers(t.db, clock, '19.71');
    const names = again.map((l) => l.username);
    for (const u of ['admin', 'walikota', 'camat.bukit-intan', 'pendamping', 'lurah.bacang', 'operator.bacang', 'operator.gabek-satu']) {
      expect(names).toContain(u);
    }
    const users = await t.db.selectFrom('users').select('username').execute();
    expect(users.filter((u) => u.username.startsWith('operator.')).length).toBe(42);
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  });

  it('opens a session for the right password and resolves the actor with its unit', async () => {
    const r = await login(t.db, clock, { username: 'Operator.Bacang ', password: DEMO_PASSWORD, ...meta });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = await resolveSession(t.db, clock, r.value.token);
    expect(s.state).toBe('active');
    if (s.state !== 'active') return;
    const bacang = await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow();
    expect(s.actor).toMatchObject({ username: 'operator.bacang', role: 'operator', unitIds: [bacang.id] });
    // The cookie token itself is never stored.
    expect(await t.db.selectFrom('sessions').select('id').where('id', '=', r.value.token).executeTakeFirst()).toBeUndefined();
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrong = await login(t.db, clock, { username: 'lurah.bacang', password: 'salah', ...meta });
    const unknown = await login(t.db, clock, { username: 'tidak.ada', password: 'salah', ...meta });
    expect(wrong).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(unknown).toEqual(wrong);
  });

  it('locks a username after five failures, even against the right password, and an admin can unlock it', async () => {
    for (let i = 0; i < 4; i++) await login(t.db, clock, { username: 'operator.asam', password: 'salah', ip: `127.0.1.${i}`, userAgent: null });
    const fifth = await login(t.db, clock, { username: 'operator.asam', password: 'salah', ip: '127.0.1.9', userAgent: null });
    expect(fifth).toEqual({ ok: false, error: 'locked' });
    const right = await login(t.db, clock, { username: 'operator.asam', password: DEMO_PASSWORD, ip: '127.0.1.10', userAgent: null });
    expect(right).toEqual({ ok: false, error: 'locked' });
    // Unknown usernames lock the same way, so the lock reveals nothing.
    for (let i = 0; i < 5; i++) await login(t.db, clock, { username: 'hantu', password: 'x', ip: `127.0.2.${i}`, userAgent: null });
    expect(await login(t.db, clock, { username: 'hantu', password: 'x', ip: '127.0.2.9', userAgent: null })).toEqual({ ok: false, error: 'locked' });

    const admin = await login(t.db, clock, { username: 'admin', password: DEMO_PASSWORD, ...meta });
    const s = admin.ok ? await resolveSession(t.db, clock, admin.value.token) : null;
    if (!s || s.state !== 'active') throw new Error('admin login failed');
    const target = await t.db.selectFrom('users').select('id').where('username', '=', 'operator.asam').executeTakeFirstOrThrow();
    expect((await setUserStatus(t.db, clock, s.actor, target.id, 'unlock')).ok).toBe(true);
    expect((await login(t.db, clock, { username: 'operator.asam', password: DEMO_PASSWORD, ...meta })).ok).toBe(true);
  });

  it('lets a lock expire after 15 minutes', async () => {
    const c = new FixedClock('2026-11-28T03:00:00Z');
    for (let i = 0; i < 5; i++) await login(t.db, c, { username: 'operator.bintang', password: 'salah', ip: `127.0.3.${i}`, userAgent: null });
    expect((await login(t.db, c, { username: 'operator.bintang', password: DEMO_PASSWORD, ...meta })).ok).toBe(false);
    c.advance(16 * 60 * 1000);
    expect((await login(t.db, c, { username: 'operator.bintang', password: DEMO_PASSWORD, ...meta })).ok).toBe(true);
  });

  it('refuses one address after 30 failures across usernames', async () => {
    const c = new FixedClock('2026-11-28T05:00:00Z');
    for (let i = 0; i < 30; i++) await login(t.db, c, { username: `acak${i}`, password: 'x', ip: '127.0.9.9', userAgent: null });
    expect(await login(t.db, c, { username: 'admin', password: DEMO_PASSWORD, ip: '127.0.9.9', userAgent: null })).toEqual({ ok: false, error: 'rate_limited' });
    expect((await login(t.db, c, { username: 'admin', password: DEMO_PASSWORD, ip: '127.0.9.8', userAgent: null })).ok).toBe(true);
  });

  it('treats an expired session as expired and the prune job removes old ones', async () => {
    const c = new FixedClock('2026-11-28T06:00:00Z');
    const r = await login(t.db, c, { username: 'walikota', password: DEMO_PASSWORD, ...meta });
    if (!r.ok) throw new Error('login failed');
    const r2 = await login(t.db, c, { username: 'walikota', password: DEMO_PASSWORD, ...meta });
    if (!r2.ok) throw new Error('login failed');
    c.advance(SESSION_TTL_MS + 1000);
    expect((await resolveSession(t.db, c, r.value.token)).state).toBe('expired');
    const pruned = await pruneExpiredSessions(t.db, c);
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    expect((await resolveSession(t.db, c, r2.value.token)).state).toBe('none');
    expect((await pruneExpiredSessions(t.db, c)).sessions).toBe(0);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const a = await login(t.db, clock, { username: 'admin', password: DEMO_PASSWORD, ...meta });
    const op = await login(t.db, clock, { username: 'operator.ampui', password: DEMO_PASSWORD, ...meta });
    if (!a.ok || !op.ok) throw new Error('login failed');
    const s = await resolveSession(t.db, clock, a.value.token);
    if (s.state !== 'active') throw new Error('no admin session');
    await setUserStatus(t.db, clock, s.actor, op.value.userId, 'disable');
    expect((await resolveSession(t.db, clock, op.value.token)).state).toBe('none');
    expect(await login(t.db, clock, { username: 'operator.ampui', password: DEMO_PASSWORD, ...meta })).toEqual({ ok: false, error: 'disabled' });
  });

  it('changes a password, keeps the current session and ends the others', async () => {
    const a = await login(t.db, clock, { username: 'operator.ketapang', password: DEMO_PASSWORD, ...meta });
    const b = await login(t.db, clock, { username: 'operator.ketapang', password: DEMO_PASSWORD, ...meta });
    if (!a.ok || !b.ok) throw new Error('login failed');
    const s = await resolveSession(t.db, clock, a.value.token);
    if (s.state !== 'active') throw new Error('no session');
    expect(await changePassword(t.db, clock, s.actor, s.sessionId, { current: 'salah', next: 'kopi pagi di pasar', confirm: 'kopi pagi di pasar' })).toEqual({ ok: false, error: 'wrong_current' });
    expect((await changePassword(t.db, clock, s.actor, s.sessionId, { current: DEMO_PASSWORD, next: 'pendek', confirm: 'pendek' })).ok).toBe(false);
    expect((await changePassword(t.db, clock, s.actor, s.sessionId, { current: DEMO_PASSWORD, next: 'kopi pagi di pasar', confirm: 'kopi pagi di pasar' })).ok).toBe(true);
    expect((await resolveSession(t.db, clock, a.value.token)).state).toBe('active');
    expect((await resolveSession(t.db, clock, b.value.token)).state).toBe('none');
    expect((await login(t.db, clock, { username: 'operator.ketapang', password: 'kopi pagi di pasar', ...meta })).ok).toBe(true);
    const audit = await t.db.selectFrom('audit_log').select('action').where('target', '=', 'operator.ketapang').execute();
    expect(audit.map((x) => x.action)).toContain('password.change');
  });
});
