import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { OPENS_FOR_PEOPLE, getMonitoringSnapshots, getObservations, type UnitMonitoringSnapshot } from '../monitoring/index.js';

import { emptyProfile, getProfilesForUnits, type Profile, profileCompleteness } from '../profile/index.js';
import type { ReportInput, ReportReason, ReportUnit, UnitPeriodRecord, Verdict as ReportVerdict } from '../reports/index.js';
import { unitRepository, type UnitRow } from '../units/index.js';
import type { ProfileCompletenessSource } from './deps.js';
import { getRule } from './manage-rule.js';
import { type Period, periodByKey, periodContaining } from './period.js';
import { getVerdictHistory } from './read-compliance.js';
import type { VerdictRow } from './compliance-repository.js';

// The read model behind the pimpinan dashboard, the rapor exports and the reminders: the plain
// ReportInput of the reports module, filled from the units, their profiles, the monitoring
// engine's latest observations and the stored verdicts. Nothing here decides a verdict: the
// dashboard must show exactly what compliance stored, so the two can never disagree.

export interface ReportContext {
  input: ReportInput;
  period: Period;
  /** Unit id → slug, for links to the drill-down. */
  slugs: Map<string, string>;
  kecamatan: { id: string; name: string }[];
  /** Stored verdict rows of the current period, by unit id (reason codes and evidence). */
  current: Map<string, VerdictRow>;
}

export interface LoadReportOptions {
  region: string;
  clock: Clock;
  /** Default: the period containing now, in the city's rule. */
  periodKey?: string;
  /** Periods of history, oldest first, ending with the current one. */
  count?: number;
  /** Only these kecamatan's kelurahan (a camat's view); OPD are left out then. */
  kecamatanIds?: readonly string[];
  /** The report's title for those kecamatan: "Kecamatan X, Kota Y" (the web's catalogue words). */
  scopeName?: (kecamatan: string, region: string) => string;
}

const FRESH_MS = 14 * 86_400_000;
const RULE_KINDS = new Set(['kelurahan', 'desa', 'opd']);

// EXEMPT (a holiday or maintenance pausing the whole period) is not a failure; the reports
// module knows four verdicts, so it is shown as meeting the rule with the reason saying why.
const toReportVerdict = (s: VerdictRow['status']): ReportVerdict => (s === 'EXEMPT' ? 'PASS' : s);

/** The profiles of many units (those with at least one saved section). */
export const profilesOf = (db: Kysely<DB>, unitIds: string[]): Promise<Map<string, Profile>> => getProfilesForUnits(db, unitIds);

/**
 * The ProfileCompletenessSource evaluatePeriod asks for, over the profile module. The profil is
 * the kelurahan's (Permendagri 12/2007): an OPD has none, so OPD are left out ("not measured")
 * rather than failed for an empty profile they are not asked to keep.
 */
export const profileCompletenessSource = (db: Kysely<DB>): ProfileCompletenessSource => ({
  async completeness(unitIds) {
    const units = await Promise.all(unitIds.map((id) => unitRepository.byId(db, id)));
    const ids = units.filter((u) => u && (u.kind === 'kelurahan' || u.kind === 'desa')).map((u) => u!.id);
    const profiles = await profilesOf(db, ids);
    return new Map(ids.map((id) => [id, profileCompleteness(profiles.get(id) ?? emptyProfile()).overall]));
  },
});

export async function loadReportInput(db: Kysely<DB>, o: LoadReportOptions): Promise<ReportContext | null> {
  const now = o.clock.now();
  const rule = await getRule(db, o.region);
  const period = o.periodKey ? periodByKey(o.periodKey) : periodContaining(rule.periodKind, now);
  if (!period || period.kind !== rule.periodKind) return null;

  const all = await unitRepository.inRegion(db, o.region);
  const byId = new Map(all.map((u) => [u.id, u]));
  const city = all.find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
  const scope = o.kecamatanIds ? new Set(o.kecamatanIds) : null;
  const units = all.filter((u) => RULE_KINDS.has(u.kind) && (!scope || (u.kind !== 'opd' && u.parent_id !== null && scope.has(u.parent_id))));
  const ids = units.map((u) => u.id);

  const [history, snapshots, profiles] = await Promise.all([
    getVerdictHistory(db, { lastPeriodKey: period.key, count: o.count ?? 12, unitIds: ids }),
    getMonitoringSnapshots(db, ids, o.clock),
    profilesOf(db, ids),
  ]);
  const snap = new Map(snapshots.map((s) => [s.unitId, s]));
  const downSince = await downSinceOf(db, snapshots, now);

  const records = new Map<string, UnitPeriodRecord[]>();
  const current = new Map<string, VerdictRow>();
  for (const v of history.verdicts) {
    const list = records.get(v.unitId) ?? [];
    list.push({ periodKey: v.periodKey, verdict: toReportVerdict(v.status), reasons: v.reasons, items: v.countedByChannel });
    records.set(v.unitId, list);
    if (v.periodKey === period.key) current.set(v.unitId, v);
  }

  // Units without a profile share one empty profile and its score (read only below).
  const noProfile = emptyProfile();
  const noProfileScore = profileCompleteness(noProfile).overall / 100;
  const reportUnits: ReportUnit[] = units.map((u) => {
    const own = profiles.get(u.id);
    const profile = own ?? noProfile;
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    const s = snap.get(u.id);
    const { lat, lng } = profile.identitas as { lat?: number; lng?: number };
    return {
      id: u.id,
      name: u.name,
      code: u.code,
      kind: u.kind as ReportUnit['kind'],
      kecamatanId: u.kind === 'opd' ? null : (parent?.id ?? null),
      kecamatanName: u.kind === 'opd' ? null : (parent?.name ?? null),
      location: typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null,
      website: websiteOf(s, now, downSince.get(u.id) ?? null),
      socialAccounts: socialOf(s),
      profileCompleteness: own ? profileCompleteness(own).overall / 100 : noProfileScore,
      history: records.get(u.id) ?? [],
      integrityAlerts: alertsOf(s),
      lastCheckedAt: s?.lastCheckedAt ?? current.get(u.id)?.evaluatedAt ?? null,
    };
  });

  const kecamatan = all
    .filter((u) => u.kind === 'kecamatan' && (!scope || scope.has(u.id)))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  // A camat's dashboard and rapor carry their kecamatan's name, not only the city's (issue 14,
  // point 6): in the caller's words, which get the kecamatan's names and the city's.
  const cityName = city?.name ?? o.region;
  const regionName = scope && kecamatan.length > 0 && o.scopeName ? o.scopeName(kecamatan.map((k) => k.name).join(', '), cityName) : cityName;
  return {
    input: {
      regionName,
      periods: history.periods.map((p) => ({ key: p.key, start: p.start, end: p.end })),
      units: reportUnits,
      minItemsPerPeriod: rule.minItems,
      generatedAt: now.toISOString(),
    },
    period,
    slugs: new Map(units.map((u: UnitRow) => [u.id, u.slug])),
    kecamatan,
    current,
  };
}

