import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { LookupFunction } from 'node:net';
import { staticLookup } from '../../modules/monitoring/fetcher.js';
import type { FixturePost } from './pages.js';
import { type FixtureResponse, type FixtureSite, type FleetState, fixtureSites } from './fixtures.js';
import { createSecureContext } from 'node:tls';
import { makeFleetCertificates } from './tls-cert.js';

// One loopback HTTP server (and one HTTPS server for the certificate cases), routed by
// the Host header: `http://<name>.test:<port>/`. Host-name routing lets thousands of simulated
// sites share one port, and the monitor's DNS override (`lookup`) sends every `.test` name to
// 127.0.0.1, so nothing ever leaves the machine. RDAP answers at `http://rdap.test:<port>/rdap/`.

export interface Fleet {
  port: number;
  /** A loopback port nobody listens on, for the "down" sites. */
  closedPort: number;
  httpsPort: number | null;
  sites: FixtureSite[];
  /** Base URL of a site, e.g. http://wp-segar.test:41234/ */
  url(name: string): string;
  lookup: LookupFunction;
  /** CA that signed the HTTPS fixtures' certificates (all but the self-signed one). */
  caPem: string | null;
  rdapBase: string;
  /** Publishes a post on a site while the test runs. */
  publish(name: string, post: FixturePost): void;
  /** Requests served, per site name ('rdap' for the RDAP server). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export interface FleetOptions {
  now: () => Date;
  sites?: FixtureSite[];
  /** Extra resolver for simulated sites (bench): return null for unknown names. */
  resolve?: (name: string) => FixtureSite | null;
  withHttps?: boolean;
}

const isTest = (host: string) => host.endsWith('.test');

function send(res: http.ServerResponse, r: FixtureResponse): void {
  if ('stream' in r) return r.stream(res);
  const body = r.body ?? '';
  res.writeHead(r.status, { 'content-length': Buffer.byteLength(body), ...(r.headers ?? {}) });
  res.end(body);
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const sites = options.sites ?? fixtureSites();
  const byName = new Map(sites.map((s) => [s.name, s]));
  const state: FleetState = new Map();
  const hits = new Map<string, number>();
  let port = 0;
  let httpsPort: number | null = null;
  const closedPort = await freePort();

  const handler = (scheme: 'http' | 'https') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const name = host.replace(/\.test$/, '').replace(/^www\./, '');
    const path = req.url ?? '/';
    const now = options.now();
    if (name === 'rdap') {
      hits.set('rdap', (hits.get('rdap') ?? 0) + 1);
      return send(res, rdap(path, now));
    }
    const site = byName.get(name) ?? options.resolve?.(name) ?? null;
    hits.set(name, (hits.get(name) ?? 0) + 1);
    if (!site) return send(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such fixture' });
    const origin = `${scheme}://${host}:${scheme === 'https' ? httpsPort : port}`;
    send(res, site.handle({ name, path, googlebot: /Googlebot/i.test(req.headers['user-agent'] ?? ''), origin, now }, state));
  };

  const rdap = (path: string, now: Date): FixtureResponse => {
    const m = path.match(/^\/rdap\/domain\/([^/?]+)/);
    if (!m) return { status: 404, body: '' };
    const domain = decodeURIComponent(m[1]!);
    const site = byName.get(domain.replace(/\.test$/, '')) ?? options.resolve?.(domain.replace(/\.test$/, ''));
    if (!site) return { status: 404, headers: { 'content-type': 'application/rdap+json' }, body: '{"errorCode":404}' };
    const expires = new Date(now.getTime() + (site.domainExpiresInDays ?? 200) * 86400_000).toISOString();
    return {
      status: 200,
      headers: { 'content-type': 'application/rdap+json' },
      body: JSON.stringify({ objectClassName: 'domain', ldhName: domain, events: [{ eventAction: 'registration', eventDate: '2019-01-01T00:00:00Z' }, { eventAction: 'expiration', eventDate: expires }] }),
    };
  };

  const server = http.createServer({ keepAliveTimeout: 5_000 }, handler('http'));
  server.maxConnections = 10_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;

  let tlsServer: https.Server | null = null;
  let caPem: string | null = null;
  const tlsSites = sites.filter((s) => s.scheme === 'https').map((s) => ({ host: `${s.name}.test`, kind: s.cert ?? 'expired' }));
  if ((options.withHttps ?? true) && tlsSites.length > 0) {
    const certs = makeFleetCertificates(tlsSites, options.now());
    caPem = certs.caPem;
    const contexts = new Map([...certs.byHost].map(([h, c]) => [h, createSecureContext({ key: c.keyPem, cert: c.certPem })]));
    const first = [...certs.byHost.values()][0]!;
    // One server, one certificate per name (SNI), as a shared host serves many sites.
    tlsServer = https.createServer(
      { key: first.keyPem, cert: first.certPem, SNICallback: (name, cb) => cb(null, contexts.get(name.toLowerCase()) ?? contexts.values().next().value) },
      handler('https'),
    );
    await new Promise<void>((r) => tlsServer!.listen(0, '127.0.0.1', r));
    httpsPort = (tlsServer.address() as AddressInfo).port;
  }

  return {
    port,
    closedPort,
    httpsPort,
    sites,
    url(name) {
      const s = byName.get(name) ?? options.resolve?.(name);
      if (s?.scheme === 'https') return `https://${name}.test:${httpsPort}/`;
      if (s?.scheme === 'closed') return `http://${name}.test:${closedPort}/`;
      if (s?.scheme === 'nxdomain') return `http://${name}.invalid:${port}/`;
      return `http://${name}.test:${port}/`;
    },
    lookup: staticLookup('127.0.0.1', isTest),
    caPem,
    rdapBase: `http://rdap.test:${port}/rdap/`,
    publish(name, post) {
      state.set(name, [...(state.get(name) ?? []), post]);
    },
    hits,
    async close() {
      server.closeAllConnections();
      tlsServer?.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => server.close(() => r())),
        tlsServer ? new Promise<void>((r) => tlsServer!.close(() => r())) : Promise.resolve(),
      ]);
    },
  };
}

/** A loopback port nobody listens on: connecting to it is refused at once ("down"). */
async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}
