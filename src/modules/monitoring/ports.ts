import type { Confidence } from './observation.js';

// Ports the monitoring engine reads through. Other modules implement them over their own
// tables (channels: deliveries and synced activity; content: Beranda-hosted posts); the
// in-memory versions here make the engine testable without a database.

/** One post made on a social account, as the channels module knows it. */
export interface SocialActivityItem {
  accountHandle: string;
  platform: string;
  postUrl: string;
  publishedAt: string;
  /**
   * delivery: published by Beranda; sync: pulled back from the platform API; staff_link: a
   * link pasted by staff (verified means the platform confirmed the account and date).
   */
  via: 'delivery' | 'sync' | 'staff_link';
  verified: boolean;
  title?: string;
  /** Posts broadcast by Pemkot to every unit do not count for the unit. */
  isBroadcast: boolean;
}

/**
 * Reads a unit's social posts in [from, to). Idempotent read; may be retried. Implementations
 * return only posts of accounts registered to the unit.
 */
export interface SocialActivitySource {
  listActivity(unitId: string, from: string, to: string): Promise<SocialActivityItem[]>;
}

/** A post on a site Beranda hosts. */
export interface OwnContentItem {
  url: string;
  title: string;
  publishedAt: string;
  bodyText: string;
  isBroadcast: boolean;
}

/** Reads published posts of a Beranda-hosted site in [from, to). Idempotent read. */
export interface OwnContentSource {
  listPublished(unitId: string, from: string, to: string): Promise<OwnContentItem[]>;
}

/** What the crawler remembers about an article URL from the first time it saw it. */
export interface SeenRecord {
  itemKey: string;
  firstSeenAt: string;
  claimedAt: string | null;
  effectiveAt: string | null;
  dating: string;
  /** Normalised title (content-filters titleKey), to recognise a re-post under a new address. */
  titleKey?: string | null;
}

/**
 * The crawler's memory per site: first-seen dates (ground truth against backdating) and the
 * sitemap sections it already knows (new ones are a sign of injected spam). `record` must be
 * idempotent: recording a key twice keeps the first record.
 */
export interface CrawlMemory {
  previousCrawlAt(siteKey: string): Promise<string | null>;
  lookup(siteKey: string, itemKeys: string[]): Promise<Map<string, SeenRecord>>;
  /** The earliest record per title key (re-posts keep the older copy's date). */
  byTitle(siteKey: string, titleKeys: string[]): Promise<Map<string, SeenRecord>>;
  record(siteKey: string, records: SeenRecord[], crawledAt: string): Promise<void>;
  knownSections(siteKey: string): Promise<string[] | null>;
  rememberSections(siteKey: string, sections: string[]): Promise<void>;
}

export class InMemorySocialActivity implements SocialActivitySource {
  private readonly items = new Map<string, SocialActivityItem[]>();
  add(unitId: string, item: SocialActivityItem): void {
    this.items.set(unitId, [...(this.items.get(unitId) ?? []), item]);
  }
  async listActivity(unitId: string, from: string, to: string): Promise<SocialActivityItem[]> {
    return (this.items.get(unitId) ?? []).filter((i) => i.publishedAt >= from && i.publishedAt < to);
  }
}

export class InMemoryOwnContent implements OwnContentSource {
  private readonly items = new Map<string, OwnContentItem[]>();
  add(unitId: string, item: OwnContentItem): void {
    this.items.set(unitId, [...(this.items.get(unitId) ?? []), item]);
  }
  async listPublished(unitId: string, from: string, to: string): Promise<OwnContentItem[]> {
    return (this.items.get(unitId) ?? []).filter((i) => i.publishedAt >= from && i.publishedAt < to);
  }
}

export class InMemoryCrawlMemory implements CrawlMemory {
  private readonly seen = new Map<string, Map<string, SeenRecord>>();
  private readonly crawls = new Map<string, string>();
  private readonly sections = new Map<string, string[]>();
  async previousCrawlAt(siteKey: string) {
    return this.crawls.get(siteKey) ?? null;
  }
  async lookup(siteKey: string, keys: string[]) {
    const m = this.seen.get(siteKey);
    const out = new Map<string, SeenRecord>();
    if (m) for (const k of keys) if (m.has(k)) out.set(k, m.get(k)!);
    return out;
  }
  async byTitle(siteKey: string, titleKeys: string[]) {
    const out = new Map<string, SeenRecord>();
    for (const r of this.seen.get(siteKey)?.values() ?? []) {
      if (!r.titleKey || !titleKeys.includes(r.titleKey)) continue;
      const prev = out.get(r.titleKey);
      if (!prev || (r.effectiveAt ?? r.firstSeenAt) < (prev.effectiveAt ?? prev.firstSeenAt)) out.set(r.titleKey, r);
    }
    return out;
  }
  async record(siteKey: string, records: SeenRecord[], crawledAt: string) {
    let m = this.seen.get(siteKey);
    if (!m) this.seen.set(siteKey, (m = new Map()));
    for (const r of records) if (!m.has(r.itemKey)) m.set(r.itemKey, r);
    this.crawls.set(siteKey, crawledAt);
  }
  async knownSections(siteKey: string) {
    return this.sections.get(siteKey) ?? null;
  }
  async rememberSections(siteKey: string, s: string[]) {
    this.sections.set(siteKey, s);
  }
}

export const CONFIDENCE_RANK: Record<Confidence, number> = { none: 0, low: 1, medium: 2, high: 3 };
