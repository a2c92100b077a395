import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// #14 point 1 in Chromium at 360 px: a pendamping corrects a draft on the server while the
// operator's page is in the background with typing that never reached the server. When the
// operator comes back, neither text is overwritten: both are shown and the operator chooses; the
// one not chosen stays under "Versi lain".

const SHOTS = 'test-results/composer';

async function login(b: BrowserHandle, url: string, username: string): Promise<Page> {
  const page = await phonePage(b);
  await page.goto(`${url}/admin/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('beranda-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/admin(\/|$)/);
  return page;
}

/** The phone puts the page in the background, or brings it back (the page's own event). */
async function setVisible(page: Page, visible: boolean) {
  await page.evaluate((v) => {
    const doc = (globalThis as any).document;
    Object.defineProperty(doc, 'visibilityState', { value: v ? 'visible' : 'hidden', configurable: true });
    doc.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

/** Types into a field and waits until the autosave has answered (the status text says "Tersimpan" from the start). */
async function typeSaved(page: Page, label: string, text: string) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/simpan') && r.request().method() === 'POST', { timeout: 15_000 });
  await page.getByLabel(label).fill(text);
  expect((await answer).status()).toBe(200);
}

describe('journey: two people edit one draft; nothing is overwritten silently', () => {
  let server: RunningServer;
  let b: BrowserHandle;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  /** The operator starts a draft and saves it; returns its address. */
  async function operatorDraft(op: Page, title: string): Promise<string> {
    await op.goto(`${server.url}/admin/unit/bacang/tulis`);
    await op.getByRole('button', { name: /Berita/ }).click();
    await op.waitForURL(/\/kabar\/[a-z0-9]+$/);
    await op.getByLabel('1. Judul').fill(title);
    await typeSaved(op, '2. Isi kabar', 'Tulisan pertama operator.');
    return op.url();
  }

  /** The pendamping opens the same draft on their own phone and corrects the text. */
  async function pendampingFixes(url: string, text: string) {
    const pd = await login(b, server.url, 'pendamping');
    await pd.goto(url);
    await typeSaved(pd, '2. Isi kabar', text);
    await pd.context().close();
  }

  it('reopened later: the phone’s unsent copy and the pendamping’s saved text are both shown; the operator keeps theirs, the other stays under "Versi lain"', async () => {
    const op = await login(b, server.url, 'operator.bacang');
    const url = await operatorDraft(op, 'Kerja bakti RT 03');
    // No signal: the operator keeps typing; it stays on the phone only.
    await op.context().setOffline(true);
    await op.getByLabel('2. Isi kabar').fill('Operator menambah: kerja bakti dimulai pukul 07.00 WIB.');
    await expect.poll(() => op.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Belum tersimpan');
    await setVisible(op, false);

    await pendampingFixes(url, 'Pendamping memperbaiki: kerja bakti hari Sabtu di RT 03.');

    // The tab was closed by the phone; later the operator opens the draft again, with signal.
    await op.close();
    await op.context().setOffline(false);
    const again = await op.context().newPage();
    await again.goto(url);
    const clash = again.locator('#clash');
    await expect.poll(() => clash.isVisible()).toBe(true);
    const text = (await clash.textContent())!;
    expect(text).toContain('Kabar ini diubah di dua tempat');
    expect(text).toContain('Operator menambah: kerja bakti dimulai pukul 07.00 WIB.');
    expect(text).toContain('Pendamping memperbaiki: kerja bakti hari Sabtu di RT 03.');
    expect(text).toContain('Pendamping Diskominfo');
    // Until the person chooses, nothing is written over: the server still has the pendamping's text.
    expect(await again.getByLabel('2. Isi kabar').inputValue()).toBe('Pendamping memperbaiki: kerja bakti hari Sabtu di RT 03.');
    expect(await axeViolations(again)).toEqual([]);
    await again.screenshot({ path: `${SHOTS}/17-dua-versi.png`, fullPage: true });

    await again.getByRole('button', { name: 'Pakai yang di HP ini' }).click();
    await expect.poll(() => again.getByLabel('2. Isi kabar').inputValue(), { timeout: 15_000 }).toBe('Operator menambah: kerja bakti dimulai pukul 07.00 WIB.');
    expect(await again.locator('#clash').isVisible()).toBe(false);
    const versions = again.locator('#versi-lain');
    expect(await versions.textContent()).toContain('Ditulis oleh Pendamping Diskominfo');
    await versions.getByText('Lihat isinya').click();
    expect(await versions.textContent()).toContain('Pendamping memperbaiki: kerja bakti hari Sabtu di RT 03.');
    await again.screenshot({ path: `${SHOTS}/18-versi-lain.png`, fullPage: true });
    // And a reload does not bring the old phone copy back.
    await again.reload();
    expect(await again.getByLabel('2. Isi kabar').inputValue()).toBe('Operator menambah: kerja bakti dimulai pukul 07.00 WIB.');
    expect(await again.locator('#clash').isVisible()).toBe(false);
    await again.context().close();
  });

  it('back on the screen with unsent typing: both are shown; keeping the saved one puts the operator’s text under "Versi lain"', async () => {
    const op = await login(b, server.url, 'operator.bacang');
    const url = await operatorDraft(op, 'Posyandu Desember');
    await op.context().setOffline(true);
    await op.getByLabel('2. Isi kabar').fill('Operator: posyandu buka pukul 08.00.');
    await expect.poll(() => op.locator('#save-status').textContent(), { timeout: 15_000 }).toContain('Belum tersimpan');
    await setVisible(op, false);
    await pendampingFixes(url, 'Pendamping: posyandu buka pukul 09.00 di balai RW 02.');
    await op.context().setOffline(false);
    await setVisible(op, true);
    await expect.poll(() => op.locator('#clash').isVisible(), { timeout: 15_000 }).toBe(true);
    await op.getByRole('button', { name: 'Pakai yang tersimpan' }).click();
    await expect.poll(() => op.getByLabel('2. Isi kabar').inputValue(), { timeout: 15_000 }).toBe('Pendamping: posyandu buka pukul 09.00 di balai RW 02.');
    await op.locator('#versi-lain').getByText('Lihat isinya').click();
    expect(await op.locator('#versi-lain').textContent()).toContain('Operator: posyandu buka pukul 08.00.');
    await op.context().close();
  });

  it('back on the screen with nothing new typed: the pendamping’s newer text simply replaces what the page shows', async () => {
    const op = await login(b, server.url, 'operator.bacang');
    const url = await operatorDraft(op, 'Lomba kebersihan');
    await setVisible(op, false);
    await pendampingFixes(url, 'Pendamping melengkapi: lomba kebersihan antar-RT bulan Desember.');
    await setVisible(op, true);
    await expect.poll(() => op.getByLabel('2. Isi kabar').inputValue(), { timeout: 15_000 }).toBe('Pendamping melengkapi: lomba kebersihan antar-RT bulan Desember.');
    expect(await op.locator('#save-status').textContent()).toContain('Pendamping Diskominfo mengubah kabar ini');
    expect(await op.locator('#clash').isVisible()).toBe(false);
    // The operator goes on typing from the newest text, and it saves without a clash.
    await typeSaved(op, '1. Judul', 'Lomba kebersihan antar-RT');
    await op.reload();
    expect(await op.getByLabel('2. Isi kabar').inputValue()).toBe('Pendamping melengkapi: lomba kebersihan antar-RT bulan Desember.');
    expect(await op.getByLabel('1. Judul').inputValue()).toBe('Lomba kebersihan antar-RT');
    await op.context().close();
  });
});
