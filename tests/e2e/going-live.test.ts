import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { Database } from '../../src/db/database.js';
import { bootstrap } from '../../src/main/bootstrap.js';
import { composeServices } from '../../src/main/compose.js';
import { createLogger } from '../../src/main/logger.js';
import { publicPagesChanged, startWeb } from '../../src/main/web.js';
import { listUnitTree } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { axeViolations, launchBrowser, phonePage, type BrowserHandle } from './support/browser.js';

// Done when (issue 13): from an empty data folder with demo off, the first admin is created with
// the CLI, signs in in Chromium on a 360×800 phone, imports the 42 kelurahan operators from a
// CSV, and one of them signs in and must change the password first.
describe('journey: a city goes live — first admin, 42 operators imported, first sign-in', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-e2e-golive-'));
  const env: Record<string, string> = { DATA_DIR: dir, BERANDA_DEMO: '0', BERANDA_SECRET: 'g'.repeat(48), LOG_LEVEL: 'silent', HOST: '127.0.0.1' };
  let b: BrowserHandle;
  let url = '';
  let database: Database;
  let server: Awaited<ReturnType<typeof startWeb>>['server'];

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    Object.assign(env, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    // The real command, as an admin types it on the server (the password piped in).
    const cli = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/main/cli.ts', 'users', 'create-admin', '--username', 'admin.kominfo', '--name', 'Admin Diskominfo'], {
      env: { ...process.env, ...env }, input: 'lada putih muntok\n', encoding: 'utf8', timeout: 60_000,
    });
    expect(cli.stdout).toContain('Admin kota "admin.kominfo" dibuat');
    expect(cli.status).toBe(0);

    const config = loadConfig(env, dir);
    const logger = createLogger(config);
    const booted = await bootstrap(config, systemClock, logger);
    database = booted.database;
    expect(booted.demoLogins).toEqual([]);
    expect(booted.setupToken).toBeNull();
    const services = composeServices({ db: database.db, clock: systemClock, config, onPublicChange: publicPagesChanged });
    const web = await startWeb({ db: database.db, dialect: database.dialect, config, clock: systemClock, logger, services });
    server = web.server;
    url = config.publicUrl;
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The 360 px rules on this journey's screens: no sideways scroll, text ≥ 16 px, controls ≥
   * 48×48 in the page's content (the shared header and menu are measured by the staff-screen crawl).
   */
  const phoneProblems = (page: Page) =>
    page.evaluate(() => {
      const d = (globalThis as any).document;
      const w = (globalThis as any).window;
      const out: string[] = [];
      if (d.documentElement.scrollWidth > w.innerWidth) out.push(`scrolls sideways: ${d.documentElement.scrollWidth} px`);
      for (const el of d.querySelectorAll('main button, main a.button, main input:not([type=hidden]):not([type=checkbox]), main select, main summary, main label.check')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.height < 48 || r.width < 48)) out.push(`small control ${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      for (const el of d.querySelectorAll('main p, main li, main span, main label, main a, main button, main summary, main h1, main h2, main strong')) {
        const size = parseFloat(w.getComputedStyle(el).fontSize);
        if (el.getBoundingClientRect().width > 0 && el.textContent.trim() && size < 16) out.push(`small text ${size}px "${el.textContent.trim().slice(0, 30)}"`);
      }
      return out;
    });

  it('the admin made with the CLI signs in, imports 42 operators from a CSV, and one of them must change the password', async () => {
    // The CSV an admin kota would make: one operator per kelurahan, usernames left to Beranda.
    const tree = await listUnitTree(database.db, '19.71');
    const kelurahan = tree.kecamatan.flatMap((k) => k.children).filter((u) => u.kind === 'kelurahan');
    expect(kelurahan).toHaveLength(42);
    const file = path.join(dir, 'operator-kelurahan.csv');
    writeFileSync(file, ['nama;peran;kelurahan;whatsapp', ...kelurahan.map((u, i) => `Operator ${u.name};operator;${u.name};0812 5555 ${String(1000 + i)}`)].join('\r\n'));

    const page = await phonePage(b);
    await page.goto(`${url}/admin`);
    await page.getByLabel('Nama pengguna').fill('admin.kominfo');
    await page.getByLabel('Kata sandi').fill('lada putih muntok');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // Admin kota lands on the dashboard (staff-reach, issue 14 point 2).
    await page.waitForURL(`${url}/admin/dasbor`);

    // By tapping: home → Pengguna → Impor staf.
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByRole('link', { name: 'Impor staf (CSV/Excel)' }).click();
    await page.waitForURL(/\/admin\/pengguna\/impor$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual([]);

    await page.getByLabel('Berkas daftar staf (.csv atau .xlsx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByRole('heading', { level: 1, name: /Hasil pemeriksaan/ }).waitFor();
    expect(await page.locator('.import-summary li').allTextContents()).toEqual(['42 baris siap dibuat', '0 baris bermasalah']);
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/golive-import-check-360.png', fullPage: true });

    await page.getByRole('button', { name: 'Buat 42 akun sekarang' }).click();
    await page.getByRole('heading', { level: 1, name: '42 akun dibuat' }).waitFor();
    expect(await page.locator('ol.handover > li').count()).toBe(42);
    expect(await axeViolations(page)).toEqual([]);
    expect(await phoneProblems(page)).toEqual([]);
    expect(await page.getByText(`buka ${url}/admin`).count()).toBe(1);
    // Each one-time password stays on one line of the phone.
    for (const h of await page.locator('.handover .secret').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(h).toBeLessThan(40);
    await page.screenshot({ path: 'test-results/golive-handover-360.png', fullPage: true });
    const first = page.locator('ol.handover > li').filter({ hasText: 'Operator Bacang' });
    const username = (await first.locator('.username').textContent())!;
    const password = (await first.locator('.secret').textContent())!;
    expect(username).toBe('operator.bacang');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh lembar serah terima (XLSX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^serah-terima-akun-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const operators = await database.db.selectFrom('users').select(['username', 'must_change_password', 'is_demo']).where('role', '=', 'operator').execute();
    expect(operators).toHaveLength(42);
    expect(operators.every((o) => o.must_change_password === 1 && o.is_demo === 0)).toBe(true);
    await page.getByRole('button', { name: 'Keluar' }).click();

    // The operator's first sign-in: the one-time password works once, then a new one is required.
    const op = await phonePage(b);
    await op.goto(`${url}/admin`);
    await op.getByLabel('Nama pengguna').fill(username);
    await op.getByLabel('Kata sandi').fill(password);
    await op.getByRole('button', { name: 'Masuk' }).click();
    await op.waitForURL(/\/admin\/akun\/sandi\?wajib=1$/);
    await op.goto(`${url}/admin/unit/bacang`);
    await op.waitForURL(/\/admin\/akun\/sandi\?wajib=1$/);
    expect(await phoneProblems(op)).toEqual([]);
    await op.getByLabel('Kata sandi sekarang').fill(password);
    await op.getByLabel('Kata sandi baru', { exact: true }).fill('kemplang ikan bacang');
    await op.getByLabel('Ulangi kata sandi baru').fill('kemplang ikan bacang');
    await op.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await op.goto(`${url}/admin`);
    await op.waitForURL(/\/admin\/unit\/bacang$/);
    expect(await op.getByRole('heading', { level: 1 }).textContent()).toContain('Bacang');
  });
});
