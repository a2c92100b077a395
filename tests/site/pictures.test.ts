import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileMediaStore, makeAvifVariants, storeUpload } from '../../src/modules/media/index.js';
import { type SiteFixture, createSiteFixture } from './site-fixture.js';

// Issue 3's image rules on the public pages: responsive pictures (srcset, AVIF and WebP with a
// JPEG fallback, width and height set), lazy below the fold and eager for the article's cover,
// a real Open Graph image — and a unit's page never shows another unit's photo.

let f: SiteFixture;
let dir: string;
let bacangPost: string;
let gabekPhoto: string;

async function photo(unitId: string, color: string, alt: string) {
  const store = createFileMediaStore(dir);
  const deps = { db: f.t.db, store, clock: f.clock };
  const bytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: color } }).jpeg().toBuffer();
  const r = await storeUpload(deps, { unitId, userId: null, originalName: 'foto.jpg', alt, bytes });
  if (!r.ok) throw new Error(`upload refused: ${r.error}`);
  const withAvif = await makeAvifVariants(deps, r.value.item.id);
  if (!withAvif.ok) throw new Error('avif failed');
  return r.value.item.id;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-pictures-'));
  f = await createSiteFixture({ cache: false });
  const bacang = await f.unitId('bacang');
  const gabek = await f.unitId('gabek-satu');
  const cover = await photo(bacang, '#2a6', 'Warga bergotong royong');
  gabekPhoto = await photo(gabek, '#a26', 'Foto Gabek Satu');
  const posts = await f.t.db.selectFrom('content_items').select(['id', 'slug']).where('unit_id', '=', bacang).where('kind', '=', 'berita').orderBy('publish_at', 'desc').execute();
  bacangPost = posts[0]!.slug;
  await f.t.db.updateTable('content_items').set({ cover_media_id: cover, cover_alt: 'Kerja bakti di RW 02' }).where('id', '=', posts[0]!.id).execute();
  // A cover that names another unit's photo (a bad import, a tampered row) must show nothing.
  await f.t.db.updateTable('content_items').set({ cover_media_id: gabekPhoto }).where('id', '=', posts[1]!.id).execute();
}, 120_000);

afterAll(async () => {
  await f?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('pictures on the public site', () => {
  it('the article cover is a responsive picture: AVIF, WebP and JPEG sizes, width and height, loaded eagerly', async () => {
    const html = await (await f.get(`/bacang/berita/${bacangPost}`)).text();
    const picture = /<picture class="cover">([\s\S]*?)<\/picture>/.exec(html)?.[1];
    expect(picture).toBeDefined();
    const sources = [...picture!.matchAll(/<source[^>]*>/g)].map((m) => m[0]);
    expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    for (const s of sources) {
      const widths = attr(s, 'srcset')!.split(', ').map((c) => Number(/ (\d+)w$/.exec(c)![1]));
      expect(widths.length).toBeGreaterThan(1);
      expect([...widths].sort((a, b) => a - b)).toEqual(widths);
      expect(attr(s, 'srcset')).toMatch(/^\/media\//);
    }
    const img = /<img[^>]*>/.exec(picture!)![0];
    expect(attr(img, 'src')).toMatch(/^\/media\/.+\.jpe?g$/);
    expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
    expect(Number(attr(img, 'height')) / Number(attr(img, 'width'))).toBeCloseTo(0.75, 2);
    expect(attr(img, 'alt')).toBe('Kerja bakti di RW 02');
    expect(attr(img, 'loading')).toBeUndefined();
    expect(attr(img, 'fetchpriority')).toBe('high');
    // Shared as a real image, with an absolute address.
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/portal\.example\.go\.id\/media\/[^"]+"/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });

  it('cards in a list load their pictures lazily, with sizes for the grid', async () => {
    const html = await (await f.get('/bacang/berita')).text();
    const imgs = [...html.matchAll(/<img[^>]*>/g)].map((m) => m[0]).filter((t) => attr(t, 'src')?.startsWith('/media/'));
    expect(imgs.length).toBe(1);
    expect(attr(imgs[0]!, 'loading')).toBe('lazy');
    expect(html).toMatch(/<source type="image\/avif" srcset="[^"]+" sizes="\(min-width: 48rem\) 22rem, 100vw"/);
  });

  it("never shows another unit's photo, even when a row points at it", async () => {
    const gabekItem = await f.t.db.selectFrom('media').select('variants').where('id', '=', gabekPhoto).executeTakeFirstOrThrow();
    const keys = (JSON.parse(gabekItem.variants) as { key: string }[]).map((v) => v.key);
    expect(keys.length).toBeGreaterThan(4);
    const secondPost = (await f.t.db.selectFrom('content_items').select('slug').where('cover_media_id', '=', gabekPhoto).executeTakeFirstOrThrow()).slug;
    for (const page of ['/bacang/berita', `/bacang/berita/${secondPost}`, '/bacang']) {
      const html = await (await f.get(page)).text();
      for (const k of keys) expect(html).not.toContain(k);
    }
    // The post itself is still there, without a cover.
    const detail = await (await f.get(`/bacang/berita/${secondPost}`)).text();
    expect(detail).not.toContain('<picture');
    // Its share picture falls back to the unit's own (here its generated card, issue 14 point 10).
    expect(detail).toMatch(/<meta property="og:image" content="https:\/\/portal\.example\.go\.id\/_kartu\/[^"]+\.png"/);
  });
});
