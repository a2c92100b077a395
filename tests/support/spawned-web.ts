import { request as httpRequest } from 'node:http';
import { openDatabase } from '../../src/db/database.js';
import { createAdmin } from '../../src/modules/accounts/index.js';
import { type Config } from '../../src/config/index.js';
import { systemClock } from '../../src/shared/clock.js';

// What the tests of separately started `npm start` processes share (web-processes,
// several-machines, four-processes): one HTTP request on a connection of its own (so a cluster
// parent hands it to the next web process), and the city's first admin signing in and
// publishing a post through the plain content form.

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SendInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export const send = (port: number, p: string, init: SendInit = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: p, method: init.method ?? 'GET', agent: false, headers: { connection: 'close', ...init.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${p} within 30 s`)));
    req.on('error', reject);
    req.end(init.body);
  });

export const ADMIN = { username: 'admin.kota', password: 'Kunci-rahasia-panjang-2026!' };

/** The city's first admin, made the way `beranda users create-admin` does. */
export async function createCityAdmin(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  try {
    const made = await createAdmin(database.db, systemClock, { username: ADMIN.username, displayName: 'Admin Kota', password: ADMIN.password, region: config.region, mustChangePassword: false, via: 'cli' });
    if (!made.ok) throw new Error(`create-admin failed: ${JSON.stringify(made)}`);
  } finally {
    await database.close();
  }
}

/** A signed-in admin's browser: cookies kept, forms posted with their CSRF token. */
export async function signIn(port: number): Promise<{ publish(slug: string, title: string, body: string): Promise<Answer> }> {
  const cookies = new Map<string, string>();
  const keep = (r: Answer) => {
    for (const line of ([] as string[]).concat(r.headers['set-cookie'] ?? [])) {
      const [pair] = line.split(';');
      const [k, v] = pair!.split('=');
      cookies.set(k!.trim(), v ?? '');
    }
    return r;
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  const loginPage = keep(await send(port, '/admin/masuk'));
  const login = keep(await send(port, '/admin/masuk', form({ _csrf: csrfOf(loginPage.body), username: ADMIN.username, password: ADMIN.password })));
  if (login.status !== 303) throw new Error(`sign-in answered ${login.status}`);
  return {
    async publish(slug, title, body) {
      const editor = keep(await send(port, `/admin/unit/${slug}/konten/baru`, { headers: { cookie: cookie() } }));
      if (editor.status !== 200) throw new Error(`editor answered ${editor.status}`);
      return send(port, `/admin/unit/${slug}/konten`, form({ _csrf: csrfOf(editor.body), kind: 'berita', title, body, bodyFormat: 'text', status: 'published' }));
    },
  };
}

/** Milliseconds until `page` on `port` shows `text` (Infinity if not within `limitMs`). */
export async function msUntilShown(port: number, page: string, text: string, limitMs = 5_000): Promise<number> {
  const at = performance.now();
  while (performance.now() - at < limitMs) {
    if ((await send(port, page)).body.includes(text)) return performance.now() - at;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Infinity;
}
