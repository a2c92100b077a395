import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { getSectionForUnits } from '../profile/index.js';
import { unitRepository, type UnitRow } from '../units/index.js';
import { monitoringRepository, presenceKey, type Presence } from './monitoring-repository.js';
import { normaliseHandle, profileUrl, SOCIAL_PLATFORMS } from './register-presence.js';
import { unitCanonicalBase } from '../../shared/unit-site-url.js';
import { checkSiteUrl, siteUrlPolicy, type SiteUrlPolicy, type SiteUrlProblem } from './site-url-policy.js';
import { presenceFingerprint, registrationFingerprints } from './read-models/registration-fingerprints.js';

// Registration follows the units (issue 15 §1): what the checks look at is derived from the
// units themselves, so nothing depends on someone remembering to register a site.
//   - every kelurahan/desa has its Beranda site (the address it is served at);
//   - an OPD's website and handles come from its unit data (the OPD form or the CSV), and its
//     Beranda site counts as its website only when it has none of its own;
//   - handles listed in a kelurahan's profile (identitas → media sosial) are registered;
//   - when an address changes the old entry is unregistered and the new one registered, and an
//     entry whose source no longer lists it is unregistered.
// Entries staff add by hand on the monitoring page ('manual') or the demo made are left alone.
// Idempotent: running it twice changes nothing the second time.

/** Sources this use case owns; other sources are never touched. */
export const AUTO_SOURCES = ['auto_beranda', 'unit_links', 'profile'] as const;

export interface RegistrationContext {
  region: string;
  policy: SiteUrlPolicy;
  /** The address a unit's Beranda site is served at (its canonical base). */
  berandaUrlOf(slug: string): string;
  /**
   * What the addresses and the policy are made of (PUBLIC_URL, SITE_DOMAIN, MONITOR_ALLOW) and the
   * version of the rules below: part of every regency's fingerprint, so a change re-syncs them all.
   */
  key: string;
}

export interface SyncOutcome {
  added: number;
  removed: number;
  /** Addresses in the units' data the policy refuses (a private address, a typo …). */
  refused: { unitId: string; url: string; problem: SiteUrlProblem }[];
}

interface Wanted {
  kind: Presence['kind'];
  url: string | null;
  platform: string | null;
  handle: string | null;
  source: (typeof AUTO_SOURCES)[number];
}

const RULE_KINDS = new Set<string>(['kelurahan', 'desa', 'opd']);

function linksOf(u: UnitRow): Record<string, unknown> {
  try {
    const s = JSON.parse(u.settings) as { links?: Record<string, unknown> };
    return s.links && typeof s.links === 'object' ? s.links : {};
  } catch {
    return {};
  }
}

/** Raise when what `syncUnits` derives from a unit changes: every install then re-syncs every regency once. */
const REGISTRATION_RULES = 1;

const PROFILE_PLATFORM: Record<string, string> = { facebook: 'facebook', instagram: 'instagram', tiktok: 'tiktok', youtube: 'youtube', x: 'x' };

export async function syncRegistrations(
  db: Kysely<DB>,
  clock: Clock,
  ctx: RegistrationContext,
  only?: readonly string[],
): Promise<SyncOutcome> {
  const all = await unitRepository.inRegion(db, ctx.region);
  const units = all.filter((u) => RULE_KINDS.has(u.kind) && (!only || only.includes(u.id)));
  const ids = units.map((u) => u.id);
  const out: SyncOutcome = { added: 0, removed: 0, refused: [] };
  if (ids.length === 0 && !only) return out;
  await syncUnits(db, clock, ctx, units, out);
  if (!only) {
    // Units that left the region (removed, or demo data taken out) stop being checked.
    // Units of other regions sharing the database are not this sync's business.
    const kept = new Set(ids);
    const now = clock.now().toISOString();
    for (const unitId of await monitoringRepository.unitsWithPresences(db)) {
      if (kept.has(unitId)) continue;
      const unit = all.find((u) => u.id === unitId) ?? (await unitRepository.byId(db, unitId));
      if (unit && (unit.region_code !== ctx.region || RULE_KINDS.has(unit.kind))) continue;
      out.removed += await monitoringRepository.deactivateAllOf(db, unitId, now);
    }
  }
  return out;
}

