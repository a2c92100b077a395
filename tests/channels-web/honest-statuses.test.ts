import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelActivitySource, connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import { countAudiences, forgetPrivacyOptions, listUnitPosts, runDueDeliveries } from '../../src/modules/publishing/index.js';
import { audienceSummary } from '../../src/web/admin/channels/audience-words.js';
import { publishingDepsOf } from '../../src/web/admin/channels/channels-deps.js';
import { testEngine } from '../support/test-db.js';
import type { Session } from '../support/test-app.js';
import { channelsWorld, type ChannelsWorld, unitId } from './support.js';

// #14 point 8: a delivery's status says what citizens can see, with the platform named on every
// line. The city's TikTok app is not audited (the default), so TikTok offers only "Hanya saya",
// says why, and its post is shown and counted as "hanya pemilik akun" — never as public.

describe(`honest delivery statuses on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let op: Session;
  let bacang: string;
  const ids = { fb: '', ig: '', tt: '' };
  let draftId = '';
  let postId = '';

  beforeAll(async () => {
    w = await channelsWorld();
    op = await w.a.loginAs('operator.bacang');
    bacang = await unitId(w.a, 'bacang');
    forgetPrivacyOptions();
    const deps = { db: w.a.t.db, clock: w.a.clock, tokenKey: w.a.deps.services.tokenKey };
    const page = w.fakes.state.addFacebookPage({ username: 'kel.bacang' });
    const ig = w.fakes.state.addInstagramAccount({ username: 'kel_bacang' });
    // A private TikTok account: the only kind an unaudited app may post to.
    const tt = w.fakes.state.addTikTokAccount({ username: 'kel_bacang', privateAccount: true });
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
    await connectChannel(deps, { channelId: ids.tt, platformAccountId: tt.openId, tokens: { accessToken: tt.token, expiresAt: null } });
  });
  afterAll(async () => w.close());

  it('the editor offers TikTok only what TikTok allows: "Hanya saya", and says why', async () => {
    const res = await op.post('/admin/unit/bacang/tulis', { template: 'kegiatan' });
    draftId = /\/kabar\/([a-z0-9]+)$/.exec(res.headers.get('location')!)![1]!;
    const html = await (await op.get(`/admin/unit/bacang/kabar/${draftId}`)).text();
    expect(html).toContain('id="tt-SELF_ONLY"');
    expect(html).not.toContain('id="tt-PUBLIC_TO_EVERYONE"');
    expect(html).not.toContain('id="tt-MUTUAL_FOLLOW_FRIENDS"');
    expect(html).toContain('Aplikasi TikTok kota belum diaudit oleh TikTok');
  });

  it('the done page names each platform and what citizens can see there; TikTok is "hanya pemilik akun", not counted as shown', async () => {
    const pub = await op.post(`/admin/unit/bacang/kabar/${draftId}`, {
      action: 'publish',
      title: 'Kerja bakti RW 03',
      body: 'Warga RW 03 membersihkan selokan bersama perangkat kelurahan hari Minggu pagi.',
      photos_shown: '1',
      channels_shown: '1',
      channel: [ids.fb, ids.ig, ids.tt],
      tiktok_privacy: 'SELF_ONLY',
    } as never);
    expect(pub.status).toBe(303);
    const draft = (await getDraft(w.a.t.db, bacang, draftId))!;
    postId = draft.contentId!;
    const publishing = { ...publishingDepsOf(w.a.deps), policy: { baseBackoffMs: 1 } };
    for (let i = 0; i < 8; i++) {
      await runDueDeliveries(publishing);
      w.a.clock.advance(60_000);
    }
    const states = await w.a.t.db.selectFrom('deliveries').select(['platform', 'state', 'visibility']).where('post_id', '=', postId).orderBy('platform').execute();
    expect(states).toEqual([
      { platform: 'facebook', state: 'published', visibility: 'public' },
      { platform: 'instagram', state: 'published', visibility: 'public' },
      { platform: 'tiktok', state: 'published', visibility: 'private_only' },
    ]);

    const done = await (await op.get(`/admin/unit/bacang/kabar/${draftId}`)).text();
    const lines = [...done.matchAll(/<li class="audience-[a-z_]+" data-platform="(\w+)">(.*?)<\/li>/gs)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()]);
    expect(lines.map((l) => l[0])).toEqual(['facebook', 'instagram', 'tiktok']);
    expect(lines[0]![1]).toMatch(/^Facebook @kel\.bacang Tampil untuk umum Lihat postingan di Facebook$/);
    expect(lines[1]![1]).toMatch(/^Instagram @kel_bacang Tampil untuk umum Lihat postingan di Instagram$/);
    // A private TikTok post has no public address to link to.
    expect(lines[2]![1]).toBe('TikTok @kel_bacang Hanya pemilik akun (TikTok belum diaudit)');
    expect(done).toContain('2 dari 3 tampil untuk umum · 1 hanya pemilik akun');
    expect(done).not.toContain('Menunggu dikirim');
  });

  it('the post page and the social-posts list count the TikTok post as not public, and list the post by its title', async () => {
    const post = await (await op.get(`/admin/unit/bacang/kiriman/${postId}`)).text();
    expect(post).toContain('2 dari 3 tampil untuk umum · 1 hanya pemilik akun');
    expect(post).toContain('Kerja bakti RW 03');
    const list = await (await op.get('/admin/unit/bacang/kiriman')).text();
    expect(list).toContain('<span class="name">Kerja bakti RW 03</span>');
    expect(list).not.toContain('<span class="name">Kerja bakti RW 03\n');
    const [summary] = await listUnitPosts(w.a.t.db, bacang);
    expect(summary!.counts).toMatchObject({ total: 3, public: 2, ownerOnly: 1 });
    expect(audienceSummary(countAudiences([{ state: 'published', visibility: 'private_only', nextAttemptAt: null }]))).toBe('0 dari 1 tampil untuk umum · 1 hanya pemilik akun');
  });

  it('compliance does not count the private TikTok post as activity citizens can see', async () => {
    const activity = await channelActivitySource(w.a.t.db).listActivity(bacang, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    expect(activity.map((a) => a.platform).sort()).toEqual(['facebook', 'instagram']);
    // It is stored (the account page still shows it was posted), only not counted.
    expect(await w.a.t.db.selectFrom('channel_activity').select('platform').where('unit_id', '=', bacang).where('platform', '=', 'tiktok').execute()).toHaveLength(1);
  });
});
