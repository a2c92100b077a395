import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { enqueueDeliveries, runDueDeliveries } from '../../src/modules/publishing/index.js';
import { createFileMediaStore } from '../../src/modules/media/index.js';
import { publishingDepsOf } from '../../src/web/admin/channels/channels-deps.js';
import { tokenHealthJob } from '../../src/main/channels-jobs.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { testEngine } from '../support/test-db.js';
import type { Session } from '../support/test-app.js';
import { channelsWorld, type ChannelsWorld, unitId } from './support.js';

// A post to Facebook and Instagram (connected to the fakes) and TikTok (registered only, so the
// manual kit): the delivery page shows each permalink, the kit completes with a checked link,
// an expired token becomes a reconnect warning on the staff home and notifications.

describe(`deliveries, manual kit and reconnect warnings on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let op: Session;
  let bacang: string;
  const ids = { fb: '', ig: '', tt: '' };
  const postId = 'post-kerja-bakti';
  let imageUrl = '';

  beforeAll(async () => {
    w = await channelsWorld();
    op = await w.a.loginAs('operator.bacang');
    bacang = await unitId(w.a, 'bacang');
    const deps = { db: w.a.t.db, clock: w.a.clock, tokenKey: w.a.deps.services.tokenKey };
    const page = w.fakes.state.addFacebookPage({ username: 'kel.bacang' });
    const ig = w.fakes.state.addInstagramAccount({ username: 'kel_bacang' });
    const reg = async (platform: 'facebook' | 'instagram' | 'tiktok', url: string) => {
      const r = await registerChannel(deps, { unitId: bacang, platform, profileUrl: url });
      if (!r.ok) throw new Error(r.error);
      return r.value.id;
    };
    ids.fb = await reg('facebook', 'https://www.facebook.com/kel.bacang');
    ids.ig = await reg('instagram', 'https://www.instagram.com/kel_bacang/');
    ids.tt = await reg('tiktok', 'https://www.tiktok.com/@kel_bacang');
    await connectChannel(deps, { channelId: ids.fb, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });
    await connectChannel(deps, { channelId: ids.ig, platformAccountId: ig.id, tokens: { accessToken: ig.token, expiresAt: null } });
    // A real stored photo, referenced the way the composer does: {PUBLIC_URL}/media/<key>.
    const key = await createFileMediaStore(w.a.deps.config.mediaDir).put(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'jpg');
    imageUrl = `http://localhost/media/${key}`;
    const caption = 'Kerja bakti hari Minggu di RW 03';
    await enqueueDeliveries(deps, {
      unitId: bacang,
      postId,
      targets: [
        { channelId: ids.fb, variant: { caption, imageUrls: [imageUrl] } },
        { channelId: ids.ig, variant: { caption: `${caption} #KelurahanBacang`, imageUrls: [imageUrl] } },
        { channelId: ids.tt, variant: { caption: `${caption} #Bacang`, title: 'Kerja bakti RW 03', imageUrls: [imageUrl] } },
      ],
    });
    const publishing = { ...publishingDepsOf(w.a.deps), policy: { baseBackoffMs: 1 } };
    for (let i = 0; i < 6; i++) {
      await runDueDeliveries(publishing);
      w.a.clock.advance(60_000);
    }
  });
  afterAll(async () => w.close());

  it('shows each channel with its permalink, and the manual one with its reason', async () => {
    const html = await (await op.get(`/admin/unit/bacang/kiriman/${postId}`)).text();
    const fbPost = w.fakes.state.posts.find((p) => p.platform === 'facebook')!;
    const igPost = w.fakes.state.posts.find((p) => p.platform === 'instagram')!;
    expect(html).toContain(`href="${fbPost.permalink}"`);
    expect(html).toContain(`href="${igPost.permalink}"`);
    expect(html).toContain('2 dari 3 tampil untuk umum');
    expect(html).toContain('Belum tampil: perlu diposting manual');
    expect(html).toContain('Akun ini belum terhubung ke Beranda');
    expect(html).toContain(`/admin/unit/bacang/kiriman/${postId}/`);
    // The unit overview lists the post.
    expect(await (await op.get('/admin/unit/bacang/kiriman')).text()).toContain('Kerja bakti hari Minggu di RW 03');
  });

  it('Instagram pulled the photo from a signed, time-limited link under PUBLIC_URL', async () => {
    const container = [...w.fakes.state.containers.values()][0]!;
    expect(container.imageUrl).toMatch(/^http:\/\/localhost\/media\/.+\?exp=\d+&sig=/);
    const u = new URL(container.imageUrl!);
    const ok = await w.a.request(`${u.pathname}${u.search}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await ok.arrayBuffer())[0]).toBe(0xff);
    const tampered = await w.a.request(`${u.pathname}?exp=${Number(u.searchParams.get('exp')) + 60}&sig=${u.searchParams.get('sig')}`);
    expect(tampered.status).toBe(403);
    expect((await w.a.request(`${u.pathname}?exp=${u.searchParams.get('exp')}&sig=x${u.searchParams.get('sig')!.slice(1)}`)).status).toBe(403);
  });

  it('a signed media link dies after its time', async () => {
    const container = [...w.fakes.state.containers.values()][0]!;
    const u = new URL(container.imageUrl!);
    const saved = w.a.clock.now();
    w.a.clock.advance(49 * 3_600_000);
    expect((await w.a.request(`${u.pathname}${u.search}`)).status).toBe(410);
    w.a.clock.set(saved);
  });

  it('the manual kit gives photo, caption and platform button, and refuses a link from another account', async () => {
    const d = await w.a.t.db.selectFrom('deliveries').selectAll().where('channel_id', '=', ids.tt).executeTakeFirstOrThrow();
    const kitPath = `/admin/unit/bacang/kiriman/${postId}/${d.id}/manual`;
    const kit = await (await op.get(kitPath)).text();
    expect(kit).toContain('Kerja bakti RW 03\n\nKerja bakti hari Minggu di RW 03 #Bacang');
    expect(kit).toContain('href="https://www.tiktok.com/@kel_bacang"');
    const img = /<img src="([^"]+)"/.exec(kit)![1]!.replace(/&amp;/g, '&');
    expect(img).toMatch(/^\/media\/.+\?exp=\d+&sig=/);
    expect((await w.a.request(img)).status).toBe(200);

    const wrong = await op.post(kitPath, { link: 'https://www.tiktok.com/@akun_lain/video/7294512345678901999' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('dari akun lain (@akun_lain), bukan akun terdaftar @kel_bacang');
    // The module answers codes; the page says them with the channel's platform and account.
    const otherPlatform = await op.post(kitPath, { link: 'https://www.instagram.com/p/Cabc123/' });
    expect(otherPlatform.status).toBe(422);
    expect(await otherPlatform.text()).toContain('Tautan ini bukan tautan TikTok.');
    expect(await (await op.post(kitPath, { link: 'https://www.tiktok.com/@kel_bacang' })).text()).toContain('Tautan ini menuju halaman akun, bukan ke satu postingan.');
    expect((await w.a.t.db.selectFrom('deliveries').select('state').where('id', '=', d.id).executeTakeFirstOrThrow()).state).toBe('manual_needed');
  });

  it('a pendamping may not post by hand for the unit: no kit link, kit and "Sudah diposting" refused (the one publishing policy)', async () => {
    const d = await w.a.t.db.selectFrom('deliveries').selectAll().where('channel_id', '=', ids.tt).executeTakeFirstOrThrow();
    const kitPath = `/admin/unit/bacang/kiriman/${postId}/${d.id}/manual`;
    const pendamping = await w.a.loginAs('pendamping');
    const page = await (await pendamping.get(`/admin/unit/bacang/kiriman/${postId}`)).text();
    expect(page).not.toContain(`href="${kitPath}"`);
    expect(page).toContain('Posting manual hanya bisa dicatat oleh yang boleh menerbitkan');
    expect((await op.get(`/admin/unit/bacang/kiriman/${postId}`)).status).toBe(200);
    expect(await (await op.get(`/admin/unit/bacang/kiriman/${postId}`)).text()).toContain(`href="${kitPath}"`);
    expect((await pendamping.get(kitPath)).status).toBe(403);
    const refused = await pendamping.post(kitPath, { link: 'https://www.tiktok.com/@kel_bacang/photo/7294512345678901234' });
    expect(refused.status).toBe(403);
    expect((await w.a.t.db.selectFrom('deliveries').select('state').where('id', '=', d.id).executeTakeFirstOrThrow()).state).toBe('manual_needed');
    const denied = await w.a.t.db.selectFrom('audit_log').select('target').where('action', '=', 'access.denied').execute();
    expect(denied.map((r) => r.target)).toContain(kitPath);
  });

  it('"Sudah diposting" with the right link records the delivery as published with evidence', async () => {
    const d = await w.a.t.db.selectFrom('deliveries').selectAll().where('channel_id', '=', ids.tt).executeTakeFirstOrThrow();
    const link = 'https://www.tiktok.com/@kel_bacang/photo/7294512345678901234?is_from_webapp=1';
    const res = await op.post(`/admin/unit/bacang/kiriman/${postId}/${d.id}/manual`, { link });
    expect(res.headers.get('location')).toBe(`/admin/unit/bacang/kiriman/${postId}?pesan=manual_done`);
    const after = await w.a.t.db.selectFrom('deliveries').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(after.state).toBe('published');
    expect(after.permalink).toBe('https://www.tiktok.com/@kel_bacang/photo/7294512345678901234');
    expect(after.platform_post_id).toBe('7294512345678901234');
    expect(JSON.parse(after.evidence!)).toMatchObject({ accountChecked: true, checkedBy: 'url' });
    const activity = await w.a.t.db.selectFrom('channel_activity').selectAll().where('delivery_id', '=', d.id).executeTakeFirstOrThrow();
    expect(activity.source).toBe('manual');
    const html = await (await op.get(`/admin/unit/bacang/kiriman/${postId}?pesan=manual_done`)).text();
    expect(html).toContain('3 dari 3 tampil untuk umum');
    expect(html).toContain('Tautan sudah diperiksa');
  });

  it("a unit cannot see or act on another unit's deliveries", async () => {
    const d = await w.a.t.db.selectFrom('deliveries').selectAll().where('channel_id', '=', ids.fb).executeTakeFirstOrThrow();
    const other = await w.a.loginAs('operator.gabek-satu');
    const notFound = '/admin/unit/gabek-satu/kiriman?pesan=not_found';
    expect((await other.get(`/admin/unit/gabek-satu/kiriman/${postId}`)).headers.get('location')).toBe(notFound);
    expect((await other.get(`/admin/unit/gabek-satu/kiriman/${postId}/${d.id}/manual`)).headers.get('location')).toBe(notFound);
    expect((await other.post(`/admin/unit/gabek-satu/kiriman/${postId}/${d.id}/ulang`)).headers.get('location')).toBe(notFound);
    expect((await other.post(`/admin/unit/gabek-satu/kiriman/${postId}/${d.id}/manual`, { link: 'https://www.facebook.com/kel.bacang/posts/1' })).headers.get('location')).toBe(notFound);
    expect((await other.get(`/admin/unit/bacang/kiriman/${postId}`)).status).toBe(403);
    expect(await (await other.get('/admin/unit/gabek-satu/kiriman')).text()).not.toContain('Kerja bakti');
    expect((await w.a.t.db.selectFrom('deliveries').select('state').where('id', '=', d.id).executeTakeFirstOrThrow()).state).toBe('published');
  });

  it('an expired token: reconnect warning on the staff home, notifications once, then "Coba lagi" works after reconnecting', async () => {
    const deps = { db: w.a.t.db, clock: w.a.clock, tokenKey: w.a.deps.services.tokenKey };
    const page = [...w.fakes.state.pages.values()].find((p) => p.username === 'kel.bacang')!;
    w.fakes.state.expireToken(page.token);
    await enqueueDeliveries(deps, { unitId: bacang, postId: 'post-2', targets: [{ channelId: ids.fb, variant: { caption: 'Posyandu Selasa', imageUrls: [] } }] });
    await runDueDeliveries(publishingDepsOf(w.a.deps));
    const d = await w.a.t.db.selectFrom('deliveries').selectAll().where('post_id', '=', 'post-2').executeTakeFirstOrThrow();
    expect(d.state).toBe('failed');
    expect(d.reason_code).toBe('token_expired');

    const home = await (await op.get('/admin/unit/bacang')).text();
    expect(home).toContain('perlu dihubungkan ulang');
    expect(home).toContain('/admin/unit/bacang/kanal');
    const kanal = await (await op.get('/admin/unit/bacang/kanal')).text();
    expect(kanal).toContain('Perlu dihubungkan ulang');
    expect(kanal).toContain('Hubungkan ulang');

    // The hourly job tells the unit's lurah and operator and admin kota, once.
    const worker = { db: w.a.t.db, config: w.a.deps.config, clock: w.a.clock, logger: w.a.deps.logger, jobs: {} as JobQueue, services: w.a.services };
    const run = () => tokenHealthJob.run({ id: 'j', name: tokenHealthJob.name, data: {}, attempt: 1, signal: new AbortController().signal }, worker);
    await run();
    await run();
    const notes = await w.a.t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.body', 'notifications.link'])
      .where('notifications.unit_id', '=', bacang)
      .execute();
    const who = notes.map((n) => n.username).sort();
    expect(who).toContain('operator.bacang');
    expect(who).toContain('lurah.bacang');
    expect(who).toContain('admin');
    expect(who).not.toContain('operator.gabek-satu');
    expect(new Set(who).size).toBe(who.length);
    expect(notes[0]!.body).toContain('perlu dihubungkan ulang');

    // Reconnect (the Page token works again), then "Coba lagi".
    const fresh = w.fakes.state.addFacebookPage({ id: `${page.id}0`, username: 'kel.bacang.baru' });
    await connectChannel(deps, { channelId: ids.fb, platformAccountId: fresh.id, tokens: { accessToken: fresh.token, expiresAt: null } });
    expect(await (await op.get('/admin/unit/bacang')).text()).not.toContain('perlu dihubungkan ulang');
    const retry = await op.post(`/admin/unit/bacang/kiriman/post-2/${d.id}/ulang`);
    expect(retry.headers.get('location')).toBe('/admin/unit/bacang/kiriman/post-2?pesan=retry');
    await runDueDeliveries(publishingDepsOf(w.a.deps));
    const after = await w.a.t.db.selectFrom('deliveries').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(after.state).toBe('published');
    expect(await (await op.get('/admin/unit/bacang/kiriman/post-2')).text()).toContain(`href="${after.permalink}"`);
  });
});
