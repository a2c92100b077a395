import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

// In-process cache of rendered public pages (decision 0006, 0014). A page is cached with the
// unit it belongs to (null for portal pages, which aggregate every unit) and an expiry: the
// moment the next scheduled item of that unit goes public, or a safety TTL. It is stored as the
// bytes that are sent — plain, brotli and gzip, each with its ETag — compressed once, off the
// event loop, when the page is rendered, so a hit is a lookup and a write (fast-path.ts answers
// it before any routing).
//
// Invalidation is exact: a change calls the page-invalidation port (modules/page-invalidation),
// whose listeners call invalidateUnit(unitId) here in every process, dropping the unit's pages
// and the portal's. A render that started before a change must not store what it read before
// the change: every invalidation bumps `generation`, and a page is stored only if the
// generation it started under is still current.

/** One encoding of a page: the bytes as sent and their ETag. */
export interface PageVariant {
  bytes: Buffer;
  etag: string;
}

export interface CachedPage {
  status: number;
  contentType: string;
  cacheControl: string;
  unitId: string | null;
  /**
   * For a portal-wide page (unitId null): the one regency whose units it shows (decision 0017),
   * so a unit's change keeps other regencies' portals; absent: every unit's change drops it.
   */
  region?: string;
  expiresAt: number;
  plain: PageVariant;
  /** Absent for small pages (compression would not pay for its header). */
  br?: PageVariant;
  gzip?: PageVariant;
}

export type Encoding = 'br' | 'gzip' | null;

/** Pages under this size are sent as they are. */
const COMPRESS_FROM_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const live = new Set<PageCache>();
/** Bumped by every invalidation in this process; see the header. */
let generation = 0;
export const currentGeneration = (): number => generation;

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    /** Bound by size, not by count: the demo city's pages take ~3 MB, a province's many times that. */
    private readonly maxBytes = 24 * 1024 * 1024,
    readonly ttlMs = 10 * 60_000,
  ) {
    live.add(this);
  }

  get(key: string, nowMs: number): CachedPage | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= nowMs) {
      this.delete(key, e);
      return undefined;
    }
    // Least recently used goes first: a hit moves the page to the end of the Map's order (a
    // delete and a set, ~0.1 µs), so the pages people read stay while one-off pages make room.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Stores a page rendered under `startedAt` (a generation), unless something changed since. */
  set(key: string, page: CachedPage, startedAt: number): boolean {
    if (startedAt !== generation) return false;
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    this.entries.set(key, page);
    this.bytes += sizeOf(page);
    // Map order is the order of last use (get re-inserts): the least recently used go first.
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k, e);
    }
    return true;
  }

  invalidateUnit(unitId: string): void {
    const region = unitRegions.get(unitId);
    for (const [k, e] of this.entries) {
      const portal = e.unitId === null && (e.region === undefined || region === undefined || e.region === region);
      if (e.unitId === unitId || portal) this.delete(k, e);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held (all encodings). */
  get heldBytes(): number {
    return this.bytes;
  }

  close(): void {
    live.delete(this);
  }

  private delete(key: string, e: CachedPage): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(e);
  }
}

const sizeOf = (p: CachedPage): number => p.plain.bytes.length + (p.br?.bytes.length ?? 0) + (p.gzip?.bytes.length ?? 0);

const listeners = new Set<(unitId: string) => void>();

/**
 * The regency of each unit this process has served a page of (units never change regency). A
 * unit not in it — never served here — drops every portal page, as before decision 0017's
 * per-regency portals: exact either way, finer once the unit was seen.
 */
const unitRegions = new Map<string, string>();
export function noteUnitRegion(unitId: string, region: string): void {
  unitRegions.set(unitId, region);
}

/** Other in-process caches (unit context, media visibility) that must drop a unit with its pages. */
export function onInvalidateUnit(listener: (unitId: string) => void): void {
  listeners.add(listener);
}

/**
 * Drops a unit's cached pages (and the portal's) in every cache of this process. Called by the
 * page-invalidation port's listener (createApp subscribes it), never directly by a change: a
 * change announces itself on the port so every process hears it.
 */
export function invalidateUnit(unitId: string): void {
  generation++;
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

/** brotli first (phones on slow data), then gzip (old clients), else the plain bytes. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return null;
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  return /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
}

/** The variant to send for an Accept-Encoding choice (plain when the page has no such variant). */
export function variantOf(page: CachedPage, encoding: Encoding): { variant: PageVariant; encoding: Encoding } {
  if (encoding === 'br' && page.br) return { variant: page.br, encoding };
  if (encoding === 'gzip' && page.gzip) return { variant: page.gzip, encoding };
  return { variant: page.plain, encoding: null };
}

/**
 * A page's bytes in every encoding, compressed on libuv's thread pool (not on the event loop).
 * `quality` is brotli's: high for pages that are cached (made once, sent thousands of times),
 * low for pages made for one answer.
 */
export async function encodePage(
  rendered: { status: number; body: string; contentType: string },
  meta: { cacheControl: string; unitId: string | null; region?: string; expiresAt: number; quality: number },
  /** Which compressed encodings to make: both for a page that is kept, the one asked for otherwise. */
  encodings: readonly Encoding[] = ['br', 'gzip'],
): Promise<CachedPage> {
  const bytes = Buffer.from(rendered.body, 'utf8');
  const etag = etagOf(bytes);
  const { quality, ...rest } = meta;
  const page: CachedPage = { status: rendered.status, contentType: rendered.contentType, ...rest, plain: { bytes, etag } };
  if (bytes.length < COMPRESS_FROM_BYTES) return page;
  const [br, gz] = await Promise.all([
    encodings.includes('br') ? brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) : null,
    encodings.includes('gzip') ? gzip(bytes, { level: quality >= 9 ? 9 : 6 }) : null,
  ]);
  // The ETag names the representation: a cache between us and the visitor must not answer a
  // gzip request's If-None-Match with brotli bytes.
  if (br) page.br = { bytes: br, etag: `${etag.slice(0, -1)}-br"` };
  if (gz) page.gzip = { bytes: gz, etag: `${etag.slice(0, -1)}-gz"` };
  return page;
}
