import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { idString, parsePlatformJson } from '../../src/modules/channels/providers/platform-json.js';
import { tiktokProvider } from '../../src/modules/channels/providers/tiktok.js';
import { memoryContext, noSleep } from './support.js';

let fakes: SocialFakes;

beforeAll(async () => {
  fakes = await startSocialFakes();
});
afterAll(() => fakes.close());
afterEach(() => {
  fakes.options.tiktokAudited = false;
  fakes.options.tiktokVerifiedPrefixes = null;
});

const provider = (audited: boolean) =>
  tiktokProvider({ tiktokBase: fakes.url, audited, pollIntervalMs: 1, maxPolls: 4, sleep: noSleep, timeoutMs: 5000 });

function account(privateAccount = false) {
  const a = fakes.state.addTikTokAccount({ privateAccount });
  return { acc: a, ref: { platformAccountId: a.openId, accessToken: a.token, handle: a.username } };
}
const photo = { caption: 'Gotong royong #KelurahanBacang', imageUrls: ['https://media.kota.go.id/1.jpg'], privacyLevel: 'PUBLIC_TO_EVERYONE' };

describe('lossless JSON', () => {
  it('keeps ids above 2^53 exact while parsing everything else normally', () => {
    const v = parsePlatformJson('{"a":[7294512345678901234,12],"s":"7294512345678901234","f":1.5,"n":-9007199254740993}') as any;
    expect(v.a[0]).toBe('7294512345678901234');
    expect(v.a[1]).toBe(12);
    expect(v.s).toBe('7294512345678901234');
    expect(v.f).toBe(1.5);
    expect(v.n).toBe('-9007199254740993');
    expect(JSON.parse('[7294512345678901234]')[0].toString()).not.toBe('7294512345678901234');
    expect(idString(12)).toBe('12');
  });
  it('does not touch digits inside strings with escapes', () => {
    const v = parsePlatformJson('{"t":"quote \\" 12345678901234567890 end","x":1}') as any;
    expect(v.t).toBe('quote " 12345678901234567890 end');
  });
  it('reads ordinary decimals as numbers (the hand-written parser threw on these)', () => {
    expect(parsePlatformJson('{"x":0.30000000000000004}')).toEqual({ x: 0.30000000000000004 });
    // The literal is the double the parser must produce from the text, precision loss included.
    // eslint-disable-next-line no-loss-of-precision
    expect(parsePlatformJson('{"p":1e-7,"q":-2.5E3,"r":[0.1,7294512345678901234.5]}')).toEqual({ p: 1e-7, q: -2500, r: [0.1, 7294512345678901234.5] });
  });
  it('refuses text that is not JSON, as JSON.parse does', () => {
    expect(() => parsePlatformJson('{"data":{"publish_id":"p_1"')).toThrow();
  });
});

