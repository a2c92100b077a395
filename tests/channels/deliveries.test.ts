import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { channelAlertText } from '../../src/i18n/channel-alerts.js';
import { audienceText } from '../../src/web/admin/channels/audience-words.js';
import { checkTokenHealth, listChannelAlerts, listActivity, registerChannel } from '../../src/modules/channels/index.js';
import {
  completeManualDelivery,
  enqueueDeliveries,
  listDeliveries,
  resendDelivery,
  runDelivery,
  runDueDeliveries,
  syncActivity,
  type PublishingDeps,
} from '../../src/modules/publishing/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { addUnit, connectedUnit, publishingDeps, runUntilSettled, variants } from './world.js';

let t: TestDb;
let fakes: SocialFakes;
const clock = new FixedClock('2026-11-28T02:00:00Z');
let deps: PublishingDeps;
let n = 0;
const slug = () => `u${++n}`;

beforeAll(async () => {
  t = await createTestDb();
  fakes = await startSocialFakes({ now: () => clock.now().getTime(), options: { tiktokAudited: true } });
  deps = publishingDeps(t.db, clock, fakes);
});
afterAll(async () => {
  await fakes.close();
  await t.close();
});

const delivery = (id: string) => t.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function enqueueAll(u: Awaited<ReturnType<typeof connectedUnit>>, postId: string) {
  const r = await enqueueDeliveries(deps, {
    unitId: u.unitId,
    postId,
    targets: [
      { channelId: u.fb.channelId, variant: variants.facebook },
      { channelId: u.ig.channelId, variant: variants.instagram },
      { channelId: u.tt.channelId, variant: variants.tiktok },
    ],
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('deliveries', () => {
  it('publishes one post to Facebook, Instagram and TikTok and shows each permalink', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const ids = await enqueueAll(u, 'post-1');
    // Enqueueing twice changes nothing: one delivery per post and channel.
    expect(await enqueueAll(u, 'post-1')).toEqual(ids);
    const sweep = await runDueDeliveries(deps);
    expect(sweep.published).toBe(3);
    const views = await listDeliveries(t.db, 'post-1');
    expect(views.map((v) => v.state)).toEqual(['published', 'published', 'published']);
    for (const v of views) expect(v.permalink).toMatch(/^https:\/\/www\.(facebook|instagram|tiktok)\.com\//);
    expect(audienceText(views[0]!)).toBe('Tampil untuk umum');
    expect(fakes.state.postsFor(u.fb.pageId)).toHaveLength(1);
    expect(fakes.state.postsFor(u.ig.igId)).toHaveLength(1);
    expect(fakes.state.postsFor(u.tt.openId)).toHaveLength(1);
    // TikTok's id above 2^53 is stored with every digit.
    const tt = views.find((v) => v.platform === 'tiktok')!;
    expect((await delivery(tt.id)).platform_post_id).toBe(fakes.state.postsFor(u.tt.openId)[0]!.id);
    expect(await listActivity(t.db, { unitId: u.unitId })).toHaveLength(3);
  });

  it('retries a retryable failure with backoff, and only when due', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const [fbId] = await enqueueAll(u, 'post-2');
    fakes.inject({ op: 'facebook.photos', fault: 'server_error' });
    const r = await runDelivery(deps, fbId!);
    expect(r.ok && r.value.state).toBe('queued');
    const d = await delivery(fbId!);
    expect(d.attempts).toBe(1);
    expect(d.reason).toContain('dicoba lagi');
    expect(Date.parse(d.next_attempt_at!)).toBeGreaterThan(clock.now().getTime());
    expect((await runDelivery(deps, fbId!)).ok).toBe(false); // not due yet
    await runUntilSettled(deps, clock, fbId!, runDelivery);
    expect((await delivery(fbId!)).state).toBe('published');
    expect(fakes.state.postsFor(u.fb.pageId)).toHaveLength(1);
  });

  it('a rate limit cools the whole account down without spending attempts', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const [a] = await enqueueAll(u, 'post-3a');
    const [b] = await enqueueAll(u, 'post-3b');
    fakes.inject({ op: 'facebook.photos', fault: 'rate_limit' });
    await runDelivery(deps, a!);
    const da = await delivery(a!);
    expect(da).toMatchObject({ state: 'queued', attempts: 0, reason_code: 'rate_limited' });
    const channel = await t.db.selectFrom('channel_accounts').selectAll().where('id', '=', u.fb.channelId).executeTakeFirstOrThrow();
    expect(channel.cooldown_until).toBe(new Date(clock.now().getTime() + 5 * 60_000).toISOString());
    const calls = fakes.state.callsOf('facebook.photos');
    await runDelivery(deps, b!);
    expect(fakes.state.callsOf('facebook.photos')).toBe(calls);
    expect((await delivery(b!)).next_attempt_at).toBe(channel.cooldown_until);
  });

  it('an expired token fails with a reconnect message, flags the channel and opens one alert', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    fakes.state.expireToken(u.fb.token);
    const [a] = await enqueueAll(u, 'post-4a');
    await runDelivery(deps, a!);
    const d = await delivery(a!);
    expect(d).toMatchObject({ state: 'failed', reason_code: 'token_expired' });
    expect(d.reason).toContain('Hubungkan ulang');
    const [b] = await enqueueAll(u, 'post-4b');
    // Later posts to that account go to the manual kit, saying why, until it is reconnected.
    expect(await delivery(b!)).toMatchObject({ state: 'manual_needed', reason_code: 'token_expired' });
    const alerts = await listChannelAlerts(t.db, u.unitId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!).toMatchObject({ kind: 'reconnect', channel_id: u.fb.channelId });
    // Stored as its kind (no sentence); said with the account's name where shown.
    expect(alerts[0]!.message).toBe('');
    const ch = await t.db.selectFrom('channel_accounts').select(['platform', 'handle']).where('id', '=', u.fb.channelId).executeTakeFirstOrThrow();
    expect(channelAlertText(alerts[0]!, { platform: 'Facebook', handle: ch.handle })).toBe(`Akun Facebook @${ch.handle} perlu dihubungkan ulang. Tanpa itu, postingan tidak dapat dikirim ke akun ini.`);
    expect(ch.handle).toMatch(/^kel\./);
  });

  it('refreshes a TikTok token that is about to expire before publishing, and once after access_token_invalid', async () => {
    const soon = new Date(clock.now().getTime() + 60_000).toISOString();
    const u = await connectedUnit(deps, fakes, slug(), { tiktokExpiresAt: soon });
    const ids = await enqueueAll(u, 'post-5');
    await runDelivery(deps, ids[2]!);
    expect((await delivery(ids[2]!)).state).toBe('published');
    const ch = await t.db.selectFrom('channel_accounts').selectAll().where('id', '=', u.tt.channelId).executeTakeFirstOrThrow();
    expect(Date.parse(ch.token_expires_at!)).toBe(clock.now().getTime() + 86_400_000);

    const u2 = await connectedUnit(deps, fakes, slug());
    const ids2 = await enqueueAll(u2, 'post-5b');
    fakes.inject({ op: 'tiktok.creator_info', fault: 'token_expired' });
    await runDelivery(deps, ids2[2]!);
    expect((await delivery(ids2[2]!)).state).toBe('published');
    expect(await listChannelAlerts(t.db, u2.unitId)).toHaveLength(0);
  });

  it('sends a rejected TikTok post (unaudited app, public account) to the manual kit', async () => {
    fakes.options.tiktokAudited = false;
    try {
      const u = await connectedUnit(deps, fakes, slug());
      const unaudited = publishingDeps(t.db, clock, fakes);
      const ids = await enqueueAll(u, 'post-6');
      await runDelivery(unaudited, ids[2]!);
      const d = await delivery(ids[2]!);
      expect(d).toMatchObject({ state: 'manual_needed', reason_code: 'private_account_required' });
    } finally {
      fakes.options.tiktokAudited = true;
    }
  });

  it('reports a private-only TikTok post as published but visible to the owner only', async () => {
    fakes.options.tiktokAudited = false;
    try {
      const u = await connectedUnit(deps, fakes, slug(), { tiktokPrivate: true });
      const unaudited = publishingDeps(t.db, clock, fakes);
      const ids = await enqueueAll(u, 'post-6b');
      await runDelivery(unaudited, ids[2]!);
      const d = await delivery(ids[2]!);
      expect(d).toMatchObject({ state: 'published', visibility: 'private_only', reason_code: 'private_only', permalink: null });
      expect(d.reason).toContain('Hanya saya');
    } finally {
      fakes.options.tiktokAudited = true;
    }
  });

  it('keeps an Instagram post waiting while the container processes, then reports it stuck', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    const ids = await enqueueAll(u, 'post-7');
    fakes.inject({ op: 'instagram.container_status', fault: 'container_never_finishes' });
    await runDelivery(deps, ids[1]!);
    expect((await delivery(ids[1]!)).state).toBe('waiting_platform');
    await runUntilSettled(deps, clock, ids[1]!, (d, id) => {
      clock.advance(30 * 60_000);
      return runDelivery(d, id);
    });
    const d = await delivery(ids[1]!);
    expect(d).toMatchObject({ state: 'failed', reason_code: 'stuck' });
    expect(fakes.state.postsFor(u.ig.igId)).toHaveLength(0);
  });

  it('a "belum pasti" TikTok post that cannot be found waits for a person and is never resent by itself', async () => {
    const u = await connectedUnit(deps, fakes, slug(), { tiktokPrivate: true });
    const ids = await enqueueAll(u, 'post-8');
    // SELF_ONLY posts never appear in the video list, so the lost answer cannot be recovered.
    const privateVariant = { ...variants.tiktok, privacyLevel: 'SELF_ONLY' };
    await t.db.updateTable('deliveries').set({ variant: JSON.stringify(privateVariant) }).where('id', '=', ids[2]!).execute();
    fakes.inject({ op: 'tiktok.content_init', fault: 'response_lost' });
    const inits = fakes.state.callsOf('tiktok.content_init');
    await runUntilSettled(deps, clock, ids[2]!, runDelivery);
    expect(fakes.state.callsOf('tiktok.content_init')).toBe(inits + 1);
    const d = await delivery(ids[2]!);
    expect(d).toMatchObject({ state: 'unconfirmed', reason_code: 'outcome_unknown_check', next_attempt_at: null });
    expect(d.reason).toContain('Kirim ulang');
    // Left for a person: the sweep does not pick it up again.
    expect(await runDelivery(deps, ids[2]!)).toMatchObject({ ok: false, error: 'not_due' });
    expect(fakes.state.postsFor(u.tt.openId)).toHaveLength(1);
    const views = await listDeliveries(t.db, 'post-8');
    expect(views.find((v) => v.id === ids[2])).toMatchObject({ canResend: true, state: 'unconfirmed', audience: 'needs_person' });
    expect(await resendDelivery(deps, { unitId: u.unitId, deliveryId: ids[2]!, actorId: null })).toMatchObject({ ok: false, error: 'check_account_first' });
    // Settling it by hand with the link the staff found on the account.
    const link = fakes.state.postsFor(u.tt.openId)[0]!.permalink;
    const done = await completeManualDelivery(deps, { unitId: u.unitId, deliveryId: ids[2]!, url: link });
    expect(done.ok).toBe(true);
    expect(fakes.state.postsFor(u.tt.openId)).toHaveLength(1);
  });

  it('manual kit: a registered-only account needs manual posting, and the pasted link is checked', async () => {
    const unitId = await addUnit(t.db, slug());
    const reg = await registerChannel(deps, { unitId, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel_manual/' });
    if (!reg.ok) throw new Error(reg.error);
    const r = await enqueueDeliveries(deps, { unitId, postId: 'post-9', targets: [{ channelId: reg.value.id, variant: variants.instagram }] });
    if (!r.ok) throw new Error(r.error);
    const id = r.value[0]!;
    expect((await delivery(id)).state).toBe('manual_needed');
    const wrong = await completeManualDelivery(deps, { unitId, deliveryId: id, url: 'https://www.instagram.com/orang_lain/p/Cabc123/' });
    expect(wrong).toMatchObject({ ok: false, error: 'wrong_account' });
    const profile = await completeManualDelivery(deps, { unitId, deliveryId: id, url: 'https://www.instagram.com/kel_manual/' });
    expect(profile).toMatchObject({ ok: false, error: 'not_a_post' });
    const other = await completeManualDelivery(deps, { unitId: 'unit-other', deliveryId: id, url: 'https://www.instagram.com/kel_manual/p/Cabc123/' });
    expect(other).toMatchObject({ ok: false, error: 'forbidden' });
    const good = await completeManualDelivery(deps, { unitId, deliveryId: id, url: 'https://www.instagram.com/kel_manual/p/Cabc123/?igsh=xyz' });
    expect(good).toMatchObject({ ok: true, value: { permalink: 'https://www.instagram.com/kel_manual/p/Cabc123/', accountChecked: true } });
    const d = await delivery(id);
    expect(d.state).toBe('published');
    expect(JSON.parse(d.evidence!)).toMatchObject({ checkedBy: 'url', accountChecked: true });
    expect((await listActivity(t.db, { unitId }))[0]!.source).toBe('manual');
  });

  it('syncs activity: posts made directly on the platform count, Beranda posts are not counted twice', async () => {
    const u = await connectedUnit(deps, fakes, slug());
    await enqueueAll(u, 'post-10');
    await runDueDeliveries(deps);
    fakes.state.posts.push({
      platform: 'facebook',
      accountId: u.fb.pageId,
      id: `${u.fb.pageId}_999`,
      text: 'Diposting langsung dari aplikasi Facebook',
      imageUrls: [],
      createdAt: clock.now().toISOString(),
      permalink: `https://www.facebook.com/kel/posts/999`,
    });
    const first = await syncActivity(deps, { channelId: u.fb.channelId });
    expect(first).toMatchObject({ channels: 1, newPosts: 1, direct: 1, fromBeranda: 0 });
    const all = await syncActivity(deps);
    expect(all.newPosts).toBe(0);
    const activity = await listActivity(t.db, { unitId: u.unitId });
    expect(activity.filter((a) => a.source === 'direct')).toHaveLength(1);
    expect(activity.filter((a) => a.source === 'beranda')).toHaveLength(3);
  });

  it('token health: refreshes TikTok ahead of expiry, warns days ahead once, flags lapsed tokens', async () => {
    const u = await connectedUnit(deps, fakes, slug(), { tiktokExpiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString() });
    await t.db
      .updateTable('channel_accounts')
      .set({ token_expires_at: new Date(clock.now().getTime() + 5 * 86_400_000).toISOString() })
      .where('id', '=', u.ig.channelId)
      .execute();
    await t.db
      .updateTable('channel_accounts')
      .set({ token_expires_at: new Date(clock.now().getTime() - 1000).toISOString() })
      .where('id', '=', u.fb.channelId)
      .execute();
    const r = await checkTokenHealth(deps);
    expect(r.refreshed).toBeGreaterThanOrEqual(1);
    const alerts = await listChannelAlerts(t.db, u.unitId);
    expect(alerts.map((a) => a.kind).sort()).toEqual(['expiring', 'reconnect']);
    // Stored as a kind and the days left; said in the catalogue's words where shown.
    const expiring = alerts.find((a) => a.kind === 'expiring')!;
    expect(expiring).toMatchObject({ message: '', days: 5 });
    expect(channelAlertText(expiring, { platform: 'Instagram', handle: 'bacang' })).toBe('Izin akun Instagram @bacang habis dalam 5 hari. Hubungkan ulang sebelum tanggal itu.');
    await checkTokenHealth(deps);
    expect(await listChannelAlerts(t.db, u.unitId)).toHaveLength(2);
  });
});

describe('demo mode', () => {
  it('connects simulated channels once, labelled "simulasi", and they publish through the fakes', async () => {
    const { connectSimulatedChannels } = await import('../../src/fakes/social/index.js');
    const unitId = await addUnit(t.db, 'demo-bacang');
    const units = [{ id: unitId, slug: 'demo-bacang', name: 'Kelurahan Bacang' }];
    expect(await connectSimulatedChannels(deps, fakes, units)).toBe(3);
    expect(await connectSimulatedChannels(deps, fakes, units)).toBe(0);
    const channels = await t.db.selectFrom('channel_accounts').selectAll().where('unit_id', '=', unitId).execute();
    expect(channels.every((c) => c.is_simulation === 1 && c.state === 'connected' && c.display_name!.includes('simulasi'))).toBe(true);
    const r = await enqueueDeliveries(deps, {
      unitId,
      postId: 'demo-post',
      targets: channels.map((c) => ({ channelId: c.id, variant: variants[c.platform as keyof typeof variants] })),
    });
    if (!r.ok) throw new Error(r.error);
    for (const id of r.value) await runDelivery(deps, id);
    expect((await listDeliveries(t.db, 'demo-post')).map((v) => v.state)).toEqual(['published', 'published', 'published']);
  });
});

describe('Meta token health through debug_token', () => {
  it('flags a Page whose token Meta reports invalid, and warns when data access is about to lapse', async () => {
    const withApp: PublishingDeps = { ...deps, facebookApp: { graphBase: fakes.graphUrl, clientId: 'fake-app-id', clientSecret: 'fake-app-secret' } };
    const u = await connectedUnit(withApp, fakes, slug());
    fakes.state.expireToken(u.fb.token);
    await checkTokenHealth(withApp);
    const ch = await t.db.selectFrom('channel_accounts').selectAll().where('id', '=', u.fb.channelId).executeTakeFirstOrThrow();
    expect(ch.state).toBe('needs_reconnect');
    const alerts = await listChannelAlerts(t.db, u.unitId);
    expect(alerts.filter((a) => a.channel_id === u.fb.channelId).map((a) => a.kind)).toEqual(['reconnect']);
    // The fake reports data access lapsing in 90 days: no warning with 10 days' notice, one with 100.
    expect(alerts.filter((a) => a.channel_id === u.ig.channelId)).toHaveLength(0);
    await checkTokenHealth(withApp, { warnDays: 100 });
    expect((await listChannelAlerts(t.db, u.unitId)).filter((a) => a.channel_id === u.ig.channelId && a.kind === 'expiring')).toHaveLength(1);
  });
});
