import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// Journey: the mayor opens the dashboard on his phone and on the meeting-room screen; the camat
// of Bukit Intan sees only his kelurahan. Accessibility is checked with axe on every page,
// nothing may overflow a 360 px screen, and screenshots are kept for people to look at.

async function login(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('beranda-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/admin(\/|$)/);
}

const overflow = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).innerWidth);

describe('journey: pimpinan dashboard', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('walikota reads the status of all kelurahan on a 360 px phone, without JavaScript needed', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'walikota');
    await page.goto(`${server.url}/admin/dasbor`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dasbor kanal digital');
    expect(await page.locator('table.grid tbody tr').count()).toBe(46);
    expect(await page.locator('.verdict').first().textContent()).toMatch(/Memenuhi|Tidak memenuhi|Belum pasti|Terindikasi dibobol/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/dashboard-status-360.png', fullPage: false });
    await page.locator('.grid-group').first().screenshot({ path: 'test-results/dashboard-grid-360.png' });

    await page.getByLabel(/Hanya yang belum memenuhi/).check();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/gagal=1/);
    const failing = await page.locator('table.grid tbody tr').count();
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(46);
    expect(await page.locator('table.grid tr.r-pass').count()).toBe(0);

    for (const [path, shot] of [['/admin/dasbor/peringkat', 'ranking'], ['/admin/dasbor/tren', 'trend'], ['/admin/dasbor/peta', 'map'], ['/admin/dasbor/unit/air-salemba', 'unit']] as const) {
      await page.goto(`${server.url}${path}`);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), path).toEqual([]);
      await page.screenshot({ path: `test-results/dashboard-${shot}-360.png`, fullPage: false });
    }
  });

  it('fits a 1920 px meeting-room screen', async () => {
    const ctx = await b.browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await ctx.newPage();
    await login(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/dasbor`);
    expect(await page.locator('table.grid thead').first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/dashboard-status-1920.png', fullPage: false });
    await page.locator('.grid-group').first().screenshot({ path: 'test-results/dashboard-grid-1920.png' });
    await page.goto(`${server.url}/admin/dasbor/peta`);
    await page.screenshot({ path: 'test-results/dashboard-map-1920.png', fullPage: false });
    await page.goto(`${server.url}/admin/pemantauan/aturan`);
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('camat of Bukit Intan sees only Bukit Intan, an operator is refused', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'camat.bukit-intan');
    await page.goto(`${server.url}/admin/dasbor`);
    const names = await page.locator('table.grid tbody th[scope=row] a').allTextContents();
    expect(names).toContain('Bacang');
    expect(names).not.toContain('Gabek Satu');
    expect(await page.locator('h3').allTextContents()).toEqual(['Kecamatan Bukit Intan']);

    const op = await phonePage(b);
    await login(op, server.url, 'operator.bacang');
    const refused = await op.goto(`${server.url}/admin/dasbor`);
    expect(refused?.status()).toBe(403);
    await op.goto(`${server.url}/admin/unit/bacang/pemantauan`);
    expect(await op.getByRole('heading', { level: 1 }).textContent()).toBe('Pemantauan Bacang');
    expect(await overflow(op)).toBeLessThanOrEqual(0);
    expect(await axeViolations(op)).toEqual([]);
    await op.screenshot({ path: 'test-results/monitoring-unit-360.png', fullPage: false });
  });
});
