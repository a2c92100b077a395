import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../src/fakes/fleet/server.js';
import { Fetcher } from '../../src/modules/monitoring/fetcher.js';
import { HostLimiter } from '../../src/modules/monitoring/host-limiter.js';

// The crawler must end every fetch within its bounds and say why it ended.

let fleet: Fleet;
let fetcher: Fetcher;

beforeAll(async () => {
  fleet = await startFleet({ now: () => new Date() });
  fetcher = new Fetcher({
    contactUrl: 'https://beranda.example/bot',
    lookup: fleet.lookup,
    ca: fleet.caPem ?? undefined,
    connectTimeoutMs: 1_000,
    totalTimeoutMs: 1_500,
    maxBytes: 256 * 1024,
    maxRedirects: 5,
    perHostIntervalMs: 0,
    globalConcurrency: 8,
  });
});
afterAll(() => fleet.close());

describe('polite bounded fetcher', () => {
  it('stops a slow host at the total timeout and records why', async () => {
    const r = await fetcher.fetch(fleet.url('lambat'));
    expect(r.end).toBe('timeout_total');
    expect(r.latencyMs).toBeLessThan(5_000);
    expect(r.status).toBe(200);
  });

  it('stops reading a huge body at the byte limit', async () => {
    const r = await fetcher.fetch(fleet.url('raksasa'));
    expect(r.end).toBe('too_large');
    expect(r.body.length).toBe(256 * 1024);
    expect(r.bytes).toBeGreaterThan(256 * 1024);
  });

  it('counts a gzip body by its inflated size: a 40 MB bomb stops at the byte limit, not after inflating', async () => {
    // A generous clock here: on a loaded machine the limit, not the deadline, must end it.
    const patient = new Fetcher({ contactUrl: 'https://beranda.example/bot', lookup: fleet.lookup, totalTimeoutMs: 20_000, maxBytes: 256 * 1024, perHostIntervalMs: 0 });
    const r = await patient.fetch(fleet.url('bom-gzip'));
    expect(r.end).toBe('too_large');
    expect(r.body.length).toBe(256 * 1024);
    // At most one inflater chunk past the limit was ever held.
    expect(r.bytes).toBeLessThan(256 * 1024 + 64 * 1024);
  });

  it('stops an endless redirect chain at the limit and keeps the chain', async () => {
    const r = await fetcher.fetch(fleet.url('putar'));
    expect(r.end).toBe('too_many_redirects');
    expect(r.redirects).toHaveLength(5);
    expect(r.redirects[4]!.location).toMatch(/\/r\/5$/);
  });

  it('detects a redirect loop', async () => {
    const r = await fetcher.fetch(`${fleet.url('loop')}a`);
    expect(r.end).toBe('redirect_loop');
    expect(r.redirects.map((h) => new URL(h.url).pathname)).toEqual(['/a', '/b']);
  });

  it('does not follow a redirect to another domain', async () => {
    const before = fleet.hits.get('portal-kota') ?? 0;
    const r = await fetcher.fetch(fleet.url('pindah'));
    expect(r.end).toBe('offsite_redirect');
    expect(r.offsiteLocation).toMatch(/^http:\/\/portal-kota\.test:/);
    expect(fleet.hits.get('portal-kota') ?? 0).toBe(before);
  });

  it('tells a refused connection, an unknown name and an expired certificate apart', async () => {
    const down = await fetcher.fetch(fleet.url('mati'));
    expect(down.end).toBe('connection_refused');
    expect(down.errorCode).toBe('ECONNREFUSED');
    const dns = await fetcher.fetch('http://tidak-ada.example.invalid/');
    expect(dns.end).toBe('dns_error');
    const tls = await fetcher.fetch(fleet.url('tls-kedaluwarsa'));
    expect(tls.end).toBe('tls_error');
    expect(tls.errorCode).toBe('CERT_HAS_EXPIRED');
  });

  it('sends an identifiable User-Agent, or Googlebot when asked', async () => {
    const seen: string[] = [];
    const http = await import('node:http');
    const srv = http.createServer((req, res) => {
      seen.push(req.headers['user-agent'] ?? '');
      res.end('ok');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await fetcher.fetch(`http://127.0.0.1:${port}/`);
    await fetcher.fetch(`http://127.0.0.1:${port}/`, { ua: 'googlebot' });
    await new Promise<void>((r) => srv.close(() => r()));
    expect(seen[0]).toContain('BerandaMonitor/1.0; +https://beranda.example/bot');
    expect(seen[1]).toContain('Googlebot/2.1');
  });

  it('spaces requests to one host, one at a time, and caps requests in flight across hosts', async () => {
    const limiter = new HostLimiter({ perHostIntervalMs: 100, globalConcurrency: 3 });
    const starts = new Map<string, number[]>();
    const inFlightPerHost = new Map<string, number>();
    let worstPerHost = 0;
    const task = (host: string) => async () => {
      starts.set(host, [...(starts.get(host) ?? []), Date.now()]);
      inFlightPerHost.set(host, (inFlightPerHost.get(host) ?? 0) + 1);
      worstPerHost = Math.max(worstPerHost, inFlightPerHost.get(host)!);
      await new Promise((r) => setTimeout(r, 20));
      inFlightPerHost.set(host, inFlightPerHost.get(host)! - 1);
    };
    const hosts = ['a.test', 'b.test', 'c.test', 'd.test', 'e.test'];
    await Promise.all(hosts.flatMap((h) => [1, 2, 3].map(() => limiter.run(h, task(h)))));
    expect(worstPerHost).toBe(1);
    expect(limiter.peakInFlight).toBe(3);
    for (const h of hosts) {
      const s = starts.get(h)!;
      expect(s).toHaveLength(3);
      // A lower bound only: the gap can be longer under load, never shorter (timer slack 5 ms).
      for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(95);
    }
    // Idle hosts are forgotten, so a sweep of thousands of hosts does not grow the map.
    await new Promise((r) => setTimeout(r, 150));
    expect(limiter.trackedHosts).toBe(0);
  });
});