function websiteOf(s: UnitMonitoringSnapshot | undefined, now: Date, downSince: string | null): ReportUnit['website'] {
  const sites = s?.websites ?? [];
  if (sites.length === 0) return { url: null, has: false, up: null, fresh: null, clean: null, lastContentAt: null, downSince: null };
  const hosted = s!.presences.find((p) => p.kind === 'beranda_site');
  // The site that speaks for the unit: Beranda's own when it has one (we know it is up and
  // clean because we serve it), otherwise the first external site.
  const main = sites.find((w) => w.url === hosted?.url) ?? sites[0]!;
  const isHosted = !!hosted && main.url === hosted.url;
  const latest = sites.map((w) => w.freshness?.value.latestEffectiveAt ?? null).filter((x): x is string => !!x).sort().at(-1) ?? null;
  const anyCompromised = sites.some((w) => w.integrity?.value.state === 'compromised');
  const integrityKnown = sites.some((w) => w.integrity);
  return {
    url: main.url,
    has: true,
    // A site behind a bot challenge or too heavy to read still opens for citizens.
    up: isHosted ? true : main.availability ? OPENS_FOR_PEOPLE.includes(main.availability.value.state) : null,
    fresh: latest ? now.getTime() - Date.parse(latest) <= FRESH_MS : main.freshness ? false : null,
    clean: anyCompromised ? false : integrityKnown || isHosted ? true : null,
    lastContentAt: latest,
    downSince,
  };
}

function socialOf(s: UnitMonitoringSnapshot | undefined): ReportUnit['socialAccounts'] {
  if (!s) return [];
  return s.presences
    .filter((p) => p.kind === 'social')
    .map((p) => {
      const o = s.social.find((x) => x.value.platform === p.platform && x.value.handle.toLowerCase() === (p.handle ?? '').toLowerCase());
      const last = o?.value.items.filter((i) => !i.isBroadcast && i.effectiveAt).map((i) => i.effectiveAt!).sort().at(-1) ?? null;
      return { platform: p.platform ?? '', handle: p.handle ?? '', url: p.url, lastPostAt: last };
    });
}

/** The integrity alerts open now, as reason codes (said where they are shown). */
function alertsOf(s: UnitMonitoringSnapshot | undefined): ReportReason[] {
  const out: ReportReason[] = [];
  for (const w of s?.websites ?? []) {
    if (w.integrity?.value.state !== 'compromised') continue;
    for (const code of w.integrity.evidence.codes) {
      if (code === 'integrity_compromised') continue;
      if (!out.some((r) => r.code === code)) out.push({ code });
    }
    if (out.length === 0) out.push({ code: 'compromised' });
  }
  return out;
}

/** When each unit's main site went down, for the sites that are down at their latest check. */
async function downSinceOf(db: Kysely<DB>, snapshots: UnitMonitoringSnapshot[], now: Date): Promise<Map<string, string>> {
  const down = snapshots.filter((s) => s.websites.some((w) => w.availability && w.availability.value.state !== 'up'));
  const out = new Map<string, string>();
  if (down.length === 0) return out;
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const obs = await getObservations(db, down.map((s) => s.unitId), since, now.toISOString(), ['availability']);
  const byUnit = new Map<string, typeof obs>();
  for (const o of obs) if (o.kind === 'availability') (byUnit.get(o.unitId) ?? byUnit.set(o.unitId, []).get(o.unitId)!).push(o);
  for (const s of down) {
    const mine = byUnit.get(s.unitId) ?? [];
    let start: string | null = null;
    for (const o of mine) {
      const up = o.kind === 'availability' && o.value.state === 'up';
      if (up) start = null;
      else if (!start) start = o.fetchedAt;
    }
    if (start) out.set(s.unitId, start);
  }
  return out;
}
