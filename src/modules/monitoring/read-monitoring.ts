import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { monitoringRepository, type Presence, type StoredObservation } from './monitoring-repository.js';
import type { ObservationOf } from './observation.js';

// Read side for the dashboard, reports and the compliance module.

export interface WebsiteSnapshot {
  url: string;
  availability: ObservationOf<'availability'> | null;
  tls: ObservationOf<'tls'> | null;
  domain: ObservationOf<'domain_expiry'> | null;
  freshness: ObservationOf<'freshness'> | null;
  integrity: ObservationOf<'integrity'> | null;
}

export interface UnitMonitoringSnapshot {
  unitId: string;
  presences: Presence[];
  websites: WebsiteSnapshot[];
  social: ObservationOf<'social_activity'>[];
  lastCheckedAt: string | null;
}

const THIRTY_DAYS = 30 * 24 * 3600_000;

/** Latest result of every check per website and account of the units (last 30 days). */
export async function getMonitoringSnapshots(db: Kysely<DB>, unitIds: string[], clock: Clock): Promise<UnitMonitoringSnapshot[]> {
  const since = new Date(clock.now().getTime() - THIRTY_DAYS).toISOString();
  const [presences, latest] = await Promise.all([monitoringRepository.presencesOf(db, unitIds), monitoringRepository.latest(db, unitIds, since)]);
  // Grouped by unit once: a regency's dashboard asks for every unit at once, and filtering the
  // whole list per unit grew with the square of the units (83,762 in a national install).
  const latestOf = groupByUnit(latest);
  const presencesOfUnit = groupByUnit(presences);
  return unitIds.map((unitId) => {
    const mine = latestOf.get(unitId) ?? [];
    const own = presencesOfUnit.get(unitId) ?? [];
    const pick = <K extends StoredObservation['kind']>(url: string, kind: K) =>
      (mine.find((o) => o.url === url && o.kind === kind) as ObservationOf<K> | undefined) ?? null;
    const sites = own.filter((p) => (p.kind === 'website' || p.kind === 'beranda_site') && p.url);
    return {
      unitId,
      presences: own,
      websites: sites.map((p) => ({
        url: p.url!,
        availability: pick(p.url!, 'availability'),
        tls: pick(p.url!, 'tls'),
        domain: pick(p.url!, 'domain_expiry'),
        freshness: pick(p.url!, 'freshness'),
        integrity: pick(p.url!, 'integrity'),
      })),
      social: mine.filter((o): o is StoredObservation & ObservationOf<'social_activity'> => o.kind === 'social_activity'),
      lastCheckedAt: mine.reduce<string | null>((m, o) => (m === null || o.fetchedAt > m ? o.fetchedAt : m), null),
    };
  });
}

function groupByUnit<T extends { unitId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.unitId);
    if (list) list.push(r);
    else m.set(r.unitId, [r]);
  }
  return m;
}

/** Daily roll-ups (uptime, latency, compromised checks) per unit and WIB day, for trends. */
export async function getDailyRollups(db: Kysely<DB>, q: { unitIds?: string[]; fromDay: string; toDay: string }) {
  const rows = await monitoringRepository.daily(db, q.unitIds ?? null, q.fromDay, q.toDay);
  return rows.map((r) => ({
    unitId: r.unit_id,
    day: r.day,
    checks: r.checks,
    upChecks: r.up_checks,
    uptime: r.checks ? r.up_checks / r.checks : null,
    avgLatencyMs: r.checks ? Math.round(r.latency_ms_sum / r.checks) : null,
    compromisedChecks: r.compromised_checks,
    lastSiteState: r.last_site_state,
  }));
}

/** Observations of units in a time window (compliance evaluation, evidence pages). */
export const getObservations = (db: Kysely<DB>, unitIds: string[], from: string, to: string, kinds?: string[]) =>
  monitoringRepository.observations(db, unitIds, from, to, kinds);

export const getPresences = (db: Kysely<DB>, unitIds: string[]) => monitoringRepository.presencesOf(db, unitIds);
