import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD, FREE_FAILURES, MAX_DELAY_MS, ensureDemoUsers, listThrottled, login, resolveSession, pruneExpiredSessions, setUserStatus, changePassword, SESSION_TTL_MS,
} from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

const code = (r: { ok: boolean; error?: string }) => (r.ok ? 'ok' : r.error);

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

  it('never locks: a stranger’s 50 failures leave the owner in at once elsewhere, and after a bounded delay from the same address', async () => {
    const c = new FixedClock('2026-11-28T02:00:00Z');
    // 50 wrong passwords for operator.asam: half from one address, half from 25 others.
    for (let i = 0; i < 50; i++) {
      const ip = i % 2 ? '203.0.113.7' : `198.51.100.${i}`;
      const r = await login(t.db, c, { username: 'operator.asam', password: `tebakan${i}`, ip, userAgent: null });
      expect(r.ok).toBe(false);
      c.advance(1000);
    }
    // The owner from their own (other) address: no wait at all.
    expect((await login(t.db, c, { username: 'operator.asam', password: DEMO_PASSWORD, ip: '192.0.2.44', userAgent: null })).ok).toBe(true);
    // Behind the stranger's address (a shared NAT), a new device waits, but never more than MAX_DELAY_MS.
    const behind = await login(t.db, c, { username: 'operator.asam', password: DEMO_PASSWORD, ip: '203.0.113.7', userAgent: null });
    expect(behind.ok).toBe(false);
    expect(behind.ok ? 0 : behind.retryAfterMs).toBeLessThanOrEqual(MAX_DELAY_MS);
    // The stranger keeps hammering during the delay: each attempt counts but none extends it.
    for (let i = 0; i < 10; i++) {
      expect(code(await login(t.db, c, { username: 'operator.asam', password: 'lagi', ip: '203.0.113.7', userAgent: null }))).toBe('throttled');
      c.advance(1000);
    }
    c.advance(MAX_DELAY_MS - 10_000);
    expect((await login(t.db, c, { username: 'operator.asam', password: DEMO_PASSWORD, ip: '203.0.113.7', userAgent: null })).ok).toBe(true);
    // A known device (its signed cookie, checked by the web) is not slowed by anyone's failures.
    const known = await login(t.db, c, { username: 'operator.asam', password: DEMO_PASSWORD, ip: '203.0.113.7', userAgent: null, knownDeviceId: 'dev1' });
    expect(known.ok).toBe(true);
  });

  it('grows the delay per account+address pair and per address, and forgets after an hour', async () => {
    const c = new FixedClock('2026-11-28T04:00:00Z');
    const attempt = (username: string, ip: string) => login(t.db, c, { username, password: 'salah', ip, userAgent: null });
    // The first three failures of a pair are free, then 1 s, 2 s, 4 s …
    for (let i = 0; i < FREE_FAILURES.pair; i++) expect(code(await attempt('operator.bintang', '198.51.100.200'))).toBe('invalid_credentials');
    expect(code(await attempt('operator.bintang', '198.51.100.200'))).toBe('invalid_credentials');
    const d1 = await attempt('operator.bintang', '198.51.100.200');
    expect(code(d1)).toBe('throttled');
    expect(d1.ok ? 0 : d1.retryAfterMs).toBe(1000);
    c.advance(1000);
    expect(code(await attempt('operator.bintang', '198.51.100.200'))).toBe('invalid_credentials');
    const d2 = await attempt('operator.bintang', '198.51.100.200');
    // Five failures and one attempt during the first delay: the next delay is 4 s.
    expect(d2.ok ? 0 : d2.retryAfterMs).toBe(4000);
    // Spraying many usernames from one address is slowed by the address key.
    for (let i = 0; i < FREE_FAILURES.address; i++) expect(code(await attempt(`acak${i}`, '198.51.100.201'))).toBe('invalid_credentials');
    expect(code(await attempt('acak-lain', '198.51.100.201'))).toBe('invalid_credentials');
    expect(code(await attempt('acak-lagi', '198.51.100.201'))).toBe('throttled');
    // An hour later it is forgotten.
    c.advance(61 * 60_000);
    expect(code(await attempt('acak-lagi', '198.51.100.201'))).toBe('invalid_credentials');
  });

  it('admin kota sees the slowed sign-ins and can clear them', async () => {
    const c = new FixedClock('2026-11-28T07:00:00Z');
    for (let i = 0; i < 6; i++) await login(t.db, c, { username: 'operator.gabek-satu', password: 'salah', ip: '198.51.100.77', userAgent: null });
    const rows = await listThrottled(t.db, c.now());
    expect(rows.some((r) => r.kind === 'pair' && r.username === 'operator.gabek-satu' && r.address === '198.51.100.77' && r.failures === 6)).toBe(true);
    const admin = await login(t.db, c, { username: 'admin', password: DEMO_PASSWORD, ...meta });
    const s = admin.ok ? await resolveSession(t.db, c, admin.value.token) : null;
    if (!s || s.state !== 'active') throw new Error('admin login failed');
    const target = await t.db.selectFrom('users').select('id').where('username', '=', 'operator.gabek-satu').executeTakeFirstOrThrow();
    expect((await setUserStatus(t.db, c, s.actor, target.id, 'unlock')).ok).toBe(true);
    expect((await listThrottled(t.db, c.now())).some((r) => r.username === 'operator.gabek-satu')).toBe(false);
    expect((await login(t.db, c, { username: 'operator.gabek-satu', password: DEMO_PASSWORD, ip: '198.51.100.77', userAgent: null })).ok).toBe(true);
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

  it('refuses a disabled account exactly like a wrong password and ends its sessions', async () => {
    const a = await login(t.db, clock, { username: 'admin', password: DEMO_PASSWORD, ...meta });
    const op = await login(t.db, clock, { username: 'operator.ampui', password: DEMO_PASSWORD, ...meta });
    if (!a.ok || !op.ok) throw new Error('login failed');
    const s = await resolveSession(t.db, clock, a.value.token);
    if (s.state !== 'active') throw new Error('no admin session');
    await setUserStatus(t.db, clock, s.actor, op.value.userId, 'disable');
    expect((await resolveSession(t.db, clock, op.value.token)).state).toBe('none');
    // Exactly like a wrong password: a guesser learns nothing from a disabled account.
    const right = await login(t.db, clock, { username: 'operator.ampui', password: DEMO_PASSWORD, ip: '198.51.100.90', userAgent: null });
    const wrong = await login(t.db, clock, { username: 'operator.ampui', password: 'salah', ip: '198.51.100.91', userAgent: null });
    expect(right).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(right).toEqual(wrong);
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
