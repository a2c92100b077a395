import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { registerChannel, updateChannel } from '../../src/modules/channels/index.js';
import { getDraft, publishDue } from '../../src/modules/composer/index.js';
import { composerDepsOf } from '../../src/web/admin/composer/composer-deps.js';
import { composeServices } from '../../src/main/compose.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId, uploadPhoto } from './support.js';

async function write(a: ComposerApp, s: Session, title: string, photos = 0) {
  const id = await newDraft(s, 'bacang', 'kegiatan');
  for (let i = 0; i < photos; i++) await uploadPhoto(a, s, 'bacang', id, await noisyPhoto(1200 + i * 10, 900), `foto-${i}.jpg`);
  const draft = (await getDraft(a.t.db, await unitId(a, 'bacang'), id))!;
  const fields: Record<string, string | string[]> = { title, body: `Warga Bacang ${title.toLowerCase()} bersama perangkat kelurahan.`, photos_shown: '1', photo: draft.photos.map((p) => p.mediaId) };
  for (const p of draft.photos) fields[`alt:${p.mediaId}`] = `Foto ${title}`;
  return { id, fields };
}

const contentOf = (a: ComposerApp, id: string) => a.t.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const deliveriesOf = (a: ComposerApp, postId: string) => a.t.db.selectFrom('deliveries').selectAll().where('post_id', '=', postId).orderBy('platform').execute();

