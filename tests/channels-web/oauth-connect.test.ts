import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/test-db.js';
import type { Session } from '../support/test-app.js';
import { browser, channelOf, channelsWorld, type ChannelsWorld, setCookies, unitId } from './support.js';

// Registry and OAuth connection through the HTTP edge, against the loopback contract fakes.

describe(`channel registry and OAuth connect on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    w = await channelsWorld();
    op = await w.a.loginAs('operator.bacang');
    bacang = await unitId(w.a, 'bacang');
  });
  afterAll(async () => w.close());

  it('registers accounts by profile link and explains a wrong link in Indonesian', async () => {
    const bad = await op.post('/admin/unit/bacang/kanal', { platform: 'instagram', url: 'https://www.facebook.com/kelurahan.bacang' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Alamat ini bukan alamat Instagram');
    const post = await op.post('/admin/unit/bacang/kanal', { platform: 'instagram', url: 'https://www.instagram.com/kel_bacang/' });
    expect(post.status).toBe(303);
    const twice = await op.post('/admin/unit/bacang/kanal', { platform: 'instagram', url: 'https://www.instagram.com/kel_bacang' });
    expect(await twice.text()).toContain('sudah terdaftar');
    for (const [platform, url] of [['facebook', 'https://www.facebook.com/kel.bacang'], ['tiktok', 'https://www.tiktok.com/@kel_bacang']]) {
      expect((await op.post('/admin/unit/bacang/kanal', { platform: platform!, url: url!, official: '1' })).status).toBe(303);
    }
    const page = await (await op.get('/admin/unit/bacang/kanal')).text();
    expect(page).toContain('@kel_bacang');
    expect(page).toContain('Terdaftar (posting manual)');
    expect(page).toContain('Hubungkan TikTok');
  });

  it('connects a Facebook Page chosen after the dialog, with the token encrypted at rest', async () => {
    const page = w.fakes.state.addFacebookPage({ username: 'kel.bacang', userId: 'u-bacang' });
    w.fakes.state.addFacebookPage({ username: 'kel.lain', userId: 'u-bacang' });
    const fb = await channelOf(w.a, bacang, 'facebook');
    const b = browser(w.a, op);
    const start = await b.post(`/admin/unit/bacang/kanal/${fb.id}/hubungkan`);
    expect(start.status).toBe(303);
    const dialog = new URL(start.headers.get('location')!);
    expect(dialog.pathname).toMatch(/\/v\d+\.\d+\/dialog\/oauth$/);
    expect(dialog.searchParams.get('redirect_uri')).toBe('http://localhost/integrations/oauth/facebook/callback');
    const state = dialog.searchParams.get('state')!;
    expect(state.length).toBeGreaterThan(20);

    const code = w.fakes.state.issueCode('facebook', 'u-bacang');
    const back = await b.get(`/integrations/oauth/facebook/callback?code=${code}&state=${state}`);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/admin/unit/bacang/kanal/${fb.id}/pilih`);
    const choose = await (await b.get(`/admin/unit/bacang/kanal/${fb.id}/pilih`)).text();
    expect(choose).toContain('kel.lain');
    expect(choose).toMatch(new RegExp(`value="${page.id}"[^>]*checked`));

    const wrong = await b.post(`/admin/unit/bacang/kanal/${fb.id}/pilih`, { page: [...w.fakes.state.pages.values()].find((p) => p.username === 'kel.lain')!.id });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('bukan akun terdaftar @kel.bacang');

    const done = await b.post(`/admin/unit/bacang/kanal/${fb.id}/pilih`, { page: page.id });
    expect(done.headers.get('location')).toContain('pesan=connected');
    const row = await channelOf(w.a, bacang, 'facebook');
    expect(row.state).toBe('connected');
    expect(row.platform_account_id).toBe(page.id);
    expect(row.access_token_enc).toMatch(/^v1:/);
    expect(row.access_token_enc).not.toContain(page.token);
    // The pending connection is gone: the page cannot be replayed.
    expect(b.oauthCookie()).toBe('');
  });

  it('connects Instagram through the Facebook Page it is linked to', async () => {
    const page = w.fakes.state.addFacebookPage({ username: 'halaman.bacang', userId: 'u-ig' });
    const ig = w.fakes.state.addInstagramAccount({ username: 'kel_bacang', linkedPageId: page.id });
    const ch = await channelOf(w.a, bacang, 'instagram');
    const b = browser(w.a, op);
    const state = new URL((await b.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!).searchParams.get('state')!;
    await b.get(`/integrations/oauth/facebook/callback?code=${w.fakes.state.issueCode('facebook', 'u-ig')}&state=${state}`);
    const choose = await (await b.get(`/admin/unit/bacang/kanal/${ch.id}/pilih`)).text();
    expect(choose).toContain('@kel_bacang');
    await b.post(`/admin/unit/bacang/kanal/${ch.id}/pilih`, { page: page.id });
    const row = await channelOf(w.a, bacang, 'instagram');
    expect(row.state).toBe('connected');
    expect(row.platform_account_id).toBe(ig.id);
  });

  it('connects TikTok (Login Kit v2) and disconnecting revokes the token', async () => {
    const acc = w.fakes.state.addTikTokAccount({ username: 'kel_bacang' });
    const ch = await channelOf(w.a, bacang, 'tiktok');
    const b = browser(w.a, op);
    const dialog = new URL((await b.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!);
    expect(dialog.pathname).toBe('/v2/auth/authorize/');
    expect(dialog.searchParams.get('scope')).toContain('video.publish');
    const back = await b.get(`/integrations/oauth/tiktok/callback?code=${w.fakes.state.issueCode('tiktok', acc.openId)}&scopes=user.info.basic,video.publish&state=${dialog.searchParams.get('state')}`);
    expect(back.headers.get('location')).toContain('pesan=connected');
    let row = await channelOf(w.a, bacang, 'tiktok');
    expect(row.state).toBe('connected');
    expect(row.platform_account_id).toBe(acc.openId);
    expect(row.refresh_token_enc).toMatch(/^v1:/);
    expect(Date.parse(row.token_expires_at!)).toBe(w.a.clock.now().getTime() + 86_400_000);
    const page = await (await op.get('/admin/unit/bacang/kanal')).text();
    expect(page).toContain('Izin berlaku sampai');

    const token = acc.token;
    expect((await op.post(`/admin/unit/bacang/kanal/${ch.id}/putuskan`)).status).toBe(303);
    row = await channelOf(w.a, bacang, 'tiktok');
    expect(row.state).toBe('registered');
    expect(row.access_token_enc).toBeNull();
    expect(w.fakes.state.revoked).toContain(token);
  });

  it('refuses a callback whose state does not match, or that comes from another session', async () => {
    const acc = w.fakes.state.addTikTokAccount({ username: 'kel_bacang_2' });
    const ch = await channelOf(w.a, bacang, 'tiktok');
    const b = browser(w.a, op);
    const state = new URL((await b.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!).searchParams.get('state')!;
    const code = w.fakes.state.issueCode('tiktok', acc.openId);
    const forged = await b.get(`/integrations/oauth/tiktok/callback?code=${code}&state=${state.slice(0, -2)}xx`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('tidak sah atau sudah kedaluwarsa');

    // The victim's pending cookie replayed in the attacker's session is refused too.
    const b2 = browser(w.a, op);
    const state2 = new URL((await b2.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!).searchParams.get('state')!;
    const other = browser(w.a, await w.a.loginAs('lurah.bacang'));
    other.setOauthCookie(b2.oauthCookie());
    expect((await other.get(`/integrations/oauth/tiktok/callback?code=${code}&state=${state2}`)).status).toBe(400);
    expect((await channelOf(w.a, bacang, 'tiktok')).state).toBe('registered');
    expect(w.fakes.state.codes.get(code)!.used).toBe(false);
  });

  it('a denied dialog changes nothing and says so', async () => {
    const ch = await channelOf(w.a, bacang, 'tiktok');
    const b = browser(w.a, op);
    const state = new URL((await b.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!).searchParams.get('state')!;
    const res = await b.get(`/integrations/oauth/tiktok/callback?error=access_denied&error_description=x&state=${state}`);
    expect(res.headers.get('location')).toBe('/admin/unit/bacang/kanal?pesan=denied&platform=tiktok');
    expect(await (await op.get(res.headers.get('location')!)).text()).toContain('Sambungan dibatalkan di TikTok');
  });

  it("never connects another unit's channel, even with a valid session", async () => {
    const gabek = await unitId(w.a, 'gabek-satu');
    const admin = await w.a.loginAs('admin');
    await admin.post('/admin/unit/gabek-satu/kanal', { platform: 'tiktok', url: 'https://www.tiktok.com/@kel_gabek' });
    const theirs = await channelOf(w.a, gabek, 'tiktok');
    // Own slug, other unit's channel id: back to the own list, nothing started; other slug: forbidden.
    for (const action of ['hubungkan', 'putuskan']) {
      const res = await op.post(`/admin/unit/bacang/kanal/${theirs.id}/${action}`);
      expect(res.headers.get('location')).toBe('/admin/unit/bacang/kanal?pesan=not_found');
      expect(setCookies(res).beranda_oauth).toBeUndefined();
    }
    expect((await op.post(`/admin/unit/gabek-satu/kanal/${theirs.id}/hubungkan`)).status).toBe(403);
    expect((await op.get(`/admin/unit/gabek-satu/kanal`)).status).toBe(403);
    expect((await channelOf(w.a, gabek, 'tiktok')).state).toBe('registered');
  });
});
