import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import { signMediaUrl } from '../../src/modules/publishing/index.js';
import { noisyPhoto } from '../media/fixtures.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type TestBucket, createTestBucket } from '../support/test-bucket.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId, uploadPhoto } from '../composer/support.js';

// Issue 16 point 4: draft and unpublished media are served only to staff who may read the unit,
// or through a short-lived signed link; published ones to everyone (cacheable); unpublishing
// makes them private again. Issue 18 point 2: the same from the local folder and from an
// S3-compatible bucket; with MEDIA_PUBLIC_URL a published file is a redirect to the bucket/CDN
// (here the bucket's own address on the local S3 server), a draft's is still streamed to staff.

describe.each(['local', 's3'] as const)(`private until published on ${testEngine()}, %s store`, (kind) => {
  let bucket: TestBucket | undefined;
  let a: ComposerApp;
  let op: Session;
  let opGabek: Session;
  let lurah: Session;
  let bacang: string;

  const anonymous = (path: string) => a.request(path);
  /** Every variant key of the draft's first photo. */
  async function keysOfFirstPhoto(draftId: string): Promise<string[]> {
    const d = (await getDraft(a.t.db, bacang, draftId))!;
    const row = await a.t.db.selectFrom('media').select('variants').where('id', '=', d.photos[0]!.mediaId).executeTakeFirstOrThrow();
    return (JSON.parse(row.variants) as { key: string }[]).map((v) => v.key);
  }

  /** A public answer: the bytes (folder), or a redirect to the object in the bucket whose bytes are the file's. */
  async function expectPublic(res: Response, key: string) {
    if (kind === 'local') {
      expect(res.status, key).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      return;
    }
    expect(res.status, key).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toBe(`${bucket!.config.endpoint}/${bucket!.config.bucket}/media/${key}`);
    const direct = await fetch(location);
    expect(direct.status).toBe(200);
    expect(Buffer.from(await direct.arrayBuffer()).equals(await a.services.media.store.read(key))).toBe(true);
  }

  beforeAll(async () => {
    if (kind === 's3') {
      bucket = await createTestBucket();
      bucket.config.publicBaseUrl = `${bucket.config.endpoint}/${bucket.config.bucket}`;
    }
    a = await createComposerApp(bucket ? { objectStore: bucket.config } : {});
    [op, opGabek, lurah] = await Promise.all(['operator.bacang', 'operator.gabek-satu', 'lurah.bacang'].map((u) => a.loginAs(u)));
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => {
    await a?.close();
    await bucket?.close();
  });

  it('a draft’s media URL answers 404 to the public and a published one 200; unpublishing hides it again', async () => {
    const id = await newDraft(op, 'bacang');
    expect((await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(800, 600))).status).toBe(200);
    await autosave(a, op, 'bacang', id, { title: 'Gotong royong di RT 03', body: 'Warga membersihkan saluran air bersama-sama.' });
    const keys = await keysOfFirstPhoto(id);
    expect(keys.length).toBeGreaterThan(2);

    for (const key of keys) {
      const res = await anonymous(`/media/${key}`);
      expect(res.status, key).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    // Staff who may read the unit see their draft's photo (the composer's thumbnails), never
    // cached by a shared cache; another unit's staff do not.
    const own = await op.get(`/media/${keys[0]}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await own.arrayBuffer()).equals(await a.services.media.store.read(keys[0]!))).toBe(true);
    expect((await opGabek.get(`/media/${keys[0]}`)).status).toBe(404);
    // The platforms' short-lived signed links keep working for a draft.
    const signed = new URL(signMediaUrl({ publicUrl: 'https://beranda.test', secret: a.deps.config.secret }, `/media/${keys[0]}`, a.clock.now()));
    const pulled = await anonymous(`${signed.pathname}${signed.search}`);
    expect(pulled.status).toBe(200);
    expect(Buffer.from(await pulled.arrayBuffer()).equals(await a.services.media.store.read(keys[0]!))).toBe(true);

    expect((await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish' })).status).toBe(303);
    for (const key of keys) await expectPublic(await anonymous(`/media/${key}`), key);

    // Back to draft through the plain editor's status button: private again at once.
    const contentId = (await getDraft(a.t.db, bacang, id))!.contentId!;
    expect((await lurah.post(`/admin/unit/bacang/konten/${contentId}/status`, { status: 'archived' })).status).toBe(303);
    for (const key of keys) expect((await anonymous(`/media/${key}`)).status, key).toBe(404);
  });

  it('a scheduled post’s photos stay private until its time, then are public', async () => {
    const id = await newDraft(op, 'bacang');
    await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(640, 640));
    await autosave(a, op, 'bacang', id, { title: 'Posyandu bulan depan', body: 'Posyandu Melati buka pukul delapan pagi.' });
    const [key] = await keysOfFirstPhoto(id);
    // 2026-11-25T02:00Z is 09:00 WIB; scheduled for 10:00 WIB.
    expect((await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'schedule', jadwal: '2026-11-25T10:00' })).status).toBe(303);
    expect((await anonymous(`/media/${key}`)).status).toBe(404);
    a.clock.advance(61 * 60_000);
    await expectPublic(await anonymous(`/media/${key}`), key!);
  });

  it('a photo used by the unit’s public profile is public; unknown and malformed keys are 404', async () => {
    const id = await newDraft(op, 'bacang');
    await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(500, 500));
    const [key] = await keysOfFirstPhoto(id);
    expect((await anonymous(`/media/${key}`)).status).toBe(404);
    const saved = await lurah.post('/admin/unit/bacang/profil/identitas', { alamatKantor: 'Jl. Bacang No. 1', logo: `/media/${key}` });
    expect(saved.status).toBe(303);
    await expectPublic(await anonymous(`/media/${key}`), key!);
    expect((await anonymous(`/media/${'0'.repeat(2)}/00/${'0'.repeat(64)}.webp`)).status).toBe(404);
    expect((await anonymous('/media/../../etc/passwd')).status).toBe(404);
  });
});
