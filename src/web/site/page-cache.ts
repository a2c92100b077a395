import { createHash } from 'node:crypto';

// In-process cache of rendered public pages. A page is cached with the unit it belongs to (null
// for portal pages, which aggregate every unit) and an expiry: the moment the next scheduled
// item of that unit goes public, or a safety TTL. A publish calls invalidateUnit(unitId), which
// drops the unit's pages and the portal's at once, so nobody sees a stale page after publishing.
// With several web processes each has its own cache; see docs for the shared-cache path.

export interface CachedPage {
  status: number;
  body: string;
  /** The body as UTF-8 bytes, encoded once. */
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  etag: string;
  unitId: string | null;
  expiresAt: number;
  /** Compressed bodies, made on first request that accepts them. */
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

const live = new Set<PageCache>();

export class PageCache {
  private entries = new Map<string, CachedPage>();

  constructor(
    private readonly maxEntries = 2000,
    readonly ttlMs = 10 * 60_000,
  ) {
    live.add(this);
  }

  get(key: string, nowMs: number): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order doubles as LRU order: re-insert on hit.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.entries.set(key, page);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  invalidateUnit(unitId: string): void {
    for (const [k, e] of this.entries) if (e.unitId === unitId || e.unitId === null) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  close(): void {
    live.delete(this);
  }
}

const listeners = new Set<(unitId: string) => void>();

/** Other in-process caches (unit context, profile) that must drop a unit with its pages. */
export function onInvalidateUnit(listener: (unitId: string) => void): void {
  listeners.add(listener);
}

/** Drops a unit's cached pages (and the portal's) in every cache of this process. */
export function invalidateUnit(unitId: string): void {
  for (const c of live) c.invalidateUnit(unitId);
  for (const l of listeners) l(unitId);
}

export const etagOf = (body: string | Uint8Array): string => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** True when an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
