import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import {
  type MediaDeps,
  createFileMediaStore,
  createS3MediaStore,
  getMedia,
  listMedia,
  listPendingAvif,
  makeAvifVariants,
  pickVariant,
  storeGeneratedImage,
  storeUpload,
  updateMediaAlt,
} from '../../src/modules/media/index.js';
import { renderCardSet } from '../../src/modules/cards/index.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { type TestBucket, createTestBucket } from '../support/test-bucket.js';
import { createS3Bucket } from '../../src/storage/s3-bucket.js';
import { noisyPhoto, phoneJpegWithGps, pngBomb } from './fixtures.js';

let tdb: TestDb;
let root: string;
let bucket: TestBucket | undefined;
let deps: MediaDeps;
let clock = new FixedClock('2026-05-04T01:00:00.000Z');

async function addUnit(id: string, slug: string) {
  await tdb.db
    .insertInto('units')
    .values({
      id, code: null, kind: 'kelurahan', name: slug, slug, parent_id: null, region_code: '19.71',
      settings: '{}', is_demo: 0, created_at: clock.now().toISOString(), updated_at: clock.now().toISOString(),
    })
    .execute();
}

// Issue 18 point 2: the same behaviour from the local folder and from an S3-compatible bucket.
async function setUp(kind: 'local' | 's3') {
  clock = new FixedClock('2026-05-04T01:00:00.000Z');
  tdb = await createTestDb();
  root = mkdtempSync(path.join(os.tmpdir(), 'beranda-media-'));
  if (kind === 's3') bucket = await createTestBucket();
  const store = bucket ? createS3MediaStore(createS3Bucket(bucket.config, bucket.config.bucket), null) : createFileMediaStore(root);
  deps = { db: tdb.db, store, clock };
  await addUnit('u-bacang', 'bacang');
  await addUnit('u-gabek', 'gabek');
}

async function tearDown() {
  await tdb?.close();
  await bucket?.close();
  bucket = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
}

