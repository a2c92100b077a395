import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FleetState } from '../../src/fakes/fleet/fixtures.js';
import { simulatedName, simulatedSite } from '../../src/fakes/fleet/simulated.js';

// The simulated kelurahan fleet for processes started on their own (`npm start`), which resolve
// names through the real DNS and so cannot reach k00001.test: every site gets a loopback address
// of its own (127.0.0.2, 127.0.0.3, …: Linux routes all of 127/8 to the loopback interface) and
// is reached as http://127.0.0.N:<port>/ (MONITOR_ALLOW=127.0.0.0/8). Separate addresses keep the
// crawler's per-host spacing per site, as with real sites. Each answer can be held back a little.

export interface PortFleet {
  urls: string[];
  requests(): number;
  close(): Promise<void>;
}

export async function startPortFleet(count: number, o: { delayMs?: number } = {}): Promise<PortFleet> {
  if (count > 250) throw new Error('startPortFleet: at most 250 sites (one loopback address each)');
  const state: FleetState = new Map();
  let requests = 0;
  const servers: http.Server[] = [];
  const urls: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = simulatedName(i);
    const site = simulatedSite(name)!;
    const address = `127.0.0.${i + 1}`;
    const server = http.createServer((req, res) => {
      requests++;
      const origin = `http://${address}:${(server.address() as AddressInfo).port}`;
      setTimeout(() => {
        const r = site.handle({ name, path: req.url ?? '/', googlebot: /Googlebot/i.test(req.headers['user-agent'] ?? ''), origin, now: new Date() }, state);
        if ('stream' in r) return r.stream(res);
        const body = r.body ?? '';
        res.writeHead(r.status, { 'content-length': Buffer.byteLength(body), ...(r.headers ?? {}) });
        res.end(body);
      }, o.delayMs ?? 0);
    });
    await new Promise<void>((r) => server.listen(0, address, r));
    servers.push(server);
    urls.push(`http://${address}:${(server.address() as AddressInfo).port}/`);
  }
  return {
    urls,
    requests: () => requests,
    async close() {
      await Promise.all(servers.map((s) => (s.closeAllConnections(), new Promise<void>((r) => s.close(() => r())))));
    },
  };
}
