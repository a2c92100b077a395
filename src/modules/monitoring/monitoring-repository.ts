import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { PresenceKind } from '../../db/schema/monitoring.js';
import { newId } from '../../shared/ids.js';
import { inSlices } from '../../shared/in-slices.js';
import type { Observation } from './observation.js';
import type { CrawlMemory, SeenRecord } from './ports.js';

// The only file of the monitoring module that touches the database.

export interface Presence {
  id: string;
  unitId: string;
  kind: PresenceKind;
  url: string | null;
  platform: string | null;
  handle: string | null;
  source: string;
}

export type StoredObservation = Observation & { id: string };

const toPresence = (r: DB['web_presences']): Presence => ({
  id: r.id,
  unitId: r.unit_id,
  kind: r.kind,
  url: r.url,
  platform: r.platform,
  handle: r.handle,
  source: r.source,
});

export const presenceKey = (unitId: string, kind: PresenceKind, url: string | null, platform: string | null, handle: string | null) =>
  kind === 'social' ? `${unitId}|social|${platform}:${(handle ?? '').toLowerCase()}` : `${unitId}|${kind}|${(url ?? '').toLowerCase().replace(/\/+$/, '')}`;

/** A short state per observation, so "which sites are down/compromised" needs no JSON parsing. */
function stateOf(o: Observation): string {
  switch (o.kind) {
    case 'availability':
    case 'tls':
    case 'domain_expiry':
    case 'freshness':
    case 'integrity':
      return o.value.state;
    case 'social_activity':
      return o.value.items.some((i) => !i.isBroadcast) ? 'active' : 'broadcast_only';
  }
}

const toObservation = (r: DB['monitor_observations']): StoredObservation =>
  ({
    id: r.id,
    kind: r.kind,
    unitId: r.unit_id,
    url: r.url,
    fetchedAt: r.fetched_at,
    source: r.source,
    confidence: r.confidence,
    value: JSON.parse(r.value),
    evidence: JSON.parse(r.evidence),
  }) as StoredObservation;

