import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { createAdmin, createUser } from '../../src/modules/accounts/index.js';
import { addOpd } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { renderPdfPage } from './support/pdf-render.js';
import { phoneRuleProblems } from './support/phone-rules.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 17's journeys on a 360×800 phone, with BERANDA_DEMO=0 (a city that starts with real
// accounts only): a citizen applies for a surat keterangan domisili with two document photos,
// the operator asks for a fix, the citizen adds a document, the lurah approves, the letter's
// PDF is read back and drawn to a PNG, its QR page verifies it, and the tracking page shows
// each step. Then a complaint filed on the kelurahan's site is forwarded to an OPD and answered
// there. Staff screens are measured against the phone rules on the way.

const OUT = 'test-results/pelayanan';
const PASSWORD = 'Kata-sandi-uji-2026!';

async function photo(seed: number): Promise<Buffer> {
  // A phone-sized document photo (3000×4000, 12 MP), JPEG as a camera saves it.
  return sharp({ create: { width: 3000, height: 4000, channels: 3, background: { r: 235, g: 230 - seed * 10, b: 220 } } })
    .composite([{ input: Buffer.from(`<svg width="3000" height="4000"><rect x="200" y="300" width="2600" height="1600" fill="#fff" stroke="#333" stroke-width="12"/><text x="300" y="700" font-size="180" fill="#222">DOKUMEN ${seed}</text></svg>`) }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function signIn(page: Page, url: string, username: string) {
  await page.goto(`${url}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/admin(\/unit\/[a-z0-9-]+)?$/);
}

async function expectPhoneRules(page: Page, name: string) {
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  expect(await phoneRuleProblems(page), name).toEqual([]);
}

describe('journey: pelayanan digital on a phone, demo off', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  let opdSlug = '';
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer({ BERANDA_DEMO: '0' });
    b = await launchBrowser();
    // The city's accounts, as `npm run beranda -- users create-admin` and the admin's user page make them.
    const database = await openDatabase({ kind: 'sqlite', file: path.join(server.dataDir, 'beranda.db'), url: '' });
    const db = database.db;
    const admin = await createAdmin(db, systemClock, { username: 'admin.kominfo', displayName: 'Admin Diskominfo', password: PASSWORD, region: '19.71', mustChangePassword: false, via: 'cli' });
    if (!admin.ok) throw new Error(admin.error);
    const actor = { id: admin.value.id, username: 'admin.kominfo', displayName: 'Admin Diskominfo', role: 'admin_kota' as const, regionCode: '19.71', unitIds: [], mustChangePassword: false };
    const unit = async (slug: string) => (await db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const opd = await addOpd(db, '19.71', { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', slug: 'dinas-pupr' }, systemClock);
    if (!opd.ok) throw new Error(opd.error);
    opdSlug = opd.value.unit.slug;
    for (const [username, displayName, role, unitId] of [
      ['sari', 'Sari Operator Bacang', 'operator', await unit('bacang')],
      ['hendra', 'Hendra Saputra, S.STP', 'lurah', await unit('bacang')],
      ['yanto', 'Yanto Operator PUPR', 'operator', opd.value.unit.id],
    ] as const) {
      const u = await createUser(db, systemClock, actor, { username, displayName, role, unitIds: [unitId] }, PASSWORD);
      if (!u.ok) throw new Error(`${username}: ${u.error}`);
      // The temporary password is changed on first sign-in in real life; the journey skips that screen.
      await db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', u.value.id).execute();
    }
    await database.close();
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('a citizen applies for a surat keterangan domisili, fixes it, and gets a verified letter', async () => {
    const url = server.url;
    // The operator makes the KK photo optional for Bacang's online form (the unit's own choice).
    const staff = await phonePage(b);
    await signIn(staff, url, 'sari');
    await staff.getByRole('link', { name: 'Permohonan warga' }).click();
    await staff.waitForURL(/\/pelayanan$/);
    await expectPhoneRules(staff, '01-inbox-empty');
    await staff.getByRole('link', { name: 'Formulir online dan templat surat' }).click();
    await staff.getByRole('link', { name: /Surat Keterangan Domisili/ }).first().click();
    await staff.locator('fieldset', { hasText: 'Fotokopi Kartu Keluarga (KK)' }).getByLabel('Boleh difoto (tidak wajib)').check();
    await staff.getByRole('button', { name: 'Simpan formulir' }).click();
    await expect.poll(() => staff.getByRole('status').textContent()).toContain('Formulir tersimpan');
    await expectPhoneRules(staff, '02-form-settings');

    // The citizen, on another phone, from the layanan page.
    const citizen = await phonePage(b);
    await citizen.goto(`${url}/bacang/layanan/domisili`);
    await citizen.getByRole('link', { name: 'Ajukan secara online' }).click();
    await citizen.waitForURL(/\/ajukan$/);
    expect(await axeViolations(citizen)).toEqual([]);
    await citizen.getByLabel('Nama lengkap (sesuai KTP)').fill('Siti Aminah');
    await citizen.getByLabel('NIK').fill('1971014512880003');
    await citizen.getByLabel('Nomor Kartu Keluarga (KK)').fill('1971012301150007');
    await citizen.getByLabel('Nomor HP / WhatsApp').fill('0812 3456 7890');
    await citizen.getByLabel('Alamat di Kelurahan Bacang').fill('Jl. Melati No. 5');
    await citizen.getByLabel('RT', { exact: true }).fill('3');
    await citizen.getByLabel('RW', { exact: true }).fill('2');
    await citizen.getByLabel('Tempat dan tanggal lahir').fill('Pangkalpinang, 5 Desember 1988');
    await citizen.getByLabel('Pekerjaan').fill('Pedagang');
    await citizen.getByLabel('Tinggal di alamat ini sejak tahun').fill('2015');
    await citizen.getByLabel('Keperluan surat').fill('Pendaftaran sekolah anak');
    await citizen.locator('input[name="doc_surat-pengantar-dari-ketua-rt-dan-ketua"]').setInputFiles({ name: 'pengantar.jpg', mimeType: 'image/jpeg', buffer: await photo(1) });
    await citizen.locator('input[name="doc_fotokopi-ktp-el-pemohon"]').setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: await photo(2) });
    await citizen.getByLabel('WhatsApp ke nomor HP di atas').check();
    await citizen.getByLabel(/Saya sudah membaca dan setuju/).check();
    const sum = (await citizen.locator('label[for="f-jawaban"]').textContent())!.match(/(\d+) \+ (\d+)/)!;
    await citizen.getByLabel(/Pertanyaan pengaman/).fill(String(Number(sum[1]) + Number(sum[2])));
    await citizen.screenshot({ path: `${OUT}/03-citizen-form.png`, fullPage: true });
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    await citizen.waitForURL(/\/layanan\/lacak\/L-[A-Z0-9-]+\?baru=1$/);
    const code = (await citizen.locator('.pel-ok .pel-code').first().textContent())!.trim();
    const pin = (await citizen.locator('.pel-ok .pel-code').nth(1).textContent())!.trim();
    expect(code).toMatch(/^L-/);
    expect(pin).toMatch(/^\d{6}$/);
    await citizen.screenshot({ path: `${OUT}/04-citizen-code.png`, fullPage: true });
    expect(await axeViolations(citizen)).toEqual([]);

    // The operator asks for the KK photo.
    await staff.goto(`${url}/admin/unit/bacang`);
    await staff.getByRole('link', { name: 'Permohonan warga' }).click();
    await staff.getByRole('link', { name: /Siti Aminah/ }).click();
    await expect.poll(() => staff.locator('main').textContent()).toContain('1971014512880003');
    await expectPhoneRules(staff, '05-request-detail');
    await staff.getByLabel('Apa yang harus diperbaiki?').fill('Mohon kirim foto Kartu Keluarga, karena alamat di KTP berbeda.');
    await staff.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
    await expect.poll(() => staff.getByRole('status').textContent()).toContain('Permintaan perbaikan terkirim');

    // The citizen sees what to fix and adds the KK.
    await citizen.goto(`${url}/bacang/layanan/lacak/${code}`);
    await expect.poll(() => citizen.locator('main').textContent()).toContain('Mohon kirim foto Kartu Keluarga');
    await citizen.locator('select[name="jenis_0"]').selectOption('Fotokopi Kartu Keluarga (KK)');
    await citizen.locator('input[name="berkas_0"]').setInputFiles({ name: 'kk.jpg', mimeType: 'image/jpeg', buffer: await photo(3) });
    await citizen.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await expect.poll(() => citizen.getByRole('status').textContent()).toContain('Perbaikan terkirim');

    // The lurah approves from their own phone.
    const lurah = await phonePage(b);
    await signIn(lurah, url, 'hendra');
    await lurah.getByRole('link', { name: 'Permohonan warga' }).click();
    await lurah.getByRole('link', { name: /Siti Aminah/ }).click();
    await expectPhoneRules(lurah, '06-lurah-approve');
    await lurah.getByRole('button', { name: 'Setujui dan terbitkan surat' }).click();
    await expect.poll(() => lurah.getByRole('status').textContent()).toContain('Surat diterbitkan');

    // The citizen's tracking page shows every step and the letter.
    await citizen.goto(`${url}/bacang/layanan/lacak/${code}`);
    const track = (await citizen.locator('main').textContent())!;
    for (const step of ['Permohonan dikirim', 'Petugas meminta perbaikan', 'Pemohon menambahkan perbaikan', 'Surat diterbitkan dan ditandatangani', 'Selesai']) expect(track).toContain(step);
    await citizen.screenshot({ path: `${OUT}/07-citizen-done.png`, fullPage: true });
    const pdfRes = await citizen.request.get(`${url}/bacang/layanan/lacak/${code}/surat.pdf`);
    expect(pdfRes.headers()['content-type']).toBe('application/pdf');
    const pdf = await pdfRes.body();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true }).promise;
    const text = ((await (await doc.getPage(1)).getTextContent()).items as { str?: string }[]).map((i) => i.str ?? '').join(' ').replace(/\s+/g, ' ').replace(/\/ /g, '/');
    await doc.destroy();
    for (const s of ['KELURAHAN BACANG', 'SURAT KETERANGAN DOMISILI', 'Siti Aminah', '1971014512880003', 'Pendaftaran sekolah anak', 'Hendra Saputra, S.STP', 'Lurah Bacang']) expect(text).toContain(s);
    const number = /Nomor: (470\/001\/BACANG\/[IVX]+\/\d{4})/.exec(text)?.[1];
    expect(number).toBeDefined();
    const verify = /verifikasi\/([2-9A-HJ-NP-Z]{12})/.exec(text)![1]!;
    writeFileSync(`${OUT}/08-letter.png`, await renderPdfPage(b, pdf));

    // The QR page confirms it, without any personal data.
    const qr = await phonePage(b);
    await qr.goto(`${url}/verifikasi/${verify}`);
    const qrText = (await qr.locator('main').textContent())!;
    expect(qrText).toContain(number!);
    expect(qrText).toContain('Kelurahan Bacang');
    expect(qrText).toContain('SURAT KETERANGAN DOMISILI');
    expect(qrText).not.toContain('Siti');
    expect(qrText).not.toContain('1971014512880003');
    await qr.screenshot({ path: `${OUT}/09-verify.png`, fullPage: true });
    expect(pin).toBeTruthy();
  });

  it('a complaint filed on the kelurahan\'s site is forwarded to an OPD and answered there', async () => {
    const url = server.url;
    const citizen = await phonePage(b);
    await citizen.goto(`${url}/bacang/layanan`);
    await citizen.getByRole('link', { name: 'Sampaikan pengaduan atau saran' }).click();
    await citizen.getByLabel('Jalan, saluran air, lampu jalan').check();
    await citizen.getByLabel('Isi pengaduan atau saran').fill('Lampu jalan di Gang Melati mati sejak dua minggu, gelap dan rawan.');
    await citizen.getByLabel('Lokasi (tidak wajib)').fill('Gang Melati, RT 003 / RW 002');
    await citizen.locator('input[name="foto"]').setInputFiles({ name: 'lampu.jpg', mimeType: 'image/jpeg', buffer: await photo(4) });
    await citizen.getByLabel('Nama', { exact: true }).fill('Budi');
    await citizen.getByLabel('Nomor HP / WhatsApp').fill('0812 1111 2222');
    await citizen.getByLabel(/Boleh ditampilkan di halaman ini/).check();
    await citizen.getByLabel(/Saya sudah membaca dan setuju/).check();
    const sum = (await citizen.locator('label[for="f-jawaban"]').textContent())!.match(/(\d+) \+ (\d+)/)!;
    await citizen.getByLabel(/Pertanyaan pengaman/).fill(String(Number(sum[1]) + Number(sum[2])));
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await citizen.waitForURL(/\/layanan\/lacak\/P-[A-Z0-9-]+\?baru=1$/);
    const code = (await citizen.locator('.pel-ok .pel-code').first().textContent())!.trim();

    const staff = await phonePage(b);
    await signIn(staff, url, 'sari');
    await staff.getByRole('link', { name: 'Permohonan warga' }).click();
    await staff.locator('#isi').getByRole('link', { name: 'Pengaduan warga' }).click();
    await staff.getByRole('link', { name: new RegExp(code) }).click();
    await expectPhoneRules(staff, '10-complaint-detail');
    await staff.getByLabel('Teruskan ke').selectOption({ label: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    await staff.getByLabel('Catatan (tidak wajib, juga dibaca pelapor)').fill('Lampu jalan kewenangan Dinas PUPR.');
    await staff.getByRole('button', { name: 'Teruskan pengaduan' }).click();
    await expect.poll(() => staff.getByRole('status').textContent()).toContain('sudah diteruskan');

    const opd = await phonePage(b);
    await signIn(opd, url, 'yanto');
    expect(opd.url()).toMatch(new RegExp(`/admin/unit/${opdSlug}$`));
    await opd.getByRole('link', { name: 'Permohonan warga' }).click();
    await opd.locator('#isi').getByRole('link', { name: 'Pengaduan warga' }).click();
    await opd.getByRole('link', { name: new RegExp(code) }).click();
    await opd.getByLabel('Jawaban untuk pelapor').fill('Lampu sudah diganti pada hari ini oleh tim penerangan jalan.');
    await opd.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect.poll(() => opd.getByRole('status').textContent()).toContain('Jawaban terkirim');
    await expectPhoneRules(opd, '11-opd-answered');

    await citizen.goto(`${url}/bacang/layanan/lacak/${code}`);
    const track = (await citizen.locator('main').textContent())!;
    for (const s of ['Pengaduan diterima', 'Diteruskan ke instansi yang berwenang', 'Pengaduan dijawab', 'Lampu sudah diganti', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Sudah dijawab']) expect(track).toContain(s);
    await citizen.screenshot({ path: `${OUT}/12-complaint-answered.png`, fullPage: true });
    await citizen.goto(`${url}/bacang/pengaduan`);
    expect(await citizen.locator('main').textContent()).toContain('Lampu sudah diganti');
    expect(await axeViolations(citizen)).toEqual([]);
  });
});
