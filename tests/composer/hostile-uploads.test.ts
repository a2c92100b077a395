import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { countingStream, heicLike, jpegBomb, noisyPhoto, pngBomb } from '../media/fixtures.js';
import { type ComposerApp, createComposerApp, newDraft, unitId, uploadPhoto } from './support.js';

// Every hostile upload the issue names, through the composer's own upload route: refused with a
// message that says what to do instead, nothing stored, the draft untouched.

describe(`hostile uploads through the composer on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  let draftId: string;
  const mediaCount = async () =>
    Number((await a.t.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', bacang).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
    draftId = await newDraft(op, 'bacang');
  });
  afterAll(async () => a?.close());

  async function refused(res: Response, status: number, phrase: RegExp) {
    expect(res.status).toBe(status);
    const j = (await res.json()) as { ok: boolean; message: string };
    expect(j.ok).toBe(false);
    expect(j.message).toMatch(phrase);
    expect(await mediaCount()).toBe(0);
    expect((await getDraft(a.t.db, bacang, draftId))!.photos).toEqual([]);
  }

  it('a text file renamed to .jpg is refused as "not a photo"', async () => {
    const res = await uploadPhoto(a, op, 'bacang', draftId, Buffer.from('<?php system($_GET["c"]); ?>\n'.repeat(50)), 'foto-kegiatan.jpg');
    await refused(res, 422, /bukan foto.*JPG, PNG atau WebP/);
  });

  it('decompression bombs (PNG and JPEG headers claiming billions of pixels) are refused before decoding', async () => {
    await refused(await uploadPhoto(a, op, 'bacang', draftId, pngBomb(), 'bom.png', { 'content-type': 'image/png' }), 422, /megapiksel/);
    await refused(await uploadPhoto(a, op, 'bacang', draftId, await jpegBomb(), 'bom.jpg'), 422, /megapiksel/);
  });

  it('50 MB is refused: at once when announced, and after the limit when streamed without a size', async () => {
    const head = await noisyPhoto(200, 200);
    const announced = countingStream(50 * 1024 * 1024, head);
    const r1 = await uploadPhoto(a, op, 'bacang', draftId, ReadableStream.from(announced.stream) as ReadableStream<Uint8Array>, 'besar.jpg', { 'content-length': String(50 * 1024 * 1024) });
    await refused(r1, 422, /terlalu besar \(50 MB\).*di bawah 20 MB/);
    // Refused before reading the body, not after swallowing 50 MB.
    expect(announced.counter.bytes).toBeLessThan(2 * 1024 * 1024);

    const unannounced = countingStream(50 * 1024 * 1024, head);
    const r2 = await uploadPhoto(a, op, 'bacang', draftId, ReadableStream.from(unannounced.stream) as ReadableStream<Uint8Array>, 'besar.jpg');
    await refused(r2, 422, /terlalu besar/);
    expect(unannounced.counter.bytes).toBeLessThanOrEqual(22 * 1024 * 1024);
  });

  it('an iPhone HEIC photo is refused with the setting to change', async () => {
    await refused(await uploadPhoto(a, op, 'bacang', draftId, heicLike(), 'IMG_0001.HEIC', { 'content-type': 'image/heic' }), 422, /Paling Kompatibel/);
  });

  it('without scripts, a refused photo is named in the error summary and the typed text stays', async () => {
    const form = new FormData();
    form.append('_csrf', op.csrf);
    form.append('action', 'publish');
    form.append('title', 'Judul yang sudah diketik');
    form.append('body', 'Isi yang sudah diketik tidak boleh hilang.');
    form.append('photos_shown', '1');
    form.append('foto', new Blob([Buffer.from('bukan gambar sama sekali'.repeat(20))], { type: 'image/jpeg' }), 'palsu.jpg');
    const res = await a.request(`/admin/unit/bacang/kabar/${draftId}`, { method: 'POST', cookie: op.cookie, body: form });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('palsu.jpg: Berkas ini bukan foto');
    expect(html).toContain('value="Judul yang sudah diketik"');
    expect(html).toContain('Isi yang sudah diketik tidak boleh hilang.');
    // Not published: the refused photo stops the publish so the user sees the problem first.
    expect((await getDraft(a.t.db, bacang, draftId))!.status).toBe('draft');
  });
});
