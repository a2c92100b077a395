import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.js';
import type { Database } from '../../src/db/database.js';
import { bootstrap } from '../../src/main/bootstrap.js';
import { demoDialogSimulator, simulatedFakes, startChannelsDemo, stopChannelsDemo } from '../../src/main/demo/channels-demo.js';
import { createLogger } from '../../src/main/logger.js';
import { type Services, composeServices } from '../../src/main/compose.js';
import { publicPagesChanged, startWeb } from '../../src/main/web.js';
import { checkTokenHealth } from '../../src/modules/channels/index.js';
import { runDueDeliveries } from '../../src/modules/publishing/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';

// Demo mode as `npm start` runs it, offline: the social platforms are the loopback fakes and
// Bacang's Facebook, Instagram and TikTok are connected "simulasi". An operator writes one post
// on a phone and it reaches the website and all three platforms, each with its permalink; another
// kelurahan posts to a registered-only Instagram through the manual kit; an expired token shows
// on the staff home.

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('journey: one post to the website, Facebook, Instagram and TikTok; a manual kit; a reconnect warning', () => {
  let b: BrowserHandle;
  let url = '';
  let config: Config;
  let database: Database;
  let services: Services;
  let server: Awaited<ReturnType<typeof startWeb>>['server'];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-e2e-channels-'));
  const shots = 'test-results';
  const deliverAll = async () => {
    for (let i = 0; i < 8; i++) await runDueDeliveries(services.publishing);
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const base = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_SECRET: 'c'.repeat(40), PUBLIC_URL: url }, dir);
    const logger = createLogger(base);
    config = await startChannelsDemo(base, logger, { fakes: { tiktokAudited: true, containerPendingReads: 0, tiktokPendingReads: 0 } });
    ({ database } = await bootstrap(config, systemClock, logger));
    services = composeServices({ db: database.db, clock: systemClock, config, onPublicChange: publicPagesChanged });
    ({ server } = await startWeb({ db: database.db, dialect: database.dialect, config, clock: systemClock, logger, services }, { dialogSimulator: demoDialogSimulator() }));
    b = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await database?.close();
    await stopChannelsDemo();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (username: string) => {
    const page = await phonePage(b);
    await page.goto(`${url}/admin/masuk`);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('beranda-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/admin\/unit\//);
    return page;
  };

  it('operator.bacang publishes once and sees every permalink', async () => {
    const page = await login('operator.bacang');
    await page.goto(`${url}/admin/unit/bacang/kanal`);
    expect(await page.locator('.channel').count()).toBe(3);
    expect(await page.locator('.channel .badge', { hasText: 'simulasi' }).count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/channels-kanal-360.png`, fullPage: true });

    await page.goto(`${url}/admin/unit/bacang/tulis`);
    await page.getByRole('button', { name: /Kegiatan/ }).click();
    await page.waitForURL(/\/kabar\//);
    await page.locator('#f-title').fill('Kerja bakti bersih selokan RW 03');
    await page.locator('#f-body').fill('Warga RW 03 bergotong royong membersihkan selokan hari Minggu pagi. Terima kasih semua yang hadir.');
    await page.locator('#tt-PUBLIC_TO_EVERYONE').check();
    await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await page.waitForURL(/\/kabar\/.+/);
    const sitePath = await page.getByRole('link', { name: /situs/i }).first().getAttribute('href');
    const donePage = page.url();

    await deliverAll();
    // The done page, reloaded: one line per account, the platform named first, saying what
    // citizens can see there (#14 point 8) — not three identical "Menunggu dikirim".
    await page.goto(donePage);
    // The journey's accounts are the built-in simulated platforms: each line says "simulasi" (#13 point 2).
    const textsOf = (list: number) =>
      page.locator('.delivery-lines').nth(list).locator('li').evaluateAll((els) => els.map((e) => String((e as unknown as { innerText: string }).innerText).replace(/\s+/g, ' ').trim()));
    expect(await textsOf(0)).toEqual([expect.stringMatching(/^Facebook @\S+ simulasi Tampil untuk umum Lihat postingan di Facebook$/), expect.stringMatching(/^Instagram @\S+ simulasi Tampil untuk umum Lihat postingan di Instagram$/), expect.stringMatching(/^TikTok @\S+ simulasi Tampil untuk umum Lihat postingan di TikTok$/)]);
    // "Kelola kabar ini": what can still be changed of each social copy, platform by platform (#14 point 3).
    expect(await textsOf(1)).toEqual([expect.stringMatching(/^Facebook: .+ Buka di Facebook$/), expect.stringMatching(/^Instagram: .+ Buka di Instagram$/), expect.stringMatching(/^TikTok: .+ Buka di TikTok$/)]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/composer-terbit-kanal-360.png`, fullPage: true });
    await page.goto(`${url}/admin/unit/bacang/kiriman`);
    await page.getByRole('link', { name: 'Lihat kiriman' }).first().click();
    await page.waitForURL(/\/kiriman\/.+/);
    const fakes = simulatedFakes()!;
    const postId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const rows = await database.db.selectFrom('deliveries').selectAll().where('post_id', '=', postId).execute();
    expect(rows.map((r) => r.platform).sort()).toEqual(['facebook', 'instagram', 'tiktok']);
    for (const row of rows) {
      // Exactly one post on each simulated platform, and the page links to it.
      const onPlatform = fakes.state.posts.filter((p) => p.platform === row.platform && p.id === row.platform_post_id);
      expect(onPlatform, row.platform).toHaveLength(1);
      const card = page.locator(`.delivery[data-platform="${row.platform}"]`);
      // The account's "simulasi" label, then the status citizens see.
      expect(await card.locator('.badge').allTextContents()).toEqual(['simulasi', 'Tampil untuk umum']);
      expect(await card.locator('a.permalink').getAttribute('href')).toBe(onPlatform[0]!.permalink);
    }
    expect(rows.every((r) => r.permalink)).toBe(true);
    expect(await page.getByText('3 dari 3 tampil untuk umum').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/channels-kiriman-360.png`, fullPage: true });

    // And the website carries the same post.
    expect(sitePath).toBeTruthy();
    await page.goto(`${url}${sitePath}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Kerja bakti bersih selokan RW 03');
  });

  it('operator.opas-indah registers Instagram, posts, and completes the manual kit with a checked link', async () => {
    const page = await login('operator.opas-indah');
    await page.goto(`${url}/admin/unit/opas-indah/kanal`);
    await page.getByLabel('Instagram').check();
    await page.getByLabel('Alamat profil').fill('https://www.instagram.com/kel.opasindah');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Akun terdaftar');

    await page.goto(`${url}/admin/unit/opas-indah/tulis`);
    await page.getByRole('button', { name: /Pengumuman/ }).click();
    await page.waitForURL(/\/kabar\//);
    await page.locator('#f-title').fill('Jadwal posyandu bulan Desember');
    await page.locator('#f-body').fill('Posyandu Melati buka Sabtu, 5 Desember 2026, pukul 08.00 WIB di balai RW 02. Bawa buku KIA.');
    await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await page.waitForURL(/\/kabar\/.+/);
    await deliverAll();

    await page.goto(`${url}/admin/unit/opas-indah/kiriman`);
    await page.getByRole('link', { name: 'Lihat kiriman' }).first().click();
    await page.getByRole('link', { name: 'Posting manual' }).click();
    await page.waitForURL(/\/manual$/);
    expect(await page.locator('#teks-kit').inputValue()).toContain('Jadwal posyandu bulan Desember');
    expect(await page.getByRole('button', { name: 'Salin teks' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/channels-kit-360.png`, fullPage: true });

    await page.getByLabel('Tautan postingan').fill('https://www.instagram.com/akun.lain/p/C0ffee123/');
    await page.getByRole('button', { name: 'Sudah diposting' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('bukan akun terdaftar @kel.opasindah');
    await page.getByLabel('Tautan postingan').fill('https://www.instagram.com/kel.opasindah/p/C0ffee123/?igsh=abc');
    await page.getByRole('button', { name: 'Sudah diposting' }).click();
    await page.waitForURL(/pesan=manual_done/);
    const card = page.locator('.delivery[data-platform="instagram"]');
    expect(await card.locator('.badge').first().textContent()).toBe('Tampil untuk umum');
    expect(await card.locator('a.permalink').getAttribute('href')).toBe('https://www.instagram.com/kel.opasindah/p/C0ffee123/');
  });

  it('an expired token shows on the staff home with the way to reconnect', async () => {
    const fakes = simulatedFakes()!;
    const page = [...fakes.state.pages.values()].find((p) => p.username === 'kel.bacang')!;
    fakes.state.expireToken(page.token);
    await checkTokenHealth(services.publishing);
    const tab = await login('operator.bacang');
    expect(await tab.getByRole('alert').first().textContent()).toContain('perlu dihubungkan ulang');
    expect(await axeViolations(tab)).toEqual([]);
    await tab.screenshot({ path: `${shots}/channels-reconnect-home-360.png`, fullPage: true });
    await tab.getByRole('link', { name: 'Hubungkan ulang sekarang' }).click();
    await tab.waitForURL(/\/kanal/);
    // The simulated consent screen stands in for Facebook offline; the Page is chosen and connected.
    await tab.locator('.channel.state-needs_reconnect').getByRole('button', { name: 'Hubungkan ulang' }).click();
    await tab.getByRole('link', { name: 'Izinkan Beranda' }).click();
    await tab.waitForURL(/\/pilih$/);
    await tab.getByRole('button', { name: 'Gunakan pilihan ini' }).click();
    await tab.waitForURL(/pesan=connected/);
    expect(await tab.locator('.channel.state-needs_reconnect').count()).toBe(0);
  });
});
