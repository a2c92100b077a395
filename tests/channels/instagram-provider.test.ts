import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { instagramProvider } from '../../src/modules/channels/providers/instagram.js';
import type { SocialProvider } from '../../src/modules/channels/providers/social-provider.js';
import { memoryContext, noSleep } from './support.js';

let fakes: SocialFakes;
let ig: SocialProvider;

beforeAll(async () => {
  fakes = await startSocialFakes();
  ig = instagramProvider({ graphBase: fakes.graphUrl, pollIntervalMs: 1, maxPolls: 4, sleep: noSleep, timeoutMs: 5000 });
});
afterAll(() => fakes.close());

function account(quotaTotal?: number) {
  const a = fakes.state.addInstagramAccount(quotaTotal === undefined ? {} : { quotaTotal });
  return { acc: a, ref: { platformAccountId: a.id, accessToken: a.token, handle: a.username } };
}

describe('instagram provider against the Graph contract fake', () => {
  it('creates a container, waits for FINISHED, publishes, and returns the permalink', async () => {
    const { acc, ref } = account();
    const ctx = memoryContext(ref);
    const r = await ig.publish({ caption: 'Lomba 17-an #KelurahanBacang', imageUrls: ['https://m/1.jpg'] }, ctx);
    if (!r.ok || r.value.status !== 'published') throw new Error(JSON.stringify(r));
    const posts = fakes.state.postsFor(acc.id);
    expect(posts).toHaveLength(1);
    expect(r.value.post).toMatchObject({ platformPostId: posts[0]!.id, permalink: posts[0]!.permalink });
    // The container id was recorded before publishing, as the contract requires.
    expect(ctx.store.container).toBeTruthy();
    expect(ctx.store.publish).toBe(posts[0]!.id);
  });

  it('publishes a carousel from child containers', async () => {
    const { acc, ref } = account();
    const urls = ['https://m/1.jpg', 'https://m/2.jpg', 'https://m/3.jpg'];
    const r = await ig.publish({ caption: 'Galeri', imageUrls: urls }, memoryContext(ref));
    expect(r.ok).toBe(true);
    expect(fakes.state.postsFor(acc.id)[0]!.imageUrls).toEqual(urls);
  });

  it('rejects a container that ends in ERROR and forgets it so a resend starts fresh', async () => {
    const { acc, ref } = account();
    fakes.inject({ op: 'instagram.container_status', fault: 'container_error' });
    const ctx = memoryContext(ref);
    const r = await ig.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'rejected', code: 'container_failed' });
    expect(r.failure.reason).toContain('Instagram');
    expect(ctx.store.container).toBeUndefined();
    expect(fakes.state.postsFor(acc.id)).toHaveLength(0);
  });

  it('hands back "waiting" when a container never finishes, without publishing', async () => {
    const { acc, ref } = account();
    fakes.inject({ op: 'instagram.container_status', fault: 'container_never_finishes' });
    const ctx = memoryContext(ref);
    const publishes = fakes.state.callsOf('instagram.media_publish');
    const r = await ig.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, ctx);
    expect(r.ok && r.value.status).toBe('waiting');
    expect(fakes.state.callsOf('instagram.media_publish')).toBe(publishes);
    expect(fakes.state.postsFor(acc.id)).toHaveLength(0);
    // The same container is reused on the next run, never a second one.
    const containers = fakes.state.callsOf('instagram.media');
    await ig.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, ctx);
    expect(fakes.state.callsOf('instagram.media')).toBe(containers);
  });

  it('reads content_publishing_limit and holds back when the quota is used up', async () => {
    const { acc, ref } = account(1);
    expect((await ig.publish({ caption: 'pertama', imageUrls: ['https://m/1.jpg'] }, memoryContext(ref))).ok).toBe(true);
    const publishes = fakes.state.callsOf('instagram.media_publish');
    const r = await ig.publish({ caption: 'kedua', imageUrls: ['https://m/2.jpg'] }, memoryContext(ref));
    if (r.ok) throw new Error('expected failure');
    expect(r.failure).toMatchObject({ kind: 'retryable', code: 'daily_limit' });
    expect(fakes.state.callsOf('instagram.media_publish')).toBe(publishes);
    expect(fakes.state.postsFor(acc.id)).toHaveLength(1);
    expect(fakes.state.rateLimitViolations).toBe(0);
  });

  it('sorts an expired token into reauth_required and a rate limit into retryable', async () => {
    const { acc, ref } = account();
    fakes.state.expireToken(acc.token);
    const r1 = await ig.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, memoryContext(ref));
    expect(!r1.ok && r1.failure.kind).toBe('reauth_required');
    const b = account();
    fakes.inject({ op: 'instagram.media', fault: 'rate_limit' });
    const r2 = await ig.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, memoryContext(b.ref));
    if (r2.ok) throw new Error('expected failure');
    expect(r2.failure).toMatchObject({ kind: 'retryable', code: 'rate_limited' });
    expect(r2.failure.retryAfterMs).toBeGreaterThan(0);
  });

  it('recovers a publish whose answer was lost from the container status, without a second publish', async () => {
    const { acc, ref } = account();
    const v = { caption: 'Musrenbang kelurahan', imageUrls: ['https://m/1.jpg'] };
    fakes.inject({ op: 'instagram.media_publish', fault: 'response_lost' });
    const ctx = memoryContext(ref);
    const r = await ig.publish(v, ctx);
    if (r.ok) throw new Error('expected failure');
    expect(r.failure.kind).toBe('unconfirmed');
    const rec = await ig.reconcile(v, ctx);
    if (!rec.ok || rec.value.status !== 'found') throw new Error(JSON.stringify(rec));
    expect(rec.value.post.platformPostId).toBe(fakes.state.postsFor(acc.id)[0]!.id);
    expect(fakes.state.postsFor(acc.id)).toHaveLength(1);
  });

  it('after a 500 on media_publish, reconcile proves absence (container FINISHED) and the retry posts once', async () => {
    const { acc, ref } = account();
    const v = { caption: 'Pelatihan UMKM', imageUrls: ['https://m/1.jpg'] };
    fakes.inject({ op: 'instagram.media_publish', fault: 'server_error' });
    const ctx = memoryContext(ref);
    const r = await ig.publish(v, ctx);
    expect(!r.ok && r.failure.kind).toBe('unconfirmed');
    const rec = await ig.reconcile(v, ctx);
    expect(rec.ok && rec.value.status).toBe('absent');
    const again = await ig.publish(v, ctx);
    expect(again.ok).toBe(true);
    expect(fakes.state.postsFor(acc.id)).toHaveLength(1);
  });

  it('refuses an image-less post', async () => {
    const { ref } = account();
    const r = await ig.publish({ caption: 'teks saja', imageUrls: [] }, memoryContext(ref));
    expect(!r.ok && r.failure.code).toBe('no_images');
  });
});