export const monitoringRepository = {
  async upsertPresence(db: Kysely<DB>, p: Omit<Presence, 'id'>, now: string): Promise<Presence> {
    const key = presenceKey(p.unitId, p.kind, p.url, p.platform, p.handle);
    const id = newId();
    await db
      .insertInto('web_presences')
      .values({ id, unit_id: p.unitId, kind: p.kind, url: p.url, platform: p.platform, handle: p.handle, source: p.source, active: 1, presence_key: key, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('presence_key').doUpdateSet({ active: 1, updated_at: now, url: p.url, source: p.source }))
      .execute();
    const row = await db.selectFrom('web_presences').selectAll().where('presence_key', '=', key).executeTakeFirstOrThrow();
    return toPresence(row);
  },

  async deactivatePresence(db: Kysely<DB>, unitId: string, id: string, now: string): Promise<boolean> {
    const r = await db.updateTable('web_presences').set({ active: 0, updated_at: now }).where('id', '=', id).where('unit_id', '=', unitId).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async deactivateAllOf(db: Kysely<DB>, unitId: string, now: string): Promise<number> {
    const r = await db.updateTable('web_presences').set({ active: 0, updated_at: now }).where('unit_id', '=', unitId).where('active', '=', 1).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async presencesOf(db: Kysely<DB>, unitIds: string[]): Promise<Presence[]> {
    if (unitIds.length === 0) return [];
    const rows = await inSlices(unitIds, (ids) => db.selectFrom('web_presences').selectAll().where('unit_id', 'in', ids).where('active', '=', 1).execute());
    return rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0)).map(toPresence);
  },

  /** Units with an active entry, by id; a page of them (ids after `after`) when asked. */
  async unitsWithPresences(db: Kysely<DB>, page?: { after: string; limit: number }): Promise<string[]> {
    let q = db.selectFrom('web_presences').select('unit_id').where('active', '=', 1);
    if (page) q = q.where('unit_id', '>', page.after).limit(page.limit);
    const rows = await q.groupBy('unit_id').orderBy('unit_id').execute();
    return rows.map((r) => r.unit_id);
  },

  /** The fingerprint each regency's registration was last synced from (sync-registrations.ts). */
  async registrationSyncs(db: Kysely<DB>): Promise<Map<string, string>> {
    const rows = await db.selectFrom('monitor_registration_syncs').select(['region_code', 'fingerprint']).execute();
    return new Map(rows.map((r) => [r.region_code, r.fingerprint]));
  },

  async saveRegistrationSync(db: Kysely<DB>, region: string, fingerprint: string, now: string): Promise<void> {
    await db
      .insertInto('monitor_registration_syncs')
      .values({ region_code: region, fingerprint, synced_at: now })
      .onConflict((oc) => oc.column('region_code').doUpdateSet({ fingerprint, synced_at: now }))
      .execute();
  },

  async appendObservations(db: Kysely<DB>, obs: Observation[], now: string): Promise<StoredObservation[]> {
    if (obs.length === 0) return [];
    const stored = obs.map((o) => ({ ...o, id: newId() }) as StoredObservation);
    const rows = stored.map((o) => ({
      id: o.id,
      unit_id: o.unitId,
      kind: o.kind,
      url: o.url,
      fetched_at: o.fetchedAt,
      source: o.source,
      confidence: o.confidence,
      state: stateOf(o),
      value: JSON.stringify(o.value),
      evidence: JSON.stringify(o.evidence),
      created_at: now,
    }));
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 50) await db.insertInto('monitor_observations').values(rows.slice(i, i + 50)).execute();
    return stored;
  },

  async observations(db: Kysely<DB>, unitIds: string[], from: string, to: string, kinds?: string[]): Promise<StoredObservation[]> {
    if (unitIds.length === 0) return [];
    const rows = await inSlices(unitIds, (ids) => {
      let q = db.selectFrom('monitor_observations').selectAll().where('unit_id', 'in', ids).where('fetched_at', '>=', from).where('fetched_at', '<=', to);
      if (kinds?.length) q = q.where('kind', 'in', kinds);
      return q.execute();
    });
    return rows.sort((a, b) => (a.fetched_at < b.fetched_at ? -1 : a.fetched_at > b.fetched_at ? 1 : 0)).map(toObservation);
  },

  /** The newest observation of each kind and URL for the units. */
  async latest(db: Kysely<DB>, unitIds: string[], since: string): Promise<StoredObservation[]> {
    const all = await monitoringRepository.observations(db, unitIds, since, '9999');
    const m = new Map<string, StoredObservation>();
    for (const o of all) m.set(`${o.unitId} ${o.kind} ${o.url}`, o);
    return [...m.values()];
  },

  async bumpDaily(
    db: Kysely<DB>,
    row: { unitId: string; day: string; up: boolean; latencyMs: number; compromised: boolean; state: string },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('monitor_daily')
      .values({ unit_id: row.unitId, day: row.day, checks: 1, up_checks: row.up ? 1 : 0, latency_ms_sum: row.latencyMs, compromised_checks: row.compromised ? 1 : 0, last_site_state: row.state, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'day']).doUpdateSet((eb) => ({
          checks: eb(eb.ref('monitor_daily.checks'), '+', 1),
          up_checks: eb(eb.ref('monitor_daily.up_checks'), '+', row.up ? 1 : 0),
          latency_ms_sum: eb(eb.ref('monitor_daily.latency_ms_sum'), '+', row.latencyMs),
          compromised_checks: eb(eb.ref('monitor_daily.compromised_checks'), '+', row.compromised ? 1 : 0),
          last_site_state: row.state,
          updated_at: now,
        })),
      )
      .execute();
  },

  async daily(db: Kysely<DB>, unitIds: string[] | null, fromDay: string, toDay: string) {
    const q = db.selectFrom('monitor_daily').selectAll().where('day', '>=', fromDay).where('day', '<=', toDay);
    if (!unitIds) return q.orderBy('day').execute();
    if (unitIds.length === 0) return [];
    const rows = await inSlices(unitIds, (ids) => q.where('unit_id', 'in', ids).execute());
    return rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  },
};

const toSeen = (r: DB['monitor_first_seen']): SeenRecord => ({ itemKey: r.item_key, firstSeenAt: r.first_seen_at, claimedAt: r.claimed_at, effectiveAt: r.effective_at, dating: r.dating, titleKey: r.title_key });

/** CrawlMemory over monitor_first_seen and monitor_sites. */
export class DbCrawlMemory implements CrawlMemory {
  constructor(private readonly db: Kysely<DB>) {}

  async previousCrawlAt(siteKey: string): Promise<string | null> {
    const r = await this.db.selectFrom('monitor_sites').select('last_crawled_at').where('site_key', '=', siteKey).executeTakeFirst();
    return r?.last_crawled_at ?? null;
  }

  async lookup(siteKey: string, itemKeys: string[]): Promise<Map<string, SeenRecord>> {
    const out = new Map<string, SeenRecord>();
    for (let i = 0; i < itemKeys.length; i += 200) {
      const rows = await this.db
        .selectFrom('monitor_first_seen')
        .selectAll()
        .where('site_key', '=', siteKey)
        .where('item_key', 'in', itemKeys.slice(i, i + 200))
        .execute();
      for (const r of rows) out.set(r.item_key, toSeen(r));
    }
    return out;
  }

