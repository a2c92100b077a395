import type { Confidence } from './observation.js';

// Ports the monitoring engine reads through. Other modules implement them over their own
// tables (channels: deliveries and synced activity; content: Beranda-hosted posts). In-memory
// sources for tests, benchmarks and the demo are in src/fakes/monitoring-sources.ts; the
// throwaway crawl memory of a one-off check is scratch-crawl-memory.ts.

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

/**
 * Reads published posts of a Beranda-hosted site in [from, to). Idempotent read. `siteUrl`: the
 * site's address when the caller has it (the check does), so the source need not look it up.
 */
export interface OwnContentSource {
  listPublished(unitId: string, from: string, to: string, siteUrl?: string): Promise<OwnContentItem[]>;
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

export const CONFIDENCE_RANK: Record<Confidence, number> = { none: 0, low: 1, medium: 2, high: 3 };