describe('tiktok provider against the TikTok contract fake', () => {
  it('posts photos by PULL_FROM_URL for an audited app and returns the post id with every digit', async () => {
    fakes.options.tiktokAudited = true;
    const { acc, ref } = account();
    const r = await provider(true).publish(photo, memoryContext(ref));
    if (!r.ok || r.value.status !== 'published') throw new Error(JSON.stringify(r));
    const post = fakes.state.postsFor(acc.openId)[0]!;
    expect(BigInt(post.id)).toBeGreaterThan(2n ** 53n);
    expect(r.value.post.platformPostId).toBe(post.id);
    expect(r.value.post.permalink).toBe(`https://www.tiktok.com/@${acc.username}/photo/${post.id}`);
    expect(r.value.post.visibility).toBe('public');
  });

  it('surfaces the private-only restriction of an unaudited app as data', async () => {
    const { acc, ref } = account(true);
    const p = provider(false);
    const info = await p.creatorInfo(ref);
    if (!info.ok) throw new Error('creator info failed');
    expect(info.value).toMatchObject({ privateOnly: true, username: acc.username });
    const r = await p.publish({ ...photo, privacyLevel: undefined }, memoryContext(ref));
    if (!r.ok || r.value.status !== 'published') throw new Error(JSON.stringify(r));
    expect(r.value.post.visibility).toBe('private_only');
    expect(r.value.post.permalink).toBeNull();
    expect(fakes.state.postsFor(acc.openId)[0]!.privacy).toBe('SELF_ONLY');
  });

  it('rejects posting to a public account from an unaudited app', async () => {
    const { acc, ref } = account(false);
    const r = await provider(false).publish(photo, memoryContext(ref));
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'rejected', code: 'private_account_required' });
    expect(r.failure.reason).toContain('audit');
    expect(fakes.state.postsFor(acc.openId)).toHaveLength(0);
  });

  it('rejects media on an unverified domain (url_ownership_unverified)', async () => {
    fakes.options.tiktokAudited = true;
    fakes.options.tiktokVerifiedPrefixes = ['https://media.lain.go.id/'];
    const { ref } = account();
    const ctx = memoryContext(ref);
    const r = await provider(true).publish(photo, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'rejected', code: 'url_not_verified' });
    expect(ctx.store['publish_id:attempt']).toBeUndefined();
  });

  it('asks for a privacy choice when the app is audited and none was given', async () => {
    fakes.options.tiktokAudited = true;
    const { ref } = account();
    const r = await provider(true).publish({ ...photo, privacyLevel: undefined }, memoryContext(ref));
    expect(!r.ok && r.failure.code).toBe('privacy_required');
  });

  it('sorts token, rate-limit and server failures', async () => {
    const a = account(true);
    fakes.state.expireToken(a.acc.token);
    const r1 = await provider(false).publish(photo, memoryContext(a.ref));
    expect(!r1.ok && r1.failure).toMatchObject({ kind: 'reauth_required', code: 'token_expired' });

    const b = account(true);
    fakes.inject({ op: 'tiktok.creator_info', fault: 'rate_limit' });
    const r2 = await provider(false).publish(photo, memoryContext(b.ref));
    expect(!r2.ok && r2.failure).toMatchObject({ kind: 'retryable', code: 'rate_limited', retryAfterMs: 60_000 });

    fakes.inject({ op: 'tiktok.creator_info', fault: 'server_error' });
    const r3 = await provider(false).publish(photo, memoryContext(b.ref));
    expect(!r3.ok && r3.failure).toMatchObject({ kind: 'retryable', code: 'platform_error' });

    fakes.inject({ op: 'tiktok.content_init', fault: 'server_error' });
    const ctx = memoryContext(b.ref);
    const r4 = await provider(false).publish(photo, ctx);
    expect(!r4.ok && r4.failure.kind).toBe('unconfirmed');
    expect(ctx.store['publish_id:attempt']).toBeTruthy();
  });

  it('finds a post whose init answer was lost among the public videos, without a second init', async () => {
    fakes.options.tiktokAudited = true;
    const { acc, ref } = account();
    fakes.inject({ op: 'tiktok.content_init', fault: 'response_lost' });
    const ctx = memoryContext(ref);
    const p = provider(true);
    const r = await p.publish(photo, ctx);
    expect(!r.ok && r.failure.kind).toBe('unconfirmed');
    const inits = fakes.state.callsOf('tiktok.content_init');
    expect((await p.publish(photo, ctx)).ok).toBe(false);
    expect(fakes.state.callsOf('tiktok.content_init')).toBe(inits);
    const rec = await p.reconcile(photo, ctx);
    if (!rec.ok || rec.value.status !== 'found') throw new Error(JSON.stringify(rec));
    expect(rec.value.post.platformPostId).toBe(fakes.state.postsFor(acc.openId)[0]!.id);
  });

  it('cannot prove absence of a private post and says so (unknown), never resending by itself', async () => {
    const { ref } = account(true);
    const ctx = memoryContext(ref, { 'publish_id:attempt': new Date().toISOString(), privacy: 'SELF_ONLY' });
    const rec = await provider(false).reconcile(photo, ctx);
    expect(rec.ok && rec.value.status).toBe('unknown');
  });

  it('maps a FAILED publish to its reason and forgets the attempt', async () => {
    const { ref } = account(true);
    fakes.inject({ op: 'tiktok.status_fetch', fault: 'publish_failed', failReason: 'photo_pull_failed' });
    const ctx = memoryContext(ref);
    const r = await provider(false).publish(photo, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'rejected', code: 'media_unreachable' });
    expect(ctx.store.publish_id).toBeUndefined();
  });

  it('stays under the documented 6 inits per minute per token instead of tripping the limit', async () => {
    const { acc, ref } = account(true);
    const p = provider(false);
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await p.publish({ ...photo, caption: `post ${i}` }, memoryContext(ref)));
    expect(results.slice(0, 6).every((r) => r.ok)).toBe(true);
    const last = results[6]!;
    expect(!last.ok && last.failure).toMatchObject({ kind: 'retryable', code: 'rate_limited' });
    expect(fakes.state.postsFor(acc.openId)).toHaveLength(6);
    expect(fakes.state.rateLimitViolations).toBe(0);
  });

  it('lists public videos with exact big ids', async () => {
    fakes.options.tiktokAudited = true;
    const { acc, ref } = account();
    await provider(true).publish(photo, memoryContext(ref));
    const r = await provider(true).listRecent(ref);
    if (!r.ok) throw new Error('list failed');
    expect(r.value[0]!.platformPostId).toBe(fakes.state.postsFor(acc.openId)[0]!.id);
  });
});
