import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BenchRow } from './run.js';
import { stop } from './_support.js';

// Issue 16: logins per second under a password-spraying run from 50 addresses, and how long the
// owner's own sign-in takes meanwhile (from their known phone, and from a new address). The app
// runs in its own process (tests/support/child-server.ts: demo logins, SQLite, loopback; the
// spray's addresses arrive as X-Forwarded-For from the trusted loopback proxy).

const ADDRESSES = 50;
const SECONDS = 15;
const USERS = ['admin', 'walikota', 'pendamping', 'lurah.bacang', 'operator.bacang', 'operator.gabek-satu', 'operator.asam', 'operator.opas-indah'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(';')[0]!);
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function run(): Promise<BenchRow[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/child-server.ts'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, CHILD_CONFIG: JSON.stringify({ demo: true }) } });
  const port = (JSON.parse(await new Promise<string>((r) => createInterface({ input: child.stdout! }).once('line', r))) as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;

  /** One browser at one address: keeps its cookies. */
  async function browser(address: string) {
    const jar = new Map<string, string>();
    const keep = (r: Response) => {
      for (const c of cookiesOf(r)) jar.set(c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1));
      return r;
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    return async (username: string, password: string) => {
      const form = keep(await fetch(`${base}/admin/masuk`, { headers: { cookie: cookie(), 'x-forwarded-for': address } }));
      const body = new URLSearchParams({ _csrf: csrfOf(await form.text()), username, password });
      const started = performance.now();
      const res = keep(await fetch(`${base}/admin/masuk`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address }, body }));
      await res.arrayBuffer();
      jar.delete('beranda_sesi');
      return { status: res.status, ms: performance.now() - started };
    };
  }

  try {
    const phone = await browser('192.0.2.1');
    if ((await phone('lurah.bacang', 'beranda-demo')).status !== 303) throw new Error('owner could not sign in before the spray');
    const until = performance.now() + SECONDS * 1000;
    const counts = { verified: 0, throttled: 0 };
    const sprayers = Array.from({ length: ADDRESSES }, async (_, i) => {
      const login = await browser(`198.51.${100 + Math.floor(i / 250)}.${i % 250}`);
      for (let n = 0; performance.now() < until; n++) {
        const r = await login(USERS[(i + n) % USERS.length]!, `tebakan-${i}-${n}`);
        if (r.status === 429) counts.throttled++;
        else counts.verified++;
      }
    });
    const known: number[] = [];
    const fresh: number[] = [];
    const owner = (async () => {
      for (let n = 0; performance.now() < until - 1000; n++) {
        await new Promise((r) => setTimeout(r, 1000));
        known.push((await phone('lurah.bacang', 'beranda-demo')).ms);
        const laptop = await browser(`203.0.113.${n % 250}`);
        const r = await laptop('lurah.bacang', 'beranda-demo');
        if (r.status === 303) fresh.push(r.ms);
      }
    })();
    await Promise.all([...sprayers, owner]);
    const total = counts.verified + counts.throttled;
    return [
      { name: `login attempts/s during a spray from ${ADDRESSES} addresses (${SECONDS} s)`, value: total / SECONDS, unit: 'req/s' },
      { name: 'share of spray attempts answered by a delay (password not checked)', value: (100 * counts.throttled) / Math.max(1, total), unit: '%' },
      { name: 'owner sign-in from the known phone during the spray (median)', value: median(known), unit: 'ms', budget: '< 2000 ms', ok: median(known) < 2000 },
      { name: 'owner sign-in from a new address during the spray (median)', value: median(fresh), unit: 'ms', budget: '< 2000 ms', ok: fresh.length > 0 && median(fresh) < 2000 },
    ];
  } finally {
    await stop(child);
  }
}
