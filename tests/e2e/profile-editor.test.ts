import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getProfile } from '../../src/modules/profile/index.js';
import { launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { phoneViolations } from './support/phone-promise.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 14, points 4 and 5 on a 360×800 phone, by tapping: the operator opens the profile from
// their home, every section passes the phone promise (and is photographed for a person to look
// at), "Identitas" saves with its pre-filled coordinates and with one typed with a comma, the
// logo comes from the phone's files, a list grows with "Tambah 3 baris".

const SECTIONS = ['identitas', 'narasi', 'aparatur', 'wilayah', 'lembaga', 'sarana', 'potensi', 'statistik'];

describe('journey: an operator fills in the profile on a phone', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  let page: Page;
  let bacang: string;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    page = await phonePage(b);
    bacang = (await server.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    mkdirSync('test-results', { recursive: true });
    await page.goto(`${server.url}/admin/masuk`);
    await page.getByLabel('Nama pengguna').fill('operator.bacang');
    await page.getByLabel('Kata sandi').fill('beranda-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/unit\/bacang$/);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('every section is reached by tapping and keeps the phone promise', async () => {
    await page.getByRole('link', { name: 'Profil Kelurahan', exact: false }).first().click();
    await page.waitForURL(/\/profil$/);
    for (const s of SECTIONS) {
      await page.locator(`a[href$="/profil/${s}"]`).click();
      await page.waitForURL(new RegExp(`/profil/${s}$`));
      await page.screenshot({ path: `test-results/profil-${s}-360.png`, fullPage: true });
      expect(await phoneViolations(page), s).toEqual([]);
      await page.goBack();
    }
  });

  it('"Identitas" saves with its pre-filled coordinates, then with a latitude typed with a comma', async () => {
    await page.goto(`${server.url}/admin/unit/bacang/profil/identitas`);
    const lat = await page.locator('#f-lat').inputValue();
    expect(lat).not.toBe('');
    await page.getByRole('button', { name: 'Simpan' }).last().click();
    await page.waitForURL(/\/profil\?ok=identitas$/);

    await page.goto(`${server.url}/admin/unit/bacang/profil/identitas`);
    await page.locator('#f-lat').fill('-2,1342');
    await page.getByRole('button', { name: 'Simpan' }).last().click();
    await page.waitForURL(/\/profil\?ok=identitas$/);
    expect((await getProfile(server.db, bacang)).profile.identitas.lat).toBe(-2.1342);
  });

  it('the logo is picked from the phone and shown after saving; a wrong coordinate keeps the typed address', async () => {
    await page.goto(`${server.url}/admin/unit/bacang/profil/identitas`);
    const logo = await sharp({ create: { width: 512, height: 512, channels: 4, background: { r: 20, g: 90, b: 40, alpha: 1 } } }).png().toBuffer();
    await page.locator('#f-logo-file').setInputFiles({ name: 'logo-bacang.png', mimeType: 'image/png', buffer: logo });
    await page.locator('#f-alamatKantor').fill('Jl. Depati Hamzah No. 7, Bacang');
    await page.locator('#f-lng').fill('-2.13');
    await page.getByRole('button', { name: 'Simpan' }).last().click();
    // Refused for the longitude: the address typed is still there, the problem next to the field.
    await expect.poll(() => page.locator('#f-lng-err').textContent()).toContain('di luar Indonesia');
    expect(await page.locator('#f-alamatKantor').inputValue()).toBe('Jl. Depati Hamzah No. 7, Bacang');
    await page.screenshot({ path: 'test-results/profil-identitas-error-360.png', fullPage: true });
    expect(await phoneViolations(page)).toEqual([]);
    // The logo sent with the refused form is kept: fix the longitude and save.
    expect(await page.locator('#f-logo img.photo-preview').count()).toBe(1);
    await page.locator('#f-lng').fill('106.1021');
    await page.getByRole('button', { name: 'Simpan' }).last().click();
    await page.waitForURL(/\/profil\?ok=identitas$/);
    const { identitas } = (await getProfile(server.db, bacang)).profile;
    expect(identitas.logo).toMatch(/^\/media\//);
    expect(identitas.alamatKantor).toBe('Jl. Depati Hamzah No. 7, Bacang');
    const shown = await page.request.get(`${server.url}${identitas.logo}`);
    expect(shown.status()).toBe(200);
  });

  it('a list grows with "Tambah 3 baris" and a new row is saved', async () => {
    await page.goto(`${server.url}/admin/unit/bacang/profil/lembaga`);
    const rows = await page.locator('fieldset.row-item').count();
    await page.getByRole('button', { name: 'Tambah 3 baris' }).click();
    await expect.poll(() => page.locator('fieldset.row-item').count()).toBe(rows + 3);
    const last = page.locator('fieldset.row-item').last();
    await last.getByLabel('Jenis lembaga', { exact: false }).fill('Karang Taruna');
    await last.getByLabel('Nama lembaga').fill('Karang Taruna Tunas Harapan');
    await page.getByRole('button', { name: 'Simpan' }).last().click();
    await page.waitForURL(/\/profil\?ok=lembaga$/);
    const items = (await getProfile(server.db, bacang)).profile.lembaga.items;
    expect(items.map((i) => i.nama)).toContain('Karang Taruna Tunas Harapan');
  });
});
