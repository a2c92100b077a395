import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, MAX_DELAY_MS } from '../../src/modules/accounts/index.js';
import { createApp } from '../../src/web/app.js';
import { clientAddress, trustedProxyList } from '../../src/web/client-ip.js';
import { type TestApp, createTestApp, csrfFrom, formBody } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 16 point 1 through HTTP: no lock a stranger can trigger, a known device (signed cookie)
// never slowed by others, a bounded delay for a new one, admin kota sees and clears, and the
// client address is the rightmost X-Forwarded-For entry that is not a trusted proxy.

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

describe(`login delays through HTTP on ${testEngine()}`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
  });
  afterAll(async () => a?.close());

  /** One browser: keeps its cookies (CSRF, session, device) across requests. */
  function browser(ip: string) {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const keep = (res: Response) => {
      for (const c of cookiesOf(res)) {
        const [k, v] = [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)];
        if (v) jar.set(k, v);
        else jar.delete(k);
      }
      return res;
    };
    return {
      jar,
      async login(username: string, password: string) {
        const form = keep(await a.request('/admin/masuk', { cookie: cookie(), headers: { 'x-forwarded-for': ip } }));
        const csrf = csrfFrom(await form.text());
        return keep(await a.request('/admin/masuk', { method: 'POST', cookie: cookie(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: formBody({ _csrf: csrf, username, password }) }));
      },
      get: async (path: string) => keep(await a.request(path, { cookie: cookie(), headers: { 'x-forwarded-for': ip } })),
      async post(path: string, form: Record<string, string>) {
        const csrf = csrfFrom(await (await this.get('/admin/akun/sandi')).text());
        return keep(await a.request(path, { method: 'POST', cookie: cookie(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip }, body: formBody({ _csrf: csrf, ...form }) }));
      },
      logout() {
        jar.delete('beranda_sesi');
      },
    };
  }

  it('a stranger’s 50 failed logins leave the owner in from their known device at once, and from a new one after a bounded delay', async () => {
    const office = '203.0.113.50';
    // The lurah signed in on this phone last week: the phone holds the signed device cookie.
    const phone = browser(office);
    expect((await phone.login('lurah.bacang', DEMO_PASSWORD)).status).toBe(303);
    expect(phone.jar.has('beranda_perangkat')).toBe(true);
    phone.logout();

    // A stranger on the same office network (and 25 other addresses) tries 50 passwords.
    for (let i = 0; i < 50; i++) {
      const stranger = browser(i % 2 ? office : `198.51.100.${i}`);
      const res = await stranger.login('lurah.bacang', `tebakan-${i}`);
      expect([401, 429]).toContain(res.status);
      a.clock.advance(500);
    }

    // The known phone: straight in, no wait.
    expect((await phone.login('lurah.bacang', DEMO_PASSWORD)).status).toBe(303);

    // A new device on the office network: asked to wait, never more than the cap.
    const laptop = browser(office);
    const waited = await laptop.login('lurah.bacang', DEMO_PASSWORD);
    expect(waited.status).toBe(429);
    const seconds = Number(waited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds * 1000).toBeLessThanOrEqual(MAX_DELAY_MS);
    a.clock.advance(seconds * 1000);
    expect((await laptop.login('lurah.bacang', DEMO_PASSWORD)).status).toBe(303);

    // A forged or stolen-looking device cookie (wrong signature) is not trusted.
    const forger = browser(office);
    for (let i = 0; i < 6; i++) await forger.login('lurah.bacang', 'salah');
    const tampered = phone.jar.get('beranda_perangkat')!.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    forger.jar.set('beranda_perangkat', tampered);
    expect((await forger.login('lurah.bacang', DEMO_PASSWORD)).status).toBe(429);
    // ~60 sign-ins, each an argon2 verification: generous for a loaded machine.
  }, 180_000);

  it('admin kota sees the slowed accounts and clears them; other roles cannot', async () => {
    const where = '198.51.100.222';
    const someone = browser(where);
    for (let i = 0; i < 6; i++) await someone.login('operator.bacang', 'salah');
    expect((await someone.login('operator.bacang', DEMO_PASSWORD)).status).toBe(429);

    const admin = browser('192.0.2.10');
    await admin.login('admin', DEMO_PASSWORD);
    const users = await (await admin.get('/admin/pengguna')).text();
    expect(users).toContain('href="/admin/pengguna/diperlambat"');
    const page = await (await admin.get('/admin/pengguna/diperlambat')).text();
    expect(page).toContain('operator.bacang');
    expect(page).toContain(where);
    const cleared = await admin.post('/admin/pengguna/diperlambat/hapus', { username: 'operator.bacang' });
    expect(cleared.headers.get('location')).toBe('/admin/pengguna/diperlambat?ok=cleared');
    expect(await (await admin.get('/admin/pengguna/diperlambat?ok=cleared')).text()).toContain('Perlambatan sudah dihapus');
    expect((await someone.login('operator.bacang', DEMO_PASSWORD)).status).toBe(303);

    const lurah = browser('192.0.2.11');
    await lurah.login('lurah.bacang', DEMO_PASSWORD);
    expect((await lurah.get('/admin/pengguna/diperlambat')).status).toBe(403);
  });
});

