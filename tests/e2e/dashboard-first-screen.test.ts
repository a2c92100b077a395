import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { phoneViolations } from './support/phone-promise.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 14, point 6: pimpinan, camat and admin kota land on the dashboard, and its first screen
// names the hijacked and failing units — without scrolling on a 360×800 phone and on a
// 1920×1080 meeting-room screen; the camat's view and rapor carry the kecamatan's name.

async function login(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('beranda-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/masuk'));
}

/** The named units of "Perlu perhatian" and whether each is inside the first screen. */
const named = (page: Page) =>
  page.locator('.attention-list li').evaluateAll((lis) =>
    lis.map((li) => ({ name: (li.querySelector('a')?.textContent ?? '').trim(), text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(), visible: li.getBoundingClientRect().bottom <= (globalThis as any).innerHeight })),
  );

describe('journey: the dashboard’s first screen names names', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('walikota on a phone lands on the dashboard and sees the hijacked and failing units without scrolling', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'walikota');
    expect(new URL(page.url()).pathname).toBe('/admin/dasbor');
    const list = await named(page);
    expect(list.length).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/dashboard-first-screen-360.png' });
    for (const u of list) expect(u.visible, u.text).toBe(true);
    expect(list.map((u) => u.text).join('\n')).toMatch(/Terindikasi dibobol|Tidak memenuhi/);
    expect(await phoneViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/dashboard-first-screen-360.png' });
  });

  it('admin kota at 1920×1080 sees them on the first screen too', async () => {
    const ctx = await b.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await ctx.newPage();
    await login(page, server.url, 'admin');
    expect(new URL(page.url()).pathname).toBe('/admin/dasbor');
    const list = await named(page);
    expect(list.length).toBeGreaterThan(0);
    for (const u of list) expect(u.visible, u.text).toBe(true);
    await page.screenshot({ path: 'test-results/dashboard-first-screen-1920.png' });
    await ctx.close();
  });

  it('the camat’s dashboard and rapor carry the kecamatan’s name', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'camat.bukit-intan');
    await page.goto(`${server.url}/admin/dasbor`);
    expect(await page.locator('p.lead').textContent()).toContain('Kecamatan Bukit Intan, Kota Pangkalpinang');
    for (const u of await named(page)) expect(u.visible, u.text).toBe(true);
    const pdf = await page.request.get(`${server.url}/admin/dasbor/rapor.pdf`);
    expect(pdf.status()).toBe(200);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await pdf.body()), disableFontFace: true }).promise;
    const first = (await (await doc.getPage(1)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' ');
    await doc.destroy();
    expect(first).toContain('Kecamatan Bukit Intan, Kota Pangkalpinang');
    expect(first).toContain('Perlu perhatian');
  });
});
