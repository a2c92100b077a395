import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/modules/monitoring/fetcher.js';
import { readPeerCertificate } from '../../src/modules/monitoring/peer-certificate.js';
import { classifyAddress, createAddressGuard, parseAllowList } from '../../src/modules/monitoring/net-guard.js';
import { checkSiteUrl, siteUrlPolicy } from '../../src/modules/monitoring/site-url-policy.js';

// Issue 15 §8: the crawler cannot be aimed inward. Registration refuses addresses that cannot be
// public; every connection — the first request and each redirect hop — is checked against the
// address the socket really connects to; an explicit allow-list lets the loopback fleet through.

/** A resolver that answers every name with the next address of a list (DNS rebinding). */
function resolverSequence(addresses: string[]): LookupFunction & { calls: number } {
  const f = ((_host: string, opts: any, cb: any) => {
    const callback = typeof opts === 'function' ? opts : cb;
    const address = addresses[Math.min(f.calls, addresses.length - 1)]!;
    f.calls++;
    const family = address.includes(':') ? 6 : 4;
    process.nextTick(() => (typeof opts === 'object' && opts?.all ? callback(null, [{ address, family }]) : callback(null, address, family)));
  }) as LookupFunction & { calls: number };
  f.calls = 0;
  return f;
}

// An "inside" server (stands for the admin pages or a metadata service) on 127.0.0.1, and an
// "outside" one on 127.0.0.2 that the allow-list admits, redirecting visitors inward.
let inside: http.Server;
let outside: http.Server;
let insidePort = 0;
let outsidePort = 0;
const insideHits: string[] = [];

