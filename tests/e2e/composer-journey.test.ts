import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisyPhoto } from '../media/fixtures.js';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// The journey: a first-time operator on a 360×800 phone goes from the staff home to a
// published post with two photos in at most 5 taps and 2 swipes plus typing, and the post is on
// the public site. Every composer step is screenshotted (test-results/composer/) and checked with axe.

const SHOTS = 'test-results/composer';

async function login(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('beranda-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
}

async function photoFile(name: string, w: number, h: number) {
  return { name, mimeType: 'image/jpeg', buffer: await noisyPhoto(w, h) };
}

describe('journey: a first-time operator publishes a post with two photos from a phone', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  beforeAll(async () => {
    mkdirSync(`${SHOTS}/guide`, { recursive: true });
    server = await startServer();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('home → Tulis kabar → Kegiatan → two photos → Terbitkan → seen on the site, in ≤ 5 taps', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'operator.gabek-satu');
    await page.waitForURL(/\/admin\/unit\/gabek-satu$/);
    // A thumb's view: a target can be tapped or typed into once its middle is on the screen and
    // not under the sticky action bar. Each scroll of at most 80 % of the screen is one swipe;
    // a scroll the browser makes by itself during a tap or typing is counted as a swipe too.
    let taps = 0;
    let swipes = 0;
    const reach = async (l: Locator) => {
      for (let guard = 0; guard < 20; guard++) {
        const box = (await l.boundingBox())!;
        const { bottom, height } = await page.evaluate(() => {
          const g = globalThis as any;
          const r = g.document.querySelector('.action-bar')?.getBoundingClientRect();
          // The bar hides what is under it only while it is stuck to the bottom of the screen.
          const stuck = r && Math.abs(r.bottom - g.innerHeight) < 2;
          return { bottom: stuck ? (r.top as number) : (g.innerHeight as number), height: g.innerHeight as number };
        });
        const inBar = await l.evaluate((el) => !!el.closest('.action-bar'));
        const limit = inBar ? height : bottom;
        const mid = box.y + box.height / 2;
        if (mid >= 0 && mid <= limit) return;
        // Down the page a thumb flicks a whole swipe (more of what comes next is then on the
        // screen), keeping the target in sight; back up, just far enough.
        const dy = mid > limit ? Math.min(0.8 * height, mid - 120) : Math.max(-0.8 * height, mid - limit / 2);
        swipes++;
        await page.evaluate((d) => (globalThis as any).scrollBy(0, d), dy);
      }
      throw new Error('target never came on screen');
    };
    const unprompted = async (action: () => Promise<void>) => {
      const before = await page.evaluate(() => (globalThis as any).scrollY);
      await action();
      const after = await page.evaluate(() => (globalThis as any).scrollY);
      if (Math.abs(after - before) > 1) swipes += Math.ceil(Math.abs(after - before) / 640);
    };
    const tap = async (l: Locator) => {
      await reach(l);
      taps++;
      await l.click();
    };
    const type = async (l: Locator, text: string) => {
      await reach(l);
      await unprompted(() => l.fill(text));
    };
    // Pictures never move the person's place on the page (nor count as, or save, a swipe).
    const keepPlace = async (take: () => Promise<unknown>) => {
      const y = await page.evaluate(() => (globalThis as any).scrollY);
      await take();
      await page.evaluate((to) => (globalThis as any).scrollTo(0, to), y);
    };
    const shot = (name: string) =>
      keepPlace(async () => {
        expect(await axeViolations(page), name).toEqual([]);
        await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      });
    // Phone-screen pictures (360 px, what the user sees) for the beginner guides.
    const guideShot = (name: string, at?: string) =>
      keepPlace(async () => {
        if (at) await page.locator(at).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/guide/${name}.png`, scale: 'css' });
      });

    await shot('1-beranda');
    await guideShot('1-beranda');
    await tap(page.getByRole('link', { name: /Tulis kabar/ }));
    await page.waitForURL(/\/tulis$/);
    await shot('2-pilih-jenis');
    await guideShot('2-pilih-jenis');

    await tap(page.getByRole('button', { name: /Kegiatan/ }));
    await page.waitForURL(/\/kabar\/[a-z0-9]+$/);
    await shot('3-tulis-kosong');

    await type(page.getByLabel('1. Judul'), 'Kerja bakti membersihkan selokan RT 03');
    await type(page.getByLabel('2. Isi kabar'), 'Hari Sabtu warga RT 03 dan perangkat Kelurahan Gabek Satu membersihkan selokan di Jalan Melati.\n\nKegiatan diikuti 40 warga. Terima kasih untuk semua yang ikut serta.');
    await shot('3-tulis');
    await guideShot('3-tulis', 'label[for="f-title"]');

    const chooser = page.waitForEvent('filechooser');
    await tap(page.getByText('Tambah foto dari kamera atau galeri'));
    await (await chooser).setFiles([await photoFile('IMG_001.jpg', 1600, 1200), await photoFile('IMG_002.jpg', 1200, 1600)]);
    await expect.poll(() => page.locator('#photos li.photo').count(), { timeout: 30_000 }).toBe(2);
    const thumbs = () => page.locator('#photos img').evaluateAll((imgs) => imgs.filter((i) => (i as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0).length);
    await expect.poll(thumbs).toBe(2);
    await type(page.getByLabel(/Foto 1: Apa yang terlihat/), 'Warga membersihkan selokan');
    await type(page.getByLabel(/Foto 2: Apa yang terlihat/), 'Perangkat kelurahan mengangkut sampah');
    // The preview follows each autosave: the first photo replaces the image-card placeholder.
    await expect.poll(() => page.locator('[data-preview="website"] [data-frame] img').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Tersimpan');
    const where = await page.evaluate(() => (globalThis as any).scrollY);
    await shot('4-foto');
    await guideShot('4-foto', '#photos li.photo');
    await keepPlace(async () => {
      await page.locator('fieldset[data-step="pratinjau"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/5-pratinjau.png` });
    });
    await guideShot('5-pratinjau', '.action-bar');

    // The main action is on the screen wherever the page is scrolled (sticky action bar).
    const publish = page.getByRole('button', { name: 'Terbitkan sekarang' });
    await reach(publish);
    for (const y of [0, 1500, where]) {
      await page.evaluate((to) => (globalThis as any).scrollTo(0, to), y);
      const box = (await publish.boundingBox())!;
      expect(box.y + box.height, `at scroll ${y}`).toBeLessThanOrEqual(800);
      expect(box.y, `at scroll ${y}`).toBeGreaterThanOrEqual(0);
    }
    await tap(publish);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kabar sudah terbit');
    await shot('6-terbit');
    await guideShot('6-terbit');
    const doneUrl = page.url();

    await tap(page.getByRole('link', { name: 'Lihat di situs web' }));
    await page.waitForURL(/\/gabek-satu\/berita\//);
    const publicUrlOf = page.url();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kerja bakti membersihkan selokan RT 03');
    // Both photos are on the page and actually load (served from the media store).
    const loaded = () => page.locator('main img').evaluateAll((imgs) => imgs.filter((i) => (i as unknown as { complete: boolean; naturalWidth: number }).complete && (i as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0).length);
    await expect.poll(loaded).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}/7-situs.png`, fullPage: true });
    expect(taps).toBeLessThanOrEqual(5);
    expect(taps).toBe(5);
    expect(swipes, 'swipes after login').toBeLessThanOrEqual(2);

    // And it is listed on the kelurahan's site.
    await page.goto(`${server.url}/gabek-satu/berita`);
    expect(await page.content()).toContain('Kerja bakti membersihkan selokan RT 03');

    // A typo seen after publishing (#14 point 3): back on the done page, "Ubah judul, teks atau
    // foto", fix the title, save — the public page at the same address shows the fix.
    await page.goto(doneUrl);
    await page.getByRole('link', { name: 'Ubah judul, teks atau foto' }).click();
    await page.waitForURL(/\/ubah$/);
    await page.getByLabel('Judul').fill('Kerja bakti membersihkan selokan RT 04');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(() => page.getByText('Perubahan disimpan dan sudah tampil di situs.').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/8-diubah.png`, fullPage: true });
    await page.goto(publicUrlOf);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kerja bakti membersihkan selokan RT 04');
  });

  it('a draft survives a reload, and text typed without signal comes back after the tab is closed', async () => {
    const ctxPage = await phonePage(b);
    await login(ctxPage, server.url, 'operator.bacang');
    await ctxPage.goto(`${server.url}/admin/unit/bacang/tulis`);
    await ctxPage.getByRole('button', { name: /Pengumuman/ }).click();
    await ctxPage.waitForURL(/\/kabar\/[a-z0-9]+$/);
    const draftUrl = ctxPage.url();
    await ctxPage.getByLabel('1. Judul').fill('Jadwal posyandu Desember');
    await expect.poll(() => ctxPage.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Tersimpan');
    await ctxPage.reload();
    expect(await ctxPage.getByLabel('1. Judul').inputValue()).toBe('Jadwal posyandu Desember');

    // Signal gone: the text is kept on the phone; the tab is closed; later it comes back.
    await ctxPage.context().setOffline(true);
    await ctxPage.getByLabel('1. Judul').fill('Jadwal posyandu Desember (diubah tanpa sinyal)');
    await expect.poll(() => ctxPage.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Belum tersimpan');
    await ctxPage.screenshot({ path: `${SHOTS}/8-tanpa-sinyal.png` });
    await ctxPage.close();
    const again = await ctxPage.context().newPage();
    await ctxPage.context().setOffline(false);
    await again.goto(draftUrl);
    expect(await again.getByLabel('1. Judul').inputValue()).toBe('Jadwal posyandu Desember (diubah tanpa sinyal)');
    await expect.poll(() => again.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Tersimpan');
    await again.reload();
    expect(await again.getByLabel('1. Judul').inputValue()).toBe('Jadwal posyandu Desember (diubah tanpa sinyal)');
  });

  it('an upload whose connection drops is retried by itself and the photo arrives once', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'operator.bacang');
    await page.goto(`${server.url}/admin/unit/bacang/tulis`);
    await page.getByRole('button', { name: /Berita/ }).click();
    await page.waitForURL(/\/kabar\/[a-z0-9]+$/);
    let dropped = 0;
    await page.route('**/foto', async (route) => {
      if (dropped++ === 0) return route.abort('connectionreset');
      return route.continue();
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Tambah foto dari kamera atau galeri').click();
    await (await chooser).setFiles([await photoFile('IMG_003.jpg', 1400, 1000)]);
    await expect.poll(() => page.locator('#photos li.photo').count(), { timeout: 30_000 }).toBe(1);
    expect(dropped).toBe(2);
    await page.screenshot({ path: `${SHOTS}/9-foto-dikirim-ulang.png` });
    // The library page (here it says plainly that there is nothing else yet: this draft's photo is excluded).
    await page.getByRole('link', { name: 'Atau pilih dari foto yang sudah ada' }).click();
    await page.waitForURL(/\/galeri$/);
    expect(await page.content()).toContain('Belum ada foto lain');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/16-foto-yang-ada.png`, fullPage: true });
  });

  it('a unit with social accounts sees each platform’s preview with a live count for an edited caption, and schedules in WIB', async () => {
    const page = await phonePage(b);
    await login(page, server.url, 'operator.air-itam');
    // The kelurahan's accounts, registered on the channels page (posted by hand: manual kit).
    for (const [platform, url] of [['facebook', 'https://www.facebook.com/kelurahanairitam'], ['instagram', 'https://www.instagram.com/kel.airitam/'], ['tiktok', 'https://www.tiktok.com/@kel.airitam']]) {
      await page.goto(`${server.url}/admin/unit/air-itam/kanal`);
      await page.locator(`input[name="platform"][value="${platform}"]`).check();
      await page.locator('#f-url').fill(url!);
      await page.locator('form[action="/admin/unit/air-itam/kanal"] button[type="submit"]').click();
      await page.waitForURL(/\/kanal\?/);
    }
    await page.goto(`${server.url}/admin/unit/air-itam/tulis`);
    await page.getByRole('button', { name: /Pengumuman/ }).click();
    await page.waitForURL(/\/kabar\/[a-z0-9]+$/);
    await page.getByLabel('1. Judul').fill('Pelayanan KTP keliling hari Sabtu');
    await page.getByLabel('2. Isi kabar').fill('Petugas Disdukcapil melayani perekaman KTP di Kantor Kelurahan Air Itam, Sabtu 5 Desember 2026 pukul 08.00–12.00 WIB.\n\n- Bawa fotokopi KK\n- Datang sesuai nomor antrean');
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Tambah foto dari kamera atau galeri').click();
    await (await chooser).setFiles([await photoFile('ktp.jpg', 1600, 1200)]);
    await expect.poll(() => page.locator('#photos li.photo').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel(/Foto 1: Apa yang terlihat/).fill('Warga antre perekaman KTP');
    await expect.poll(() => page.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Tersimpan');
    await page.reload();
    const platforms = await page.locator('[data-preview]').evaluateAll((els) => els.map((e) => e.getAttribute('data-preview')));
    await page.locator('fieldset[data-step="saluran"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/10-saluran.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    expect(platforms).toEqual(['website', 'facebook', 'instagram', 'tiktok']);
    expect(await page.locator('[data-preview="instagram"] .frame.shape-portrait img').count()).toBe(1);
    expect(await page.locator('[data-preview="tiktok"] .frame.shape-story img').count()).toBe(1);
    expect(await page.locator('[data-preview="instagram"] [data-caption]').textContent()).toContain('Info lengkap: link di bio');
    await page.locator('fieldset[data-step="pratinjau"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/5-pratinjau-semua.png`, fullPage: true });

    // Live count while editing Instagram's caption by hand.
    await page.locator('[data-preview="instagram"] summary').click();
    const caption = 'Perekaman KTP keliling Sabtu ini. #Pangkalpinang';
    await page.locator('#cap-instagram').fill(caption);
    expect(await page.locator('#count-instagram').textContent()).toBe(`${caption.length} dari 2200 huruf`);
    await page.locator('#cap-instagram').fill('x'.repeat(2205));
    expect(await page.locator('#count-instagram').textContent()).toBe('Terlalu panjang: 2205 dari 2200 huruf');
    await page.locator('#cap-instagram').fill(caption);

    await page.getByText('Jadwalkan untuk nanti').click();
    // A week from now at 08:00 WIB (the server runs on the real clock).
    const day = new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('Tanggal dan jam terbit (WIB)').fill(`${day}T08:00`);
    await page.getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await page.waitForURL(/pesan=scheduled/);
    const dayText = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' }).format(new Date(`${day}T08:00:00+07:00`));
    expect(await page.locator('.flash-ok').textContent()).toMatch(new RegExp(`${dayText} (pukul )?08[.:]00 WIB`));
    await page.screenshot({ path: `${SHOTS}/11-terjadwal.png`, fullPage: true });
  });
});
