import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROUTES, type Outcome, type Who } from '../web/authz-routes.js';
import { launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { phoneViolations, type Violation } from './support/phone-promise.js';
import { seedCrawlFixtures } from './support/crawl-fixtures.js';
import { startServer, type RunningServer } from './support/server.js';
import { createAdmin } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';

// Issue 14, points 2 and 12. For each of the six roles: sign in on a 360×800 phone, then crawl
// the staff area from where the role lands by tapping only (following the links the pages show,
// never typing an address), and
// - assert that every GET route of the authorisation matrix the role may use was reached;
// - measure every screen reached against the phone promise (support/phone-promise.ts).
// Each route is visited at most PER_ROUTE times per role (different units, items, periods), which
// keeps the six crawls to a few minutes. New staff screens must pass this before they land.

const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin', walikota: 'walikota', camat: 'camat.bukit-intan', pendamping: 'pendamping', lurah: 'lurah.bacang', operator: 'operator.bacang',
};
const PER_ROUTE = 2;
/** The unit the fixtures fill (drafts, a post with deliveries): its pages are tapped first. */
const FIXTURE_UNIT = '/bacang';
/**
 * Pages that are a step of a form, not a place to tap to: they open only after a POST.
 * Each is walked by the journey named here.
 */
const AFTER_A_FORM: Record<string, string> = {
  // After "Hubungkan" and the platform's consent screen, when the account has several Pages.
  '/admin/unit/:slug/kanal/:id/pilih': 'tests/e2e/channels-journey.test.ts (reconnect)',
  // Not a page: the draft's stored version as JSON, asked for by composer.js.
  '/admin/unit/:slug/kabar/:id/versi': 'tests/composer (version endpoint)',
};