describe('the client address behind trusted proxies', () => {
  it('is the rightmost X-Forwarded-For entry that is not a trusted proxy', () => {
    const loopback = trustedProxyList(['loopback']);
    const lan = trustedProxyList(['loopback', '10.0.0.0/8']);
    // No proxy trusted, or a peer that is not one: the peer, whatever the header says.
    expect(clientAddress('198.51.100.1', '1.2.3.4', loopback)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '1.2.3.4', trustedProxyList([]))).toBe('127.0.0.1');
    // Through our proxy: the address it appended, not what the client wrote before it.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7', loopback)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '198.51.100.7, 10.0.0.5', lan)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.9', 'sampah, 198.51.100.8, 10.0.0.5', lan)).toBe('198.51.100.8');
    // Garbage where a proxy would have written: stop at the last hop we trust.
    expect(clientAddress('127.0.0.1', '198.51.100.7, bukan-alamat', loopback)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '::ffff:198.51.100.9', loopback)).toBe('198.51.100.9');
    expect(clientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
  });

  async function auditIpAfterFailedLogin(trustedProxies: string[], forwardedFor: string) {
    const a = await createTestApp({ trustedProxies });
    const app = createApp(a.deps);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const form = await fetch(`${base}/admin/masuk`);
      const body = formBody({ _csrf: csrfFrom(await form.text()), username: 'operator.bacang', password: 'salah' });
      const res = await fetch(`${base}/admin/masuk`, { method: 'POST', headers: { cookie: cookiesOf(form).join('; '), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor }, body });
      expect(res.status).toBe(401);
      const row = await a.t.db.selectFrom('audit_log').select('ip').where('action', '=', 'login.failure').executeTakeFirstOrThrow();
      const throttle = await a.t.db.selectFrom('login_throttle').select('address').where('kind', '=', 'address').executeTakeFirstOrThrow();
      expect(throttle.address).toBe(row.ip);
      return row.ip;
    } finally {
      server.close();
      await a.close();
    }
  }

  it('a forged X-Forwarded-For does not change the address seen, on a real socket', async () => {
    // Behind a local proxy (loopback trusted): the entry the proxy appended, not the forged one.
    expect(await auditIpAfterFailedLogin(['loopback'], '6.6.6.6, 198.51.100.30')).toBe('198.51.100.30');
    // No proxy configured: the header is ignored and the peer is the client.
    expect(await auditIpAfterFailedLogin([], '6.6.6.6, 198.51.100.30')).toBe('127.0.0.1');
  });
});