describe.each(['local', 's3'] as const)('media library in the %s store', (kind) => {
  beforeAll(() => setUp(kind));
  afterAll(tearDown);

  it('stores a camera photo cleaned of GPS, with its variants and alt text, in content-addressed files', async () => {
    const photo = await phoneJpegWithGps();
    const r = await storeUpload(deps, {
      unitId: 'u-bacang', userId: null, originalName: 'C:\\fakepath\\IMG_2024.jpg', alt: '  Kerja bakti di RT 03  ', bytes: photo,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { item, duplicate } = r.value;
    expect(duplicate).toBe(false);
    expect(item).toMatchObject({
      unitId: 'u-bacang', originalName: 'IMG_2024.jpg', mime: 'image/jpeg', width: 200, height: 400, alt: 'Kerja bakti di RT 03',
      bytes: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), createdAt: '2026-05-04T01:00:00.000Z',
    });
    expect(item.variants.filter((v) => v.kind === 'social')).toHaveLength(4);
    for (const v of item.variants) {
      const data = await deps.store.read(v.key);
      // The file name is the hash of its bytes: immutable, cacheable, deduplicated.
      expect(path.basename(v.key)).toBe(`${createHash('sha256').update(data).digest('hex')}.${v.format === 'jpeg' ? 'jpg' : v.format}`);
      expect(data.length).toBe(v.bytes);
      expect((await sharp(data).metadata()).exif).toBeUndefined();
    }
    expect(pickVariant(item, { crop: 'story_9x16' })).toMatchObject({ width: 1080, height: 1920 });
  });

  it('returns the existing item when the same photo is uploaded again (a retried upload)', async () => {
    const photo = await noisyPhoto(900, 600);
    const first = await storeUpload(deps, { unitId: 'u-bacang', userId: null, originalName: 'a.jpg', bytes: photo });
    const again = await storeUpload(deps, { unitId: 'u-bacang', userId: null, originalName: 'a (1).jpg', bytes: photo });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value).toEqual({ item: first.value.item, duplicate: true });
    // Another unit uploading the same photo gets its own item.
    const other = await storeUpload(deps, { unitId: 'u-gabek', userId: null, originalName: 'a.jpg', bytes: photo });
    expect(other.ok && other.value.duplicate).toBe(false);
    expect(other.ok && other.value.item.id).not.toBe(first.value.item.id);
  });

  it('takes an upload as a stream and refuses hostile ones without storing anything', async () => {
    async function* streamOf(b: Buffer) {
      for (let i = 0; i < b.length; i += 4096) yield b.subarray(i, i + 4096);
    }
    const ok = await storeUpload(deps, {
      unitId: 'u-gabek', userId: null, originalName: 'stream.png', stream: streamOf(await noisyPhoto(500, 400, 'png')),
    });
    expect(ok.ok && ok.value.item.mime).toBe('image/png');

    const before = (await listMedia(tdb.db, 'u-gabek')).length;
    const bomb = await storeUpload(deps, { unitId: 'u-gabek', userId: null, originalName: 'foto.png', stream: streamOf(pngBomb()) });
    expect(bomb).toMatchObject({ ok: false, error: 'too_many_pixels' });
    const pdf = await storeUpload(deps, {
      unitId: 'u-gabek', userId: null, originalName: 'foto.jpg', bytes: Buffer.from('%PDF-1.4\n' + 'x'.repeat(5000)),
    });
    expect(pdf).toMatchObject({ ok: false, error: 'not_image' });
    const good = await noisyPhoto(800, 600);
    const truncated = await storeUpload(deps, {
      unitId: 'u-gabek', userId: null, originalName: 'cut.jpg', bytes: good.subarray(0, Math.floor(good.length / 2)),
    });
    expect(truncated).toMatchObject({ ok: false, error: 'unreadable' });
    expect(await listMedia(tdb.db, 'u-gabek')).toHaveLength(before);
  });

  it("never lists or returns another unit's media", async () => {
    const bacang = await listMedia(tdb.db, 'u-bacang');
    const gabek = await listMedia(tdb.db, 'u-gabek');
    expect(bacang.length).toBeGreaterThan(0);
    expect(gabek.length).toBeGreaterThan(0);
    expect(bacang.every((m) => m.unitId === 'u-bacang')).toBe(true);
    expect(gabek.every((m) => m.unitId === 'u-gabek')).toBe(true);

    const foreign = gabek[0]!;
    expect(await getMedia(tdb.db, 'u-bacang', foreign.id)).toEqual({ ok: false, error: 'not_found' });
    expect(await getMedia(tdb.db, 'u-gabek', foreign.id)).toMatchObject({ ok: true, value: { id: foreign.id } });
    expect(await updateMediaAlt(tdb.db, 'u-bacang', foreign.id, 'diubah orang lain')).toEqual({ ok: false, error: 'not_found' });
    expect(await getMedia(tdb.db, 'u-gabek', foreign.id)).toMatchObject({ ok: true, value: { alt: foreign.alt } });
  });

  it('lists newest first and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await storeUpload(deps, { unitId: 'u-bacang', userId: null, originalName: `p${i}.jpg`, bytes: await noisyPhoto(300 + i, 200) });
    }
    const all = await listMedia(tdb.db, 'u-bacang');
    expect(all.map((m) => m.originalName).slice(0, 3)).toEqual(['p2.jpg', 'p1.jpg', 'p0.jpg']);
    const page1 = await listMedia(tdb.db, 'u-bacang', { limit: 2 });
    const last = page1[page1.length - 1]!;
    const page2 = await listMedia(tdb.db, 'u-bacang', { limit: 2, before: { createdAt: last.createdAt, id: last.id } });
    expect([...page1, ...page2].map((m) => m.id)).toEqual(all.slice(0, 4).map((m) => m.id));
  });

  it('saves alt text, collapsing spaces and refusing an essay', async () => {
    const [item] = await listMedia(tdb.db, 'u-bacang', { limit: 1 });
    const r = await updateMediaAlt(tdb.db, 'u-bacang', item!.id, '  Lurah  menyerahkan\nbantuan ');
    expect(r).toMatchObject({ ok: true, value: { alt: 'Lurah menyerahkan bantuan' } });
    expect(await updateMediaAlt(tdb.db, 'u-bacang', item!.id, 'x'.repeat(301))).toEqual({ ok: false, error: 'alt_too_long' });
  });

  it('adds AVIF variants in the background, and running the job twice changes nothing', async () => {
    const up = await storeUpload(deps, { unitId: 'u-bacang', userId: null, originalName: 'avif.jpg', bytes: await noisyPhoto(1000, 700, 'jpeg', 2) });
    if (!up.ok) throw new Error('upload failed');
    expect(up.value.item.variants.some((v) => v.kind === 'avif')).toBe(false);
    expect(await listPendingAvif(tdb.db, 500)).toContain(up.value.item.id);

    const first = await makeAvifVariants(deps, up.value.item.id);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const avif = first.value.variants.filter((v) => v.kind === 'avif');
    expect(avif.map((v) => v.name)).toEqual(['web-480.avif', 'web-960.avif', 'web-1000.avif']);
    for (const v of avif) expect(await deps.store.has(v.key)).toBe(true);

    const stored = await getMedia(tdb.db, 'u-bacang', up.value.item.id);
    expect(stored.ok && stored.value.variants).toEqual(first.value.variants);
    expect(await listPendingAvif(tdb.db, 500)).not.toContain(up.value.item.id);
    const second = await makeAvifVariants(deps, up.value.item.id);
    expect(second.ok && second.value.variants).toEqual(first.value.variants);
    expect(pickVariant(first.value, { format: 'avif', minWidth: 700 })).toMatchObject({ name: 'web-960.avif' });

    expect(await makeAvifVariants(deps, 'no-such-id')).toEqual({ ok: false, error: 'not_found' });
  });

  it('keeps an image card in the library with its ready-made formats, not re-cropped', async () => {
    const set = await renderCardSet({
      template: 'pengumuman', title: 'Pelayanan KTP-el libur Jumat', unitName: 'Kelurahan Bacang',
      date: new Date('2026-05-04T02:00:00Z'),
    });
    const r = await storeGeneratedImage(deps, {
      unitId: 'u-bacang', userId: null, name: 'kartu-pengumuman.png', alt: 'Pengumuman: Pelayanan KTP-el libur Jumat', source: set.source, crops: set.crops,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { item } = r.value;
    expect(item).toMatchObject({ mime: 'image/png', width: 1080, height: 1350, alt: 'Pengumuman: Pelayanan KTP-el libur Jumat' });
    const social = item.variants.filter((v) => v.kind === 'social').map((v) => [v.crop, v.format, v.width, v.height]);
    expect(social).toEqual([
      ['portrait_4x5', 'jpeg', 1080, 1350],
      ['story_9x16', 'jpeg', 1080, 1920],
      ['landscape_og', 'png', 1200, 630],
    ]);
    // The stored 9:16 file is byte-for-byte the rendered card.
    expect((await deps.store.read(pickVariant(item, { crop: 'story_9x16' })!.key)).equals(set.crops.story_9x16)).toBe(true);
    expect(item.variants.filter((v) => v.kind === 'web').map((v) => v.name).sort()).toEqual(
      ['web-1080.jpg', 'web-1080.webp', 'web-480.jpg', 'web-480.webp', 'web-960.jpg', 'web-960.webp'],
    );
    const again = await storeGeneratedImage(deps, {
      unitId: 'u-bacang', userId: null, name: 'kartu.png', alt: '', source: set.source, crops: set.crops,
    });
    expect(again.ok && again.value).toMatchObject({ duplicate: true, item: { id: item.id } });
  });
});
