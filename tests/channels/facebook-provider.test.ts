import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { facebookProvider } from '../../src/modules/channels/providers/facebook.js';
import type { SocialProvider } from '../../src/modules/channels/providers/social-provider.js';
import { memoryContext } from './support.js';

let fakes: SocialFakes;
let fb: SocialProvider;
let page: { id: string; token: string };

beforeAll(async () => {
  fakes = await startSocialFakes();
  fb = facebookProvider({ graphBase: fakes.graphUrl, timeoutMs: 5000 });
});
afterAll(() => fakes.close());
beforeEach(() => {
  page = fakes.state.addFacebookPage();
});

const acct = () => ({ platformAccountId: page.id, accessToken: page.token });

describe('facebook provider against the Graph contract fake', () => {
  it('publishes a text post with a link and returns id and permalink', async () => {
    const r = await fb.publish({ caption: 'Kerja bakti Minggu pagi', link: 'https://bacang.example.go.id/berita/1', imageUrls: [] }, memoryContext(acct()));
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.status !== 'published') throw new Error('not published');
    const posts = fakes.state.postsFor(page.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.link).toBe('https://bacang.example.go.id/berita/1');
    expect(r.value.post.platformPostId).toBe(posts[0]!.id);
    expect(r.value.post.permalink).toBe(posts[0]!.permalink);
  });

  it('publishes one photo through /photos and reports the post id, not the photo id', async () => {
    const r = await fb.publish({ caption: 'Posyandu', imageUrls: ['https://media.example/1.jpg'] }, memoryContext(acct()));
    if (!r.ok || r.value.status !== 'published') throw new Error('not published');
    expect(r.value.post.platformPostId).toMatch(new RegExp(`^${page.id}_`));
    expect(fakes.state.postsFor(page.id)[0]!.imageUrls).toEqual(['https://media.example/1.jpg']);
  });

  it('publishes several photos as unpublished uploads attached to one post, and never re-uploads a recorded photo', async () => {
    const urls = ['https://m.example/1.jpg', 'https://m.example/2.jpg', 'https://m.example/3.jpg'];
    const ctx = memoryContext(acct());
    // The first run dies on the final call before Meta acts on it: photos are recorded.
    fakes.inject({ op: 'facebook.feed', fault: 'network_error' });
    const first = await fb.publish({ caption: 'Tiga foto', imageUrls: urls }, ctx);
    expect(first.ok).toBe(false);
    expect(Object.keys(ctx.store).filter((k) => k.startsWith('photo:'))).toHaveLength(3);
    const uploads = fakes.state.callsOf('facebook.photos');
    // The transport failure on the irreversible call is "unconfirmed"; reconcile proves absence.
    if (first.ok) throw new Error('unreachable');
    expect(first.failure.kind).toBe('unconfirmed');
    const rec = await fb.reconcile({ caption: 'Tiga foto', imageUrls: urls }, ctx);
    expect(rec.ok && rec.value.status).toBe('absent');
    const second = await fb.publish({ caption: 'Tiga foto', imageUrls: urls }, ctx);
    expect(second.ok).toBe(true);
    expect(fakes.state.callsOf('facebook.photos')).toBe(uploads);
    const posts = fakes.state.postsFor(page.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.imageUrls).toEqual(urls);
  });

  it('sorts an expired token (190) into reauth_required with an Indonesian reason', async () => {
    fakes.state.expireToken(page.token);
    const r = await fb.publish({ caption: 'x', imageUrls: [] }, memoryContext(acct()));
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'reauth_required', code: 'token_expired', platformCode: '190/463' });
    expect(r.failure.reason).toContain('Hubungkan ulang');
    expect(fakes.state.postsFor(page.id)).toHaveLength(0);
  });

  it('sorts a Page rate limit (32) into retryable with the wait Meta estimates', async () => {
    fakes.inject({ op: 'facebook.feed', fault: 'rate_limit' });
    const ctx = memoryContext(acct());
    const r = await fb.publish({ caption: 'x', imageUrls: [] }, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'retryable', code: 'rate_limited', retryAfterMs: 5 * 60_000 });
    // A definite refusal clears the attempt marker, so the retry is allowed to send.
    expect(ctx.store['post:attempt']).toBeUndefined();
  });

  it('treats a 500 on an unpublished photo upload as retryable', async () => {
    fakes.inject({ op: 'facebook.photos', fault: 'server_error' });
    const r = await fb.publish({ caption: 'x', imageUrls: ['https://m/1.jpg', 'https://m/2.jpg'] }, memoryContext(acct()));
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'retryable', code: 'platform_error' });
  });

  it('treats a 500 on the publishing call as unconfirmed and refuses to send again until reconciled', async () => {
    fakes.inject({ op: 'facebook.feed', fault: 'server_error' });
    const ctx = memoryContext(acct());
    const r = await fb.publish({ caption: 'Pengumuman', imageUrls: [] }, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure.kind).toBe('unconfirmed');
    const before = fakes.state.callsOf('facebook.feed');
    const again = await fb.publish({ caption: 'Pengumuman', imageUrls: [] }, ctx);
    expect(again.ok).toBe(false);
    expect(fakes.state.callsOf('facebook.feed')).toBe(before);
  });

  it('finds a post whose answer was lost among the Page posts instead of posting twice', async () => {
    fakes.inject({ op: 'facebook.feed', fault: 'response_lost' });
    const ctx = memoryContext(acct());
    const v = { caption: 'Jadwal vaksinasi', imageUrls: [] };
    const r = await fb.publish(v, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'unconfirmed', code: 'outcome_unknown' });
    expect(fakes.state.postsFor(page.id)).toHaveLength(1);
    const rec = await fb.reconcile(v, ctx);
    if (!rec.ok || rec.value.status !== 'found') throw new Error('not found');
    expect(rec.value.post.platformPostId).toBe(fakes.state.postsFor(page.id)[0]!.id);
    expect(fakes.state.postsFor(page.id)).toHaveLength(1);
  });

  it('rejects a bad image URL without retrying', async () => {
    const r = await fb.publish({ caption: 'x', imageUrls: ['not-a-url'] }, memoryContext(acct()));
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'rejected', code: 'media_rejected' });
  });

  it('lists recent Page posts with ISO times', async () => {
    await fb.publish({ caption: 'Satu', imageUrls: [] }, memoryContext(acct()));
    const r = await fb.listRecent(acct());
    if (!r.ok) throw new Error('failed');
    expect(r.value[0]).toMatchObject({ text: 'Satu' });
    expect(r.value[0]!.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });
});

describe('usage headers', () => {
  it('holds calls back once Meta reports the budget nearly spent, so the limit is never hit', async () => {
    const { GraphThrottle } = await import('../../src/modules/channels/providers/graph.js');
    const before = fakes.state.rateLimitViolations;
    fakes.options.graphCallsPerMinute = 10;
    try {
      const p = fakes.state.addFacebookPage();
      const throttled = facebookProvider({ graphBase: fakes.graphUrl, throttle: new GraphThrottle() });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await throttled.publish({ caption: `pengumuman ${i}`, imageUrls: [] }, memoryContext({ platformAccountId: p.id, accessToken: p.token }));
        outcomes.push(r.ok ? 'ok' : r.failure.code);
      }
      expect(outcomes).toContain('ok');
      expect(outcomes[outcomes.length - 1]).toBe('rate_limited');
      expect(fakes.state.rateLimitViolations).toBe(before);
    } finally {
      fakes.options.graphCallsPerMinute = 600;
    }
  });
});
