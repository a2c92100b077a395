import { describe, expect, it } from 'vitest';
import { inProcessPageInvalidation } from '../../src/modules/page-invalidation/index.js';
import { type CachedPage, PageCache, currentGeneration, encodePage, invalidateUnit } from '../../src/web/site/page-cache.js';

// The page cache's rules that no HTTP test can reach deterministically: a render that raced a
// change is not stored, the size bound and its least-recently-used order, and the port's delivery contract.

const page = (unitId: string | null, size: number): CachedPage => ({
  status: 200,
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, no-cache',
  unitId,
  expiresAt: Number.MAX_SAFE_INTEGER,
  plain: { bytes: Buffer.alloc(size, 97), etag: '"x"' },
});

describe('page cache', () => {
  it('does not store a page whose render began before a change to any unit', () => {
    const cache = new PageCache();
    try {
      const startedAt = currentGeneration();
      // …the render reads the database; meanwhile a publish commits and is announced:
      invalidateUnit('unit-a');
      expect(cache.set('k', page('unit-a', 10), startedAt)).toBe(false);
      expect(cache.get('k', 0)).toBeUndefined();
      // A render that began after the change is kept.
      expect(cache.set('k', page('unit-a', 10), currentGeneration())).toBe(true);
      expect(cache.get('k', 0)).toBeDefined();
    } finally {
      cache.close();
    }
  });

  it("drops a unit's pages and the portal's, and keeps other units'", () => {
    const cache = new PageCache();
    try {
      const g = currentGeneration();
      cache.set('a', page('unit-a', 10), g);
      cache.set('b', page('unit-b', 10), g);
      cache.set('portal', page(null, 10), g);
      invalidateUnit('unit-a');
      expect(cache.get('a', 0)).toBeUndefined();
      expect(cache.get('portal', 0)).toBeUndefined();
      expect(cache.get('b', 0)).toBeDefined();
    } finally {
      cache.close();
    }
  });

  it('is bounded by bytes: the oldest pages go first', () => {
    const cache = new PageCache(1000);
    try {
      const g = currentGeneration();
      for (let i = 0; i < 5; i++) cache.set(`p${i}`, page('u', 300), g);
      expect(cache.heldBytes).toBeLessThanOrEqual(1000);
      expect(cache.size).toBe(3);
      expect(cache.get('p0', 0)).toBeUndefined();
      expect(cache.get('p4', 0)).toBeDefined();
      // Replacing a page counts its bytes once.
      cache.set('p4', page('u', 300), g);
      expect(cache.heldBytes).toBe(900);
    } finally {
      cache.close();
    }
  });

  it('evicts the least recently used page, not the oldest stored', () => {
    const cache = new PageCache(1000);
    try {
      const g = currentGeneration();
      for (let i = 0; i < 3; i++) cache.set(`p${i}`, page('u', 300), g);
      // p0 is the oldest stored but was just read; p1 is now the least recently used.
      expect(cache.get('p0', 0)).toBeDefined();
      cache.set('p3', page('u', 300), g);
      expect(cache.get('p1', 0)).toBeUndefined();
      expect(cache.get('p0', 0)).toBeDefined();
      // Reading p2 then p0 leaves p3 as the least recently used.
      cache.get('p2', 0);
      cache.get('p0', 0);
      cache.set('p4', page('u', 300), g);
      expect(['p0', 'p2', 'p3', 'p4'].map((k) => cache.get(k, 0) !== undefined)).toEqual([true, true, false, true]);
    } finally {
      cache.close();
    }
  });

  it('an expired page is not answered', () => {
    const cache = new PageCache();
    try {
      cache.set('k', { ...page('u', 10), expiresAt: 1000 }, currentGeneration());
      expect(cache.get('k', 999)).toBeDefined();
      expect(cache.get('k', 1000)).toBeUndefined();
    } finally {
      cache.close();
    }
  });

  it('encodes a page once in every encoding; a small page only as it is', async () => {
    const big = await encodePage({ status: 200, body: '<p>Kerja bakti</p>'.repeat(200), contentType: 'text/html' }, { cacheControl: 'x', unitId: null, expiresAt: 0, quality: 9 });
    expect(big.br && big.gzip).toBeTruthy();
    expect(big.br!.bytes.length).toBeLessThan(big.plain.bytes.length);
    const small = await encodePage({ status: 200, body: '<p>kecil</p>', contentType: 'text/html' }, { cacheControl: 'x', unitId: null, expiresAt: 0, quality: 9 });
    expect(small.br).toBeUndefined();
    expect(small.gzip).toBeUndefined();
    // A page made for one answer is compressed only as the client asked.
    const once = await encodePage({ status: 404, body: '<p>Tidak ada</p>'.repeat(200), contentType: 'text/html' }, { cacheControl: 'no-store', unitId: null, expiresAt: 0, quality: 4 }, ['gzip']);
    expect(once.gzip).toBeDefined();
    expect(once.br).toBeUndefined();
  });
});

describe('page-invalidation port (in-process adapter)', () => {
  it('delivers to every listener before unitChanged returns; a failing listener reaches neither the others nor the announcer', () => {
    const errors: unknown[] = [];
    const port = inProcessPageInvalidation((e) => errors.push(e));
    const heard: string[] = [];
    port.subscribe(() => {
      throw new Error('cache broke');
    });
    const stop = port.subscribe((u) => heard.push(u));
    expect(() => port.unitChanged('unit-a')).not.toThrow();
    expect(heard).toEqual(['unit-a']);
    expect(errors).toHaveLength(1);
    stop();
    port.unitChanged('unit-b');
    expect(heard).toEqual(['unit-a']);
  });

  it('hears nothing after close', async () => {
    const port = inProcessPageInvalidation();
    const heard: string[] = [];
    port.subscribe((u) => heard.push(u));
    await port.close();
    port.unitChanged('unit-a');
    expect(heard).toEqual([]);
  });
});