beforeAll(async () => {
  inside = http.createServer((req, res) => {
    insideHits.push(req.url ?? '');
    res.end('admin secrets');
  });
  await new Promise<void>((r) => inside.listen(0, '127.0.0.1', r));
  insidePort = (inside.address() as AddressInfo).port;
  outside = http.createServer((req, res) => {
    const to: Record<string, string> = {
      '/ke-loopback': `http://127.0.0.1:${insidePort}/admin`,
      '/ke-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/ke-nama-internal': `http://panel.kantor.example:${insidePort}/admin`,
      '/ke-subdomain': `http://admin.kelurahan-luar.example:${insidePort}/admin`,
      '/ke-ipv6': `http://[::1]:${insidePort}/admin`,
      '/ke-mapped': `http://[::ffff:127.0.0.1]:${insidePort}/admin`,
    };
    const target = to[req.url ?? ''];
    if (target) res.writeHead(302, { location: target }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Kelurahan</title><p>Halo warga</p>');
  });
  await new Promise<void>((r) => outside.listen(0, '127.0.0.2', r));
  outsidePort = (outside.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => inside.close(() => r()));
  await new Promise<void>((r) => outside.close(() => r()));
});

describe('address classes', () => {
  it('names every class the crawler refuses, including IPv4 hidden in IPv6', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['::1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['fd12:3456::1', 'private'],
      ['169.254.169.254', 'link_local'],
      ['fe80::1', 'link_local'],
      ['100.64.0.1', 'cgnat'],
      ['100.127.255.254', 'cgnat'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['255.255.255.255', 'reserved'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'link_local'],
      ['64:ff9b::a9fe:a9fe', 'link_local'],
      ['2002:c0a8:0101::1', 'private'],
      ['8.8.8.8', 'public'],
      ['172.32.0.1', 'public'],
      ['100.128.0.1', 'public'],
      ['2606:4700::1111', 'public'],
    ];
    for (const [ip, cls] of cases) expect({ ip, cls: classifyAddress(ip) }).toEqual({ ip, cls });
  });

  it("refuses the server's own addresses, and the allow-list opens exactly what it names", () => {
    const guard = createAddressGuard(parseAllowList(['127.0.0.2/32', '::1']), ['203.0.113.50', '36.66.1.2']);
    expect(guard.refusal('36.66.1.2')).toBe('own_address');
    expect(guard.refusal('36.66.1.3')).toBeNull();
    expect(guard.refusal('127.0.0.2')).toBeNull();
    expect(guard.refusal('::1')).toBeNull();
    expect(guard.refusal('127.0.0.1')).toBe('loopback');
    expect(guard.refusal('169.254.169.254')).toBe('link_local');
  });
});

describe('registration', () => {
  const strict = siteUrlPolicy({ publicUrl: 'https://beranda.pangkalpinangkota.go.id', siteDomain: 'pangkalpinangkota.go.id' });
  it('accepts public http(s) addresses and normalises them', () => {
    expect(checkSiteUrl(' https://Kelurahan-Bacang.go.id/#top ', strict)).toEqual({ ok: true, url: 'https://kelurahan-bacang.go.id/' });
    expect(checkSiteUrl('http://dinkes.pangkalpinangkota.go.id.example.com:8080/berita', strict).ok).toBe(true);
    expect(checkSiteUrl('https://8.8.8.8/', strict).ok).toBe(true);
  });

  it('refuses other schemes, credentials, internal names and internal addresses, and Beranda itself', () => {
    const problem = (u: string) => {
      const r = checkSiteUrl(u, strict);
      return r.ok ? 'ok' : `${r.problem}${r.detail ? `:${r.detail}` : ''}`;
    };
    expect(problem('ftp://files.example.go.id/')).toBe('scheme:ftp');
    expect(problem('file:///etc/passwd')).toBe('scheme:file');
    expect(problem('javascript:alert(1)')).toBe('scheme:javascript');
    expect(problem('https://admin:rahasia@kelurahan.go.id/')).toBe('credentials');
    expect(problem('http://localhost:3000/admin')).toBe('internal_host:localhost');
    expect(problem('http://intranet/')).toBe('internal_host:intranet');
    expect(problem('http://nas.local/')).toBe('internal_host:nas.local');
    expect(problem('http://router.home.arpa/')).toBe('internal_host:router.home.arpa');
    expect(problem('http://127.0.0.1/')).toBe('internal_address:loopback');
    expect(problem('http://[::1]/')).toBe('internal_address:loopback');
    expect(problem('http://10.0.0.5/')).toBe('internal_address:private');
    expect(problem('http://169.254.169.254/latest/meta-data/')).toBe('internal_address:link_local');
    expect(problem('http://100.64.3.4/')).toBe('internal_address:cgnat');
    expect(problem('http://224.0.0.1/')).toBe('internal_address:multicast');
    expect(problem('http://[::ffff:10.0.0.1]/')).toBe('internal_address:private');
    expect(problem('https://beranda.pangkalpinangkota.go.id/admin')).toBe('beranda_itself');
    expect(problem('https://bacang.pangkalpinangkota.go.id/')).toBe('beranda_itself');
    expect(problem('not a url')).toBe('invalid_url');
  });

  it('the allow-list setting admits the loopback test fleet, and nothing else', () => {
    const fleet = siteUrlPolicy({ allow: ['127.0.0.0/8', '.test'] });
    expect(checkSiteUrl('http://wp-segar.test:4000/', fleet).ok).toBe(true);
    expect(checkSiteUrl('http://127.0.0.1:4000/', fleet).ok).toBe(true);
    expect(checkSiteUrl('http://10.0.0.1/', fleet).ok).toBe(false);
    expect(checkSiteUrl('http://nas.local/', fleet).ok).toBe(false);
  });
});

describe('every connection is checked', () => {
  const outsideUrl = (path: string) => `http://kelurahan-luar.example:${outsidePort}${path}`;
  /** Resolves kelurahan-luar.example to the admitted 127.0.0.2 and everything else to 127.0.0.1. */
  const lookup: LookupFunction = ((host: string, opts: any, cb: any) => {
    const callback = typeof opts === 'function' ? opts : cb;
    const address = host === 'kelurahan-luar.example' ? '127.0.0.2' : '127.0.0.1';
    process.nextTick(() => (typeof opts === 'object' && opts?.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4)));
  }) as LookupFunction;
  const make = (allow: string[]) => new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup, allowNetworks: allow, perHostIntervalMs: 0, connectTimeoutMs: 1_000, totalTimeoutMs: 2_000 });

  it('refuses a literal address of every class before connecting', async () => {
    const f = make([]);
    const before = insideHits.length;
    for (const [url, cls] of [
      [`http://127.0.0.1:${insidePort}/admin`, 'loopback'],
      [`http://[::1]:${insidePort}/admin`, 'loopback'],
      ['http://10.0.0.1/', 'private'],
      ['http://192.168.0.1/', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'link_local'],
      ['http://100.64.0.1/', 'cgnat'],
      ['http://224.0.0.251/', 'multicast'],
      ['http://0.0.0.0/', 'unspecified'],
      // The same addresses written the ways filters forget: decimal, hex, short, IPv4 in IPv6.
      [`http://2130706433:${insidePort}/admin`, 'loopback'],
      [`http://0x7f.0.0.1:${insidePort}/admin`, 'loopback'],
      [`http://127.1:${insidePort}/admin`, 'loopback'],
      [`http://[::ffff:127.0.0.1]:${insidePort}/admin`, 'loopback'],
      ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'link_local'],
    ] as const) {
      const r = await f.fetch(url);
      expect({ url, end: r.end, cls: r.refusedClass }).toEqual({ url, end: 'address_refused', cls });
    }
    expect(insideHits.length).toBe(before);
  });

  it('refuses a host name that resolves to loopback (nothing reaches the inside server)', async () => {
    const before = insideHits.length;
    const r = await make([]).fetch(`http://panel.kantor.example:${insidePort}/admin`);
    expect(r.end).toBe('address_refused');
    expect(r.refusedClass).toBe('loopback');
    expect(insideHits.length).toBe(before);
  });

  it('refuses a redirect hop into the same site whose name resolves inward', async () => {
    const f = make(['127.0.0.2/32']);
    expect((await f.fetch(outsideUrl('/'))).status).toBe(200);
    const before = insideHits.length;
    const r = await f.fetch(outsideUrl('/ke-subdomain'));
    expect(r.end).toBe('address_refused');
    expect(r.redirects).toHaveLength(1);
    expect(insideHits.length).toBe(before);
  });

  it('the landing page of an off-site redirect (fetched to see where visitors go) is refused inward too', async () => {
    const f = make(['127.0.0.2/32']);
    const before = insideHits.length;
    for (const path of ['/ke-loopback', '/ke-metadata', '/ke-nama-internal', '/ke-ipv6', '/ke-mapped']) {
      const r = await f.fetch(outsideUrl(path));
      expect(r.end).toBe('offsite_redirect');
      const landing = await f.fetch(r.offsiteLocation!);
      expect({ path, end: landing.end }).toEqual({ path, end: 'address_refused' });
    }
    expect(insideHits.length).toBe(before);
  });

  it('DNS rebinding: a name that answered with an admitted address and now answers loopback is refused now', async () => {
    const rebinding = resolverSequence(['127.0.0.2', '127.0.0.1']);
    const f = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: rebinding, allowNetworks: ['127.0.0.2/32'], perHostIntervalMs: 0 });
    const first = await f.fetch(`http://kelurahan-pindah.example:${outsidePort}/`);
    expect(first.status).toBe(200);
    const before = insideHits.length;
    const second = await f.fetch(`http://kelurahan-pindah.example:${insidePort}/admin`);
    expect(second.end).toBe('address_refused');
    expect(rebinding.calls).toBe(2);
    expect(insideHits.length).toBe(before);
  });

  it('the TLS certificate reader is guarded too', async () => {
    const r = await readPeerCertificate('https://169.254.169.254/', { connectTimeoutMs: 500, guard: createAddressGuard() });
    expect(r).toEqual({ ok: false, end: 'address_refused', errorCode: 'E_ADDRESS_REFUSED' });
    const named = await readPeerCertificate(`https://panel.kantor.example:${insidePort}/`, { connectTimeoutMs: 500, lookup, guard: createAddressGuard() });
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.end).toBe('address_refused');
  });

  it('the allow-list lets the test fleet through', async () => {
    const r = await make(['127.0.0.0/8']).fetch(`http://panel.kantor.example:${insidePort}/admin`);
    expect(r.status).toBe(200);
    expect(r.body).toBe('admin secrets');
  });
});