  async byTitle(siteKey: string, titleKeys: string[]): Promise<Map<string, SeenRecord>> {
    const out = new Map<string, SeenRecord>();
    for (let i = 0; i < titleKeys.length; i += 200) {
      const rows = await this.db
        .selectFrom('monitor_first_seen')
        .selectAll()
        .where('site_key', '=', siteKey)
        .where('title_key', 'in', titleKeys.slice(i, i + 200))
        .execute();
      for (const r of rows) {
        const rec = toSeen(r);
        const prev = out.get(r.title_key!);
        if (!prev || (rec.effectiveAt ?? rec.firstSeenAt) < (prev.effectiveAt ?? prev.firstSeenAt)) out.set(r.title_key!, rec);
      }
    }
    return out;
  }

  async record(siteKey: string, records: SeenRecord[], crawledAt: string): Promise<void> {
    for (let i = 0; i < records.length; i += 50) {
      await this.db
        .insertInto('monitor_first_seen')
        .values(records.slice(i, i + 50).map((r) => ({ site_key: siteKey, item_key: r.itemKey, first_seen_at: r.firstSeenAt, claimed_at: r.claimedAt, effective_at: r.effectiveAt, dating: r.dating, title_key: r.titleKey ?? null })))
        .onConflict((oc) => oc.columns(['site_key', 'item_key']).doNothing())
        .execute();
    }
    await this.db
      .insertInto('monitor_sites')
      .values({ site_key: siteKey, first_crawled_at: crawledAt, last_crawled_at: crawledAt, sections: null })
      .onConflict((oc) => oc.column('site_key').doUpdateSet({ last_crawled_at: crawledAt }))
      .execute();
  }

  async knownSections(siteKey: string): Promise<string[] | null> {
    const r = await this.db.selectFrom('monitor_sites').select('sections').where('site_key', '=', siteKey).executeTakeFirst();
    return r?.sections ? (JSON.parse(r.sections) as string[]) : null;
  }

  async rememberSections(siteKey: string, sections: string[]): Promise<void> {
    // The site row is written by record(), which the freshness check calls first.
    await this.db.updateTable('monitor_sites').set({ sections: JSON.stringify(sections) }).where('site_key', '=', siteKey).execute();
  }
}

/**
 * Reads through to the database but keeps writes until flush(), so a unit's check ends with one
 * short transaction instead of a dozen autocommits while other units wait for the connection.
 */
export class BufferedCrawlMemory implements CrawlMemory {
  private readonly reader: DbCrawlMemory;
  private readonly records: { siteKey: string; records: SeenRecord[]; crawledAt: string }[] = [];
  private readonly sections = new Map<string, string[]>();
  constructor(private readonly db: Kysely<DB>) {
    this.reader = new DbCrawlMemory(db);
  }
  private site = new Map<string, Promise<{ last_crawled_at: string; sections: string | null } | undefined>>();
  // One read of monitor_sites per site serves both previousCrawlAt and knownSections.
  private siteRow(siteKey: string) {
    let p = this.site.get(siteKey);
    if (!p) this.site.set(siteKey, (p = this.db.selectFrom('monitor_sites').select(['last_crawled_at', 'sections']).where('site_key', '=', siteKey).executeTakeFirst()));
    return p;
  }
  async previousCrawlAt(siteKey: string) {
    return (await this.siteRow(siteKey))?.last_crawled_at ?? null;
  }
  lookup(siteKey: string, itemKeys: string[]) {
    return this.reader.lookup(siteKey, itemKeys);
  }
  byTitle(siteKey: string, titleKeys: string[]) {
    return this.reader.byTitle(siteKey, titleKeys);
  }
  async record(siteKey: string, records: SeenRecord[], crawledAt: string) {
    this.records.push({ siteKey, records, crawledAt });
  }
  async knownSections(siteKey: string) {
    const row = await this.siteRow(siteKey);
    return this.sections.get(siteKey) ?? (row?.sections ? (JSON.parse(row.sections) as string[]) : null);
  }
  async rememberSections(siteKey: string, sections: string[]) {
    this.sections.set(siteKey, sections);
  }
  async flush(trx: Kysely<DB>): Promise<void> {
    const w = new DbCrawlMemory(trx);
    for (const r of this.records) await w.record(r.siteKey, r.records, r.crawledAt);
    for (const [k, v] of this.sections) await w.rememberSections(k, v);
    this.records.length = 0;
    this.sections.clear();
  }
}
