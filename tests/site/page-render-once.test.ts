import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContent } from '../../src/modules/content/index.js';
import { type CachedPage, PageCache, invalidateUnit } from '../../src/web/site/page-cache.js';
import { testEngine } from '../support/test-db.js';
import { type SiteFixture, createSiteFixture } from './site-fixture.js';

// Issue 18/20: a publish drops a popular page while many readers ask for it. Misses of one page at
// the same time render (and brotli-compress) it once, and every reader gets that page; a reader
// arriving after a newer publish never joins the older render.

class CountingCache extends PageCache {
  stored: string[] = [];
  override set(key: string, page: CachedPage, startedAt: number): boolean {
    this.stored.push(key);
    return super.set(key, page, startedAt);
  }
}

describe(`a page missed by many readers at once is rendered once (${testEngine()})`, () => {
  let f: SiteFixture;
  const cache = new CountingCache();
  beforeAll(async () => {
    f = await createSiteFixture({ cache });
  }, 60_000);
  afterAll(async () => f?.t.close());

  it('twenty readers of an uncached page: one render, twenty identical answers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => f.get('/bacang', { 'accept-encoding': 'br' })));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((r) => r.headers.get('etag'))).size).toBe(1);
    expect(cache.stored.filter((k) => k.endsWith('|/bacang|'))).toHaveLength(1);
  });

  it('after a publish, readers get the new page, rendered once more', async () => {
    const unitId = await f.unitId('bacang');
    await saveContent({ db: f.t.db, clock: f.clock, onPublicChange: invalidateUnit }, { unitId, actorId: null, input: { kind: 'berita', title: 'Terbit saat ramai dibaca', status: 'published', body: '<p>baru</p>' } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => f.get('/bacang')));
    for (const r of answers) expect(await r.text()).toContain('Terbit saat ramai dibaca');
    expect(cache.stored.filter((k) => k.endsWith('|/bacang|'))).toHaveLength(2);
  });
});