/** Units synced per transaction by `syncAllRegistrations` (a regency of ~900 desa is two). */
export const SYNC_SLICE = 500;

export interface SyncAllOutcome extends SyncOutcome {
  regions: number;
  /** Regencies synced by this run: never synced before, or something they derive from changed. */
  synced: number;
  /** Regencies skipped: their fingerprint is the one stored after their last sync. */
  unchanged: number;
}

/**
 * Registration of every imported regency's units (decision 0017), as the worker runs it at start
 * and before every sweep. A regency is synced only when its fingerprint (its units, their
 * identitas profiles and its entries, counted and dated: read-models/registration-fingerprints.ts,
 * plus the context's key) differs from the one stored after its last sync, so a run with nothing
 * to change reads three GROUP BYs instead of 91,554 units. A regency is synced in slices of
 * `slice` units, each written in one transaction (never a national install in memory at once),
 * and its fingerprint is stored once all of it is done: a run interrupted after some regencies
 * starts, the next time, at the first regency it had not finished. Entries on a regency's own
 * rows that the rules do not judge (kota/kabupaten, kecamatan) stop with it; entries of units
 * that no longer exist stop, read in pages of `slice`, when the fingerprints count any.
 */
export async function syncAllRegistrations(
  db: Kysely<DB>,
  clock: Clock,
  ctx: RegistrationContext,
  opts: { slice?: number } = {},
): Promise<SyncAllOutcome> {
  const slice = opts.slice ?? SYNC_SLICE;
  const regions = [...new Set([ctx.region, ...(await unitRepository.regencyCodes(db))])].sort();
  // Read before any regency is synced: a unit changed while this run works is seen as changed next time.
  const [seen, stored] = await Promise.all([registrationFingerprints(db), monitoringRepository.registrationSyncs(db)]);
  const fingerprint = (region: string, entries: string | undefined) => `${ctx.key} ${seen.inputs.get(region) ?? '-'} ${entries ?? '-'}`;
  const out: SyncAllOutcome = { added: 0, removed: 0, refused: [], regions: regions.length, synced: 0, unchanged: 0 };
  for (const region of regions) {
    if (stored.get(region) === fingerprint(region, seen.presences.get(region))) {
      out.unchanged++;
      continue;
    }
    // One regency's units at a time (the largest kabupaten has about a thousand).
    const units = await unitRepository.ofRegion(db, region, { orderBy: 'id' });
    const judged = units.filter((u) => RULE_KINDS.has(u.kind));
    for (let i = 0; i < judged.length; i += slice) {
      await db.transaction().execute((trx) => syncUnits(trx, clock, { ...ctx, region }, judged.slice(i, i + slice), out));
    }
    const now = clock.now().toISOString();
    const unjudged = units.filter((u) => !RULE_KINDS.has(u.kind)).map((u) => u.id);
    for (const unitId of new Set((await monitoringRepository.presencesOf(db, unjudged)).map((p) => p.unitId))) {
      out.removed += await monitoringRepository.deactivateAllOf(db, unitId, now);
    }
    // Its entries as this sync left them; what it read (units, profiles) as they were before it.
    await monitoringRepository.saveRegistrationSync(db, region, fingerprint(region, await presenceFingerprint(db, region)), now);
    out.synced++;
  }
  if (seen.orphans > 0) {
    const now = clock.now().toISOString();
    for (let after = ''; ; ) {
      const page = await monitoringRepository.unitsWithPresences(db, { after, limit: slice });
      if (page.length === 0) break;
      const known = new Set((await unitRepository.byIds(db, page)).map((u) => u.id));
      for (const unitId of page) if (!known.has(unitId)) out.removed += await monitoringRepository.deactivateAllOf(db, unitId, now);
      after = page[page.length - 1]!;
    }
  }
  return out;
}