describe(`publishing and scheduling on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
    await registerChannel(a.deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kelurahanbacang' });
    await registerChannel(a.deps, { unitId: bacang, platform: 'instagram', profileUrl: 'https://www.instagram.com/kelurahan.bacang/' });
  });
  afterAll(async () => a?.close());

  it('"Terbitkan sekarang" puts the post with two photos on the website and makes one delivery per channel', async () => {
    const { id, fields } = await write(a, op, 'Kerja bakti RT 03', 2);
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'publish' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/unit/bacang/kabar/${id}`);
    const draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.status).toBe('published');

    const item = await contentOf(a, draft.contentId!);
    expect(item.kind).toBe('berita');
    expect(item.cover_media_id).toBe(draft.photos[0]!.mediaId);
    expect(item.body_html).toMatch(/<img src="\/media\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg"[^>]* alt="Foto Kerja bakti RT 03"/);

    const done = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(done).toContain('Kabar sudah terbit');
    const publicPath = `/bacang/berita/${item.slug}`;
    expect(done).toContain(`href="${publicPath}"`);
    const page = await a.request(publicPath);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kerja bakti RT 03');

    const deliveries = await deliveriesOf(a, item.id);
    expect(deliveries.map((d) => [d.platform, d.state])).toEqual([
      ['facebook', 'manual_needed'],
      ['instagram', 'manual_needed'],
    ]);
    const ig = JSON.parse(deliveries[1]!.variant);
    expect(ig.caption).toContain('link di bio');
    expect(ig.imageUrls).toHaveLength(2);
    expect(ig.imageUrls[0]).toMatch(/^https:\/\/beranda\.test\/media\/.+\.jpg$/);
    expect(ig.altTexts).toEqual(['Foto Kerja bakti RT 03', 'Foto Kerja bakti RT 03']);
    const fb = JSON.parse(deliveries[0]!.variant);
    expect(fb.caption).toContain(`Baca selengkapnya: https://beranda.test${publicPath}`);

    // Publishing again (a double tap that arrives late) changes nothing.
    const again = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish' });
    expect(again.status).toBe(303);
    expect(await deliveriesOf(a, item.id)).toHaveLength(2);
  });

  it('a post without photos gets its image card as cover and as the Instagram picture', async () => {
    const { id, fields } = await write(a, op, 'Selamat Hari Guru');
    await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, channels_shown: '1', channel: [], action: 'publish' });
    const draft = (await getDraft(a.t.db, bacang, id))!;
    const item = await contentOf(a, draft.contentId!);
    expect(item.cover_media_id).toBeTruthy();
    const card = await a.t.db.selectFrom('media').select(['original_name', 'width', 'height']).where('id', '=', item.cover_media_id!).executeTakeFirstOrThrow();
    expect(card).toEqual({ original_name: 'kartu-kabar.jpg', width: 1080, height: 1350 });
    // Every channel unticked: only the website.
    expect(await deliveriesOf(a, item.id)).toEqual([]);
  });

  it('a scheduled post is hidden until its time (WIB), then public; publishDue adds the deliveries once', async () => {
    // The clock says 09:00 WIB (02:00 UTC); schedule for 10:00 WIB.
    a.clock.set('2026-11-25T02:00:00Z');
    const { id, fields } = await write(a, op, 'Posyandu Melati', 1);
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: '2026-11-25T10:00' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=scheduled');
    const home = await (await op.get('/admin/unit/bacang?pesan=scheduled')).text();
    expect(home).toMatch(/dijadwalkan terbit 25 November 2026 (pukul )?10[.:]00 WIB/);

    let draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.status).toBe('scheduled');
    expect(draft.publishAt).toBe('2026-11-25T03:00:00.000Z');
    const item = await contentOf(a, draft.contentId!);
    expect((await a.request(`/bacang/berita/${item.slug}`)).status).toBe(404);

    const deps = composerDepsOf(a.deps, 'Pangkalpinang');
    a.clock.set('2026-11-25T02:59:00Z');
    expect(await publishDue(deps)).toEqual({ published: 0, late: 0 });
    a.clock.set('2026-11-25T03:00:20Z');
    expect((await a.request(`/bacang/berita/${item.slug}`)).status).toBe(200);
    expect(await publishDue(deps)).toEqual({ published: 1, late: 0 });
    expect(await publishDue(deps)).toEqual({ published: 0, late: 0 });
    draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.status).toBe('published');
    expect(draft.lateNote).toBeNull();
    expect(await deliveriesOf(a, item.id)).toHaveLength(2);
  });

  it('change and cancel: a new time moves it, "Batalkan jadwal" hides it again', async () => {
    a.clock.set('2026-11-25T02:00:00Z');
    const { id, fields } = await write(a, op, 'Rapat RT');
    await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: '2026-11-26T08:00' });
    await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, title: 'Rapat RT diundur', action: 'schedule', jadwal: '2026-11-27T08:00' });
    let draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.publishAt).toBe('2026-11-27T01:00:00.000Z');
    const item = await contentOf(a, draft.contentId!);
    expect(item.title).toBe('Rapat RT diundur');
    expect(item.publish_at).toBe('2026-11-27T01:00:00.000Z');

    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'cancel' });
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=cancelled');
    draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.status).toBe('draft');
    a.clock.set('2026-11-28T00:00:00Z');
    expect((await a.request(`/bacang/berita/${item.slug}`)).status).toBe(404);
    expect(await publishDue(composerDepsOf(a.deps, 'Pangkalpinang'))).toEqual({ published: 0, late: 0 });
  });

  it('refuses a time in the past or far away, keeping what was typed', async () => {
    a.clock.set('2026-11-25T02:00:00Z');
    const { id, fields } = await write(a, op, 'Jadwal salah');
    const past = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: '2026-11-25T08:00' });
    expect(past.status).toBe(422);
    const html = await past.text();
    expect(html).toContain('Waktu itu sudah lewat');
    expect(html).toContain('value="2026-11-25T08:00"');
    const far = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: '2036-11-25T08:00' });
    expect(await far.text()).toContain('lebih dari setahun');
  });

  it('across a restart and downtime: missed posts go out at once, with a note saying how late', async () => {
    a.clock.set('2026-11-25T02:00:00Z');
    const { id, fields } = await write(a, op, 'Pengumuman libur');
    await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: '2026-11-25T11:00' });

    // The server is down from 10:30 to 13:00 WIB; a fresh process opens the same database.
    const reopened = await openDatabase(a.t.config);
    try {
      a.clock.set('2026-11-25T06:00:00Z');
      const deps = composeServices({ db: reopened.db, clock: a.clock, config: a.deps.config }).composer('Pangkalpinang');
      expect(await publishDue(deps)).toEqual({ published: 1, late: 1 });
      const draft = (await getDraft(reopened.db, bacang, id))!;
      expect(draft.status).toBe('published');
      expect(JSON.parse(draft.lateNote!)).toEqual({ minutes: 120, at: '2026-11-25T06:00:00.000Z' });
    } finally {
      await reopened.close();
    }
    const done = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(done).toContain('terbit 120 menit terlambat karena server sempat mati');
    const home = await (await op.get('/admin/unit/bacang')).text();
    expect(home).toContain('Terbit terlambat 120 menit');
  });

  it('refuses to publish until TikTok’s audience is chosen and no edited caption is over its limit', async () => {
    const air = await unitId(a, 'air-itam');
    const tt = await registerChannel(a.deps, { unitId: air, platform: 'tiktok', profileUrl: 'https://www.tiktok.com/@kel.airitam' });
    if (!tt.ok) throw new Error(tt.error);
    await updateChannel(a.t.db, tt.value.id, { state: 'connected' });
    await registerChannel(a.deps, { unitId: air, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel.airitam/' });
    const opAir = await a.loginAs('operator.air-itam');
    const id = await newDraft(opAir, 'air-itam', 'himbauan');
    const text = { title: 'Jaga kebersihan selokan', body: 'Mari bersama menjaga kebersihan selokan di lingkungan kita.', photos_shown: '1' };
    const first = await opAir.post(`/admin/unit/air-itam/kabar/${id}`, { ...text, action: 'publish' });
    expect(first.status).toBe(422);
    expect(await first.text()).toContain('Untuk TikTok, pilih dulu siapa yang boleh melihat');

    // An over-long Instagram caption is kept as typed by the autosave, but stops the publish.
    const long = 'x'.repeat(2300);
    const saved = await autosave(a, opAir, 'air-itam', id, { 'caption:instagram': long, 'caption_auto:instagram': 'auto' });
    expect(saved.status).toBe(200);
    const second = await opAir.post(`/admin/unit/air-itam/kabar/${id}`, { ...text, tiktok_privacy: 'PUBLIC_TO_EVERYONE', action: 'publish' });
    expect(second.status).toBe(422);
    const html = await second.text();
    expect(html).toContain('Teks untuk salah satu media sosial terlalu panjang');
    expect(html).toContain('Terlalu panjang: 2300 dari 2200 huruf');

    const third = await opAir.post(`/admin/unit/air-itam/kabar/${id}`, { ...text, 'caption:instagram': 'Jaga selokan, cegah banjir.', 'caption_auto:instagram': 'auto', action: 'publish' });
    expect(third.status).toBe(303);
    const d = (await getDraft(a.t.db, air, id))!;
    const tiktok = (await deliveriesOf(a, d.contentId!)).find((x) => x.platform === 'tiktok')!;
    expect(tiktok.state).toBe('queued');
    expect(JSON.parse(tiktok.variant)).toMatchObject({ privacyLevel: 'PUBLIC_TO_EVERYONE', title: 'Jaga kebersihan selokan' });
    const ig = (await deliveriesOf(a, d.contentId!)).find((x) => x.platform === 'instagram')!;
    expect(JSON.parse(ig.variant).caption).toBe('Jaga selokan, cegah banjir.');
  });
});
