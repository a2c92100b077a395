import type { CrawlMemory, SeenRecord } from './ports.js';

// A crawl memory that lives as long as one check: the uptime re-check (check-uptime.ts) looks at
// a site once and keeps nothing; tests and the fleet fake's judge use it for the same reason.
// The sweep remembers across crawls in the database (DbCrawlMemory).

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
