import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('journey: an operator signs in on a phone', () => {
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

  it('operator.bacang logs in and sees Bacang; another kelurahan’s staff page is refused', async () => {
    const page = await phonePage(b);
    await page.goto(`${server.url}/admin`);
    await expect.poll(() => page.url()).toContain('/admin/masuk');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nama pengguna').fill('operator.bacang');
    await page.getByLabel('Kata sandi').fill('beranda-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/unit\/bacang$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Bacang');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/operator-home-360.png', fullPage: true });

    const refused = await page.goto(`${server.url}/admin/unit/gabek-satu`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Anda tidak punya akses');
  });

  it('a wrong password keeps the username and says what to do', async () => {
    const page = await phonePage(b);
    await page.goto(`${server.url}/admin/masuk`);
    await page.getByLabel('Nama pengguna').fill('lurah.bacang');
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nama pengguna atau kata sandi salah');
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('lurah.bacang');
  });
});
