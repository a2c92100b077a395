import type { OwnContentItem, OwnContentSource, SocialActivityItem, SocialActivitySource } from '../modules/monitoring/index.js';

// In-memory versions of the monitoring engine's two content ports, for tests, benchmarks and the
// offline demo's seeders (src/main/demo): the real sources read the channels' and content's tables.

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
