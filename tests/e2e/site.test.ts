import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { seedSiteDemo } from '../../src/main/demo/site-content.js';
import { createDocument, saveContent } from '../../src/modules/content/index.js';
import { updateProfileSection } from '../../src/modules/profile/index.js';
import { adjustUnitService } from '../../src/modules/services/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { composeServices } from '../../src/main/compose.js';
import { createApp, invalidatePublicPages } from '../../src/web/app.js';
import type { AppDeps } from '../../src/web/deps.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { type BrowserHandle, axeViolations, launchBrowser } from './support/browser.js';

// Public site in Debian's chromium: stored XSS runs nothing, axe finds no violations on any page
// type, and nothing overflows a 360 px phone. Screenshots go to $TMPDIR/beranda-site-screens.

const payloads = readFileSync(new URL('../fixtures/xss-payloads.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
const SHOTS = path.join(os.tmpdir(), 'beranda-site-screens');

let t: TestDb;
let server: ReturnType<typeof serve>;
let base = '';
let b: BrowserHandle;

beforeAll(async () => {
  t = await createTestDb();
  const clock = systemClock;
  await importRegion(t.db, '19.71', clock);
  await seedSiteDemo(t.db, clock);
  const bacang = (await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  const deps0 = { db: t.db, clock };
  // Hostile text in every kind of field staff can fill in.
  const hostile = payloads.join('\n');
  await saveContent(deps0, { unitId: bacang, actorId: null, input: { kind: 'berita', title: `XSS judul <img src=x onerror=window.__xss=1> "><script>window.__xss=1</script>`, slug: 'uji-xss', summary: payloads[2]!, authorName: payloads[0]!, body: hostile, status: 'published' } });
  await saveContent(deps0, { unitId: bacang, actorId: null, input: { kind: 'agenda', title: 'Agenda uji <svg onload=window.__xss=1>', slug: 'agenda-xss', body: hostile, eventStart: new Date(Date.now() + 86_400_000).toISOString(), eventPlace: payloads[1]!, status: 'published' } });
  await updateProfileSection(t.db, clock, { unitId: bacang, section: 'narasi', actorId: null, data: { sejarah: hostile, visi: payloads[3]!, misi: payloads.slice(0, 5), sambutanLurah: hostile } });
  await updateProfileSection(t.db, clock, { unitId: bacang, section: 'aparatur', actorId: null, data: { items: payloads.slice(0, 6).map((p, i) => ({ id: `x${i}`, nama: p.slice(0, 120), jabatan: i === 0 ? 'Lurah' : p.slice(0, 120) })) } });
  await updateProfileSection(t.db, clock, { unitId: bacang, section: 'lembaga', actorId: null, data: { items: payloads.slice(6, 16).map((p) => ({ jenis: p.slice(0, 80), nama: p.slice(0, 160), keterangan: p })) } });
  await updateProfileSection(t.db, clock, { unitId: bacang, section: 'statistik', actorId: null, data: { lakiLaki: 1, perempuan: 1, umur: payloads.slice(0, 8).map((p) => ({ label: p.slice(0, 80), jumlah: 3 })) } });
  await createDocument(deps0, { unitId: bacang, actorId: null, input: { category: 'berkala', title: payloads[5]!, description: payloads[6]!, status: 'published' } });
  await adjustUnitService(deps0, { unitId: bacang, code: 'domisili', enabled: true, featured: true, adjustment: { catatan: payloads[7], tambahanPersyaratan: payloads.slice(8, 12).map((p) => p.slice(0, 300)) } });

  const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' }), siteDomain: null };
  const services = composeServices({ db: t.db, clock, config, onPublicChange: invalidatePublicPages });
  const deps: AppDeps = { db: t.db, dialect: t.dialect, config, clock, logger: pino({ level: 'silent' }), services };
  const app = createApp(deps);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  config.publicUrl = base;
  b = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await b?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await t?.close();
});

async function newPage(width: number, height = 800): Promise<Page> {
  // CSP is bypassed so that only the sanitiser and escaping stand between a payload and the page.
  const ctx = await b.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, bypassCSP: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta', javaScriptEnabled: true });
  return ctx.newPage();
}

describe('stored XSS on the public site', () => {
  it('runs nothing from the payload list in any field, on any page that shows it', async () => {
    const page = await newPage(1280);
    const dialogs: string[] = [];
    const foreign: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    for (const p of ['/bacang/berita/uji-xss', '/bacang/agenda/agenda-xss', '/bacang', '/bacang/berita', '/bacang/profil', '/bacang/profil/sejarah', '/bacang/profil/visi-misi', '/bacang/profil/aparatur', '/bacang/profil/lembaga', '/bacang/profil/statistik', '/bacang/informasi-publik', '/bacang/layanan/domisili', '/', '/cari?q=xss', '/bacang/cari?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E']) {
      const res = await page.goto(`${base}${p}`, { waitUntil: 'load' });
      expect(res?.status(), p).toBe(200);
      await page.waitForTimeout(50);
      const ran = await page.evaluate(() => (globalThis as any).__xss);
      expect(ran, p).toBeUndefined();
      const scripts = await page.evaluate(() => (globalThis as any).document.querySelectorAll('script:not([type="application/ld+json"])').length);
      expect(scripts, p).toBe(0);
    }
    // Escaped, not lost: the hostile title is shown as text.
    await page.goto(`${base}/bacang/berita/uji-xss`);
    expect(await page.locator('h1').textContent()).toContain('<img src=x onerror=window.__xss=1>');
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

describe('accessibility (axe, WCAG 2.2 AA) on every page type', () => {
  it('finds no violations', async () => {
    const page = await newPage(360);
    const berita = await (await fetch(`${base}/air-itam/berita`)).text();
    const detail = berita.match(/href="(\/air-itam\/berita\/[a-z0-9-]+)"/)![1]!;
    const agendaList = await (await fetch(`${base}/air-itam/agenda`)).text();
    const agenda = agendaList.match(/href="(\/air-itam\/agenda\/[a-z0-9-]+)"/)![1]!;
    const pages = ['/', '/cari?q=posyandu', '/air-itam', '/air-itam/profil', '/air-itam/profil/aparatur', '/air-itam/profil/wilayah', '/air-itam/profil/statistik', '/air-itam/profil/lembaga', '/air-itam/profil/sejarah', '/air-itam/berita', detail, '/air-itam/pengumuman', '/air-itam/agenda', agenda, '/air-itam/galeri', '/air-itam/layanan', '/air-itam/layanan/sktm', '/air-itam/informasi-publik', '/air-itam/kontak', '/air-itam/cari?q=posyandu', '/temberan', '/air-itam/tidak-ada'];
    const found: Record<string, unknown> = {};
    for (const p of pages) {
      await page.goto(`${base}${p}`);
      const v = await axeViolations(page);
      if (v.length > 0) found[p] = v;
    }
    expect(found).toEqual({});
  });
});

describe('layout on a phone and a desktop', () => {
  it('nothing overflows 360 px; screenshots of beranda, profil, berita detail and portal', async () => {
    const berita = await (await fetch(`${base}/bacang/berita`)).text();
    const detail = [...berita.matchAll(/href="(\/bacang\/berita\/[a-z0-9-]+)"/g)].map((m) => m[1]!).find((h) => !h.endsWith('uji-xss'))!;
    const targets: [string, string][] = [['beranda', '/pasar-padi'], ['profil', '/pasar-padi/profil'], ['statistik', '/pasar-padi/profil/statistik'], ['berita', detail], ['portal', '/'], ['kosong', '/temberan']];
    for (const width of [360, 1280]) {
      const page = await newPage(width);
      for (const [name, p] of targets) {
        await page.goto(`${base}${p}`);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        const overflow = await page.evaluate(() => {
          const doc = (globalThis as any).document;
          const w = doc.documentElement.clientWidth;
          const wide = [...doc.querySelectorAll('body *')].filter((e: any) => !e.closest('.nav, .sr') && e.getBoundingClientRect().right > w + 1);
          return { by: doc.documentElement.scrollWidth - w, first: wide.slice(0, 3).map((e: any) => `${e.tagName}.${e.className}`) };
        });
        expect(overflow, `${p} at ${width}px`).toEqual({ by: 0, first: [] });
      }
    }
  });
});