/** What these units' data lists is registered, what it no longer lists stops (counted in `out`). */
async function syncUnits(db: Kysely<DB>, clock: Clock, ctx: RegistrationContext, units: UnitRow[], out: SyncOutcome): Promise<void> {
  const ids = units.map((u) => u.id);
  const [existing, identitas] = await Promise.all([
    monitoringRepository.presencesOf(db, ids),
    getSectionForUnits(db, ids.filter((id) => units.find((u) => u.id === id)?.kind !== 'opd'), 'identitas'),
  ]);
  const now = clock.now().toISOString();

  for (const u of units) {
    const wanted: Wanted[] = [];
    const social = (platform: string, raw: string, source: Wanted['source']) => {
      const handle = normaliseHandle(raw);
      if (handle && (SOCIAL_PLATFORMS as readonly string[]).includes(platform)) {
        wanted.push({ kind: 'social', url: profileUrl(platform, handle), platform, handle, source });
      }
    };
    const links = linksOf(u);
    let ownWebsite = false;
    if (u.kind === 'opd' && typeof links.website === 'string' && links.website.trim()) {
      const check = checkSiteUrl(links.website, ctx.policy);
      if (check.ok) {
        wanted.push({ kind: 'website', url: check.url, platform: null, handle: null, source: 'unit_links' });
        ownWebsite = true;
      } else out.refused.push({ unitId: u.id, url: links.website, problem: check.problem });
    }
    if (u.kind !== 'opd' || !ownWebsite) {
      wanted.push({ kind: 'beranda_site', url: ctx.berandaUrlOf(u.slug), platform: null, handle: null, source: 'auto_beranda' });
    }
    for (const platform of SOCIAL_PLATFORMS) {
      const h = links[platform];
      if (typeof h === 'string' && h.trim()) social(platform, h, 'unit_links');
    }
    const media = (identitas.get(u.id) as { media?: { platform: string; url: string }[] } | undefined)?.media ?? [];
    for (const m of media) if (PROFILE_PLATFORM[m.platform]) social(m.platform, m.url, 'profile');

    const mine = existing.filter((p) => p.unitId === u.id);
    const keyOf = (p: { kind: Presence['kind']; url: string | null; platform: string | null; handle: string | null }) =>
      presenceKey(u.id, p.kind, p.url, p.platform, p.handle);
    const wantedKeys = new Set(wanted.map(keyOf));
    const haveKeys = new Set(mine.map(keyOf));
    for (const w of wanted) {
      if (haveKeys.has(keyOf(w))) continue;
      await monitoringRepository.upsertPresence(db, { unitId: u.id, ...w }, now);
      out.added++;
    }
    for (const p of mine) {
      // The Beranda site is always this use case's to manage (its address follows PUBLIC_URL and
      // SITE_DOMAIN); other entries only when this use case made them.
      const managed = p.kind === 'beranda_site' || (AUTO_SOURCES as readonly string[]).includes(p.source);
      if (managed && !wantedKeys.has(keyOf(p))) {
        await monitoringRepository.deactivatePresence(db, u.id, p.id, now);
        out.removed++;
      }
    }
  }
}

/** The registration context from the city's configuration values (PUBLIC_URL, SITE_DOMAIN, MONITOR_ALLOW). */
export function registrationContext(c: { region: string; publicUrl: string; siteDomain: string | null; monitorAllow: readonly string[] }): RegistrationContext {
  return {
    region: c.region,
    policy: siteUrlPolicy({ allow: c.monitorAllow, publicUrl: c.publicUrl, siteDomain: c.siteDomain }),
    berandaUrlOf: (slug) => unitCanonicalBase(c, slug),
    key: JSON.stringify([REGISTRATION_RULES, c.publicUrl, c.siteDomain, c.monitorAllow]),
  };
}
