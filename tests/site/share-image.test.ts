import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { composeServices } from '../../src/main/compose.js';
import { seedSiteDemo } from '../../src/main/demo/site-content.js';
import { storeUpload } from '../../src/modules/media/index.js';
import { getProfile, updateProfileSection } from '../../src/modules/profile/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createApp, invalidatePublicPages } from '../../src/web/app.js';
import type { AppDeps } from '../../src/web/deps.js';
import { type TestDb, createTestDb } from '../support/test-db.js';

// Issue 14 point 10: every public page has a share picture — the post's photo, else its card,
// else the unit's office photo, else its logo, else a generated unit card — with an absolute
// address, its real size declared, and the file answered to an anonymous visitor.

const BASE = 'https://portal.example.go.id';
let t: TestDb;
let dir: string;
let deps: AppDeps;
let app: ReturnType<typeof createApp>;
let bacang: string;
let post: { id: string; slug: string };

const get = (p: string) => Promise.resolve(app.request(p.startsWith('http') ? p : `${BASE}${p}`, { headers: { host: 'portal.example.go.id' } }));

async function upload(unitId: string, w: number, h: number, color: string, name = 'foto.jpg') {
  const bytes = await sharp({ create: { width: w, height: h, channels: 3, background: color } }).jpeg().toBuffer();
  const r = await storeUpload(deps.services.media, { unitId, userId: null, originalName: name, alt: 'x', bytes });
  if (!r.ok) throw new Error(`upload refused: ${r.error}`);
  return r.value.item;
}

const metaOf = (html: string, prop: string) => new RegExp(`<meta (?:property|name)="${prop}" content="([^"]*)"`).exec(html)?.[1];

/** The page's og:image, checked: absolute, sized, and served as an image of that size to anyone. */
async function shareOf(p: string) {
  const res = await get(p);
  expect(res.status, p).toBe(200);
  const html = await res.text();
  const url = metaOf(html, 'og:image');
  expect(url, p).toMatch(/^https:\/\/portal\.example\.go\.id\//);
  const width = Number(metaOf(html, 'og:image:width'));
  const height = Number(metaOf(html, 'og:image:height'));
  expect(width, p).toBeGreaterThan(0);
  expect(height, p).toBeGreaterThan(0);
  expect(metaOf(html, 'og:image:alt'), p).toBeTruthy();
  expect(metaOf(html, 'twitter:card'), p).toBe('summary_large_image');
  const img = await get(url!);
  expect(img.status, `${p} → ${url}`).toBe(200);
  expect(img.headers.get('content-type'), url).toMatch(/^image\//);
  const info = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
  expect([info.width, info.height], url).toEqual([width, height]);
  return url!;
}

async function setProfilePictures(pics: { logo?: string; fotoKantor?: string }) {
  const { profile } = await getProfile(t.db, bacang);
  const r = await updateProfileSection(t.db, deps.clock, { unitId: bacang, section: 'identitas', data: { ...profile.identitas, logo: '', fotoKantor: '', ...pics }, actorId: null });
  expect(r.ok).toBe(true);
  invalidatePublicPages(bacang);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-og-'));
  t = await createTestDb();
  const clock = new FixedClock('2026-03-10T03:00:00Z');
  const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', MEDIA_DIR: path.join(dir, 'media'), DATA_DIR: dir }), publicUrl: BASE };
  await importRegion(t.db, '19.71', clock);
  await seedSiteDemo(t.db, clock);
  const services = composeServices({ db: t.db, clock, config, onPublicChange: invalidatePublicPages });
  deps = { db: t.db, dialect: t.dialect, config, clock, logger: pino({ level: 'silent' }), services };
  app = createApp(deps);
  bacang = (await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  post = await t.db.selectFrom('content_items').select(['id', 'slug']).where('unit_id', '=', bacang).where('kind', '=', 'berita').orderBy('publish_at', 'desc').executeTakeFirstOrThrow();
  await t.db.updateTable('content_items').set({ cover_media_id: '' }).where('id', '=', post.id).execute();
  await setProfilePictures({});
}, 120_000);

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const UNIT_PAGES = ['/bacang', '/bacang/berita', '/bacang/pengumuman', '/bacang/agenda', '/bacang/profil', '/bacang/layanan', '/bacang/informasi-publik', '/bacang/galeri', '/bacang/kontak', '/bacang/pengaduan', '/bacang/cari?q=warga'];

describe('share pictures (og:image) on every public page', () => {
  it('the portal pages get the portal card', async () => {
    for (const p of ['/', '/cari?q=warga']) expect(await shareOf(p)).toBe(`${BASE}/_kartu/portal.png`);
  });

  it('a unit without pictures: every page type gets the unit card, a 1200×630 PNG', async () => {
    for (const p of [...UNIT_PAGES, `/bacang/berita/${post.slug}`]) expect(await shareOf(p), p).toBe(`${BASE}/_kartu/${bacang}.png`);
    expect((await get(`/_kartu/nope.png`)).status).toBe(404);
  });

  it('the chain: post photo > post card > office photo > logo > unit card', async () => {
    const logo = await upload(bacang, 400, 400, '#135', 'logo.jpg');
    const logoRef = `/media/${logo.variants.find((v) => v.format === 'webp' && v.kind === 'web')!.key}`;
    await setProfilePictures({ logo: logoRef });
    for (const p of UNIT_PAGES) expect(await shareOf(p), p).toBe(`${BASE}${logoRef}`);

    const office = await upload(bacang, 1600, 1200, '#642');
    const officeRef = `/media/${office.variants.find((v) => v.format === 'jpeg' && v.width >= 960)!.key}`;
    await setProfilePictures({ logo: logoRef, fotoKantor: officeRef });
    const officeOg = office.variants.find((v) => v.crop === 'landscape_og')!;
    for (const p of UNIT_PAGES) expect(await shareOf(p), p).toBe(`${BASE}/media/${officeOg.key}`);
    expect(await shareOf(`/bacang/berita/${post.slug}`)).toBe(`${BASE}/media/${officeOg.key}`);

    // A post without photos has its generated card as cover (composer), then a photo.
    for (const [name, color] of [['kartu-kabar.jpg', '#fa0'], ['foto.jpg', '#0af']] as const) {
      const cover = await upload(bacang, 1080, 1350, color, name);
      await t.db.updateTable('content_items').set({ cover_media_id: cover.id, cover_alt: name }).where('id', '=', post.id).execute();
      invalidatePublicPages(bacang);
      const coverOg = cover.variants.find((v) => v.crop === 'landscape_og')!;
      expect(await shareOf(`/bacang/berita/${post.slug}`)).toBe(`${BASE}/media/${coverOg.key}`);
      // Other pages keep the unit's picture.
      expect(await shareOf('/bacang/profil')).toBe(`${BASE}/media/${officeOg.key}`);
    }

    await setProfilePictures({});
    expect(await shareOf('/bacang/profil')).toBe(`${BASE}/_kartu/${bacang}.png`);
  });
});