const GET_ROUTES = ROUTES.filter((r) => r.method === 'GET');
const matcher = (route: string) => new RegExp(`^${route.replace(/\./g, '\\.').replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
const PATTERNS = GET_ROUTES.map((r) => ({ route: r.route, re: matcher(r.route) }));
/** The matrix route a path belongs to (the most specific: fewest parameters). */
const routeOf = (path: string) =>
  PATTERNS.filter((p) => p.re.test(path)).sort((a, b) => (a.route.match(/:/g)?.length ?? 0) - (b.route.match(/:/g)?.length ?? 0))[0]?.route;

/** GET routes the role may use: allowed outright, or on its own unit. */
function allowedFor(who: Who): string[] {
  return GET_ROUTES.filter((r) => {
    const e = r.expect as Record<string, unknown>;
    const table = ('own' in e ? e.own : e) as Partial<Record<Who, Outcome>>;
    return table[who] === 'allow';
  }).map((r) => r.route);
}

async function login(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('beranda-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/masuk'));
}

interface Crawl {
  home: string;
  reached: Map<string, string[]>;
  violations: { url: string; v: Violation }[];
  screens: number;
  /** Files opened by a link (not screens): a scan, a picture. */
  files: string[];
  problems: string[];
}

async function crawl(page: Page, base: string): Promise<Crawl> {
  const home = new URL(page.url()).pathname;
  const result: Crawl = { home, reached: new Map(), violations: [], screens: 0, files: [], problems: [] };
  const queue = [page.url().slice(base.length)];
  const queued = new Set(queue);
  while (queue.length) {
    const url = queue.shift()!;
    const route = routeOf(new URL(url, base).pathname);
    if (!route) continue;
    const seen = result.reached.get(route) ?? [];
    if (seen.length >= PER_ROUTE) continue;
    seen.push(url);
    result.reached.set(route, seen);
    let status: number | undefined;
    let html = true;
    try {
      const res = await page.goto(base + url);
      status = res?.status();
      // A file opened from a link (a citizen's scan, an image): the browser shows it, not a screen of ours.
      html = (res?.headers()['content-type'] ?? '').startsWith('text/html');
    } catch (e) {
      // A download (PDF, spreadsheet): the browser does not show it as a page.
      if (!String(e).includes('Download is starting')) throw e;
      status = (await page.request.get(base + url)).status();
      if (status !== 200) result.problems.push(`${url}: ${status}`);
      continue;
    }
    if (status !== 200) {
      result.problems.push(`${url}: ${status}`);
      continue;
    }
    if (!html) {
      result.files.push(url);
      continue;
    }
    result.screens++;
    for (const v of await phoneViolations(page)) result.violations.push({ url, v });
    // SVG links (the dashboard's map) carry their href as an attribute, not a string property.
    const links: string[] = await page.evaluate(() =>
      [...(globalThis as any).document.querySelectorAll('a[href]')].map((a: any) => new URL(a.getAttribute('href'), (globalThis as any).location.href).href as string),
    );
    for (const href of links) {
      const u = new URL(href);
      if (u.protocol !== 'http:' || u.origin !== new URL(base).origin || !u.pathname.startsWith('/admin') || u.pathname === '/admin/keluar') continue;
      const next = u.pathname + u.search;
      if (!queued.has(next)) {
        queued.add(next);
        // Tap into the fixture unit before the others, so its drafts and deliveries are met.
        const first = queue.findIndex((q) => !q.includes(FIXTURE_UNIT));
        if (next.includes(FIXTURE_UNIT) && first >= 0) queue.splice(first, 0, next);
        else queue.push(next);
      }
    }
  }
  return result;
}

const report = (c: Crawl) =>
  c.violations.map(({ url, v }) => `${url}  ${v.kind}  ${v.size}  ${v.where}`);

describe('staff area: every page reachable by tapping, and the phone promise, per role', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  beforeAll(async () => {
    server = await startServer();
    await seedCrawlFixtures(server);
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('the sign-in page keeps the phone promise', async () => {
    const page = await phonePage(b);
    await page.goto(`${server.url}/admin/masuk`);
    expect(await phoneViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a failed photo upload: the message and "Coba kirim lagi" keep the phone promise', async () => {
    const page = await phonePage(b);
    await login(page, server.url, USERS.operator);
    const draft = await server.db.selectFrom('composer_drafts').select('id').where('title', '=', 'Draf jadwal posyandu').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/admin/unit/bacang/kabar/${draft.id}`);
    // The server refuses the photo (as after a lost connection, the script offers to send again).
    await page.route('**/foto', (route) => route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ ok: false, message: 'Foto belum terkirim.' }) }));
    await page.locator('input[type=file]').first().setInputFiles({ name: 'kegiatan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    const again = page.getByRole('button', { name: 'Coba kirim lagi' });
    await again.waitFor();
    expect(await phoneViolations(page)).toEqual([]);
    const box = (await again.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await page.context().close();
  });

  it('a province admin: "Wilayah kerja" is a tap from its home, keeps the phone promise, and opens a regency', async () => {
    await importRegion(server.db, '19.01', systemClock);
    const made = await createAdmin(server.db, systemClock, { username: 'admin.babel', displayName: 'Admin Provinsi', password: 'Wilayah-kerja-2026!', region: '19', mustChangePassword: false, via: 'cli' });
    if (!made.ok) throw new Error(made.error);
    const page = await phonePage(b);
    await page.goto(`${server.url}/admin/masuk`);
    await page.getByLabel('Nama pengguna').fill('admin.babel');
    await page.getByLabel('Kata sandi').fill('Wilayah-kerja-2026!');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/admin/masuk'));
    await page.getByRole('link', { name: 'Wilayah kerja' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/cakupan');
    expect(report({ violations: (await phoneViolations(page)).map((v) => ({ url: '/admin/cakupan', v })) } as Crawl)).toEqual([]);
    await page.locator('li', { hasText: 'Kabupaten Bangka' }).getByRole('button', { name: 'Buka' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/admin/cakupan'));
    await page.goto(`${server.url}/admin/cakupan`);
    expect(await page.textContent('main')).toContain('Yang sedang dibuka: Kabupaten Bangka (19.01).');
    await page.context().close();
  });

  for (const who of Object.keys(USERS) as (keyof typeof USERS)[]) {
    it(`${who}: reaches every allowed staff page from its home, and each one keeps the phone promise`, async () => {
      const page = await phonePage(b);
      await login(page, server.url, USERS[who]);
      await page.screenshot({ path: `test-results/home-${who}-360.png` });
      const c = await crawl(page, server.url);
      await page.context().close();
      const missing = allowedFor(who).filter((r) => !c.reached.has(r) && !(r in AFTER_A_FORM));
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/phone-promise-${who}.txt`, `${report(c).join('\n')}\n`);
      console.log(`${who}: home ${c.home}, ${c.screens} screens, ${c.reached.size} routes, ${c.violations.length} violations; files: ${c.files.join(' ') || 'none'}`);
      expect(c.problems, 'links that lead nowhere').toEqual([]);
      expect(missing, `routes ${who} may use but cannot reach by tapping from ${c.home}`).toEqual([]);
      expect(report(c), 'phone promise at 360×800').toEqual([]);
    });
  }
});
