import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { contentRepository } from '../../modules/content/index.js';
import { getMedia, pickVariant } from '../../modules/media/index.js';
import type { MediaItem } from '../../modules/media/index.js';
import { type Profile, getProfile } from '../../modules/profile/index.js';
import { type UnitServiceView, listUnitServices } from '../../modules/services/index.js';
import { type UnitRow, findUnitById, unitRepository } from '../../modules/units/index.js';
import type { Clock } from '../../shared/clock.js';
import type { PictureData } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import type { Chrome, FooterInfo } from '../views/site/layout.js';
import { onInvalidateUnit } from './page-cache.js';
import { type ShareImage, cardImage, unitShareImage } from './share-image.js';
import { type RoutingMode, type SiteLinks, portalLinks, unitLinks } from './urls.js';

/** What the public site needs from the app; AppDeps satisfies it structurally. */
export interface SiteDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: { publicUrl: string; siteDomain: string | null; region: string };
}

export interface UnitCtx {
  deps: SiteDeps;
  unit: UnitRow;
  parent: UnitRow | undefined;
  cityName: string;
  profile: Profile;
  profileUpdatedAt: string | null;
  links: SiteLinks;
  chrome: Chrome;
  now: Date;
  /** The unit's layanan (city catalogue with its adjustments), read once per memo lifetime. */
  services: () => Promise<UnitServiceView[]>;
}

const KIND_LABEL: Record<string, string> = {
  kelurahan: 'Kelurahan',
  desa: 'Desa',
  kecamatan: 'Kecamatan',
  kota: '',
  kabupaten: '',
  opd: '',
};

export const unitTitle = (u: Pick<UnitRow, 'kind' | 'name'>) => `${KIND_LABEL[u.kind] ? `${KIND_LABEL[u.kind]} ` : ''}${u.name}`;

/** The name of a regency of the install (default: the install's own, BERANDA_REGION). */
export async function cityName(deps: SiteDeps, region = deps.config.region): Promise<string> {
  const root = await deps.db
    .selectFrom('units')
    .select('name')
    .where('region_code', '=', region)
    .where('kind', 'in', ['kota', 'kabupaten'])
    .executeTakeFirst();
  return root?.name ?? 'Kota';
}

// Unit rows, the city name, the profile and the unit's layanan change rarely but are needed by
// most pages, so a render (page cache off or missed) reads them from a short-lived memo instead
// of 5 queries plus a parse of the whole service catalogue (the largest single cost of a beranda
// render). A publish, profile save or service adjustment drops the unit at once
// (invalidateUnit); the TTL covers changes made outside this process.
const MEMO_TTL_MS = 30_000;
interface UnitMemo {
  at: number;
  unit: UnitRow;
  parent: UnitRow | undefined;
  city: string;
  demo: boolean;
  profile: Profile;
  updatedAt: string | null;
  /** The unit-wide share picture (office photo, logo or card), read with the profile. */
  share: ShareImage;
  /** Made from the profile once, not on every render. */
  footer: FooterInfo;
  accent: string | undefined;
  /** Filled on first use: not every page shows services. */
  services?: Promise<UnitServiceView[]>;
}
// One memo per database handle, so two apps in one process (tests) never share unit rows.
const memos = new WeakMap<object, Map<string, UnitMemo>>();
const allMemos = new Set<Map<string, UnitMemo>>();
onInvalidateUnit((unitId) => {
  for (const memo of allMemos) for (const [k, m] of memo) if (m.unit.id === unitId) memo.delete(k);
});

async function unitData(deps: SiteDeps, slug: string): Promise<UnitMemo | null> {
  let memo = memos.get(deps.db);
  if (!memo) {
    memo = new Map();
    memos.set(deps.db, memo);
    allMemos.add(memo);
  }
  // Slugs are unique in the install (import-region.ts reads every slug in use), so a unit of any
  // imported regency is found by its slug alone (decision 0017).
  const key = slug;
  const hit = memo.get(key);
  // Process time, not the injected clock: this is a freshness bound, not a business rule.
  const nowMs = Date.now();
  if (hit && nowMs - hit.at < MEMO_TTL_MS) return hit;
  const unit = await unitRepository.bySlug(deps.db, slug.toLowerCase());
  if (!unit || unit.kind === 'kota' || unit.kind === 'kabupaten') return null;
  const [parent, { profile, updatedAt }, city, demo] = await Promise.all([
    unit.parent_id ? findUnitById(deps.db, unit.parent_id) : Promise.resolve(undefined),
    getProfile(deps.db, unit.id),
    cityName(deps, unit.region_code),
    contentRepository.hasDemo(deps.db, unit.id),
  ]);
  const share = await unitShareImage(deps.db, deps.config.publicUrl, unit, profile, unitTitle(unit));
  const footer = footerOf(profile);
  const accent = profile.identitas.warnaAksen ?? parseSettings(unit.settings).accent;
  const m = { at: nowMs, unit, parent, city, demo, profile, updatedAt, share, footer, accent };
  if (memo.size > 5000) memo.clear();
  memo.set(key, m);
  return m;
}

export async function loadUnitCtx(deps: SiteDeps, slug: string, mode: RoutingMode, now: Date): Promise<UnitCtx | null> {
  const data = await unitData(deps, slug);
  if (!data) return null;
  const services = () => {
    const p = (data.services ??= listUnitServices(deps.db, data.unit.id));
    // A failed read is not remembered: the next page tries again.
    p.catch(() => {
      if (data.services === p) data.services = undefined;
    });
    return p;
  };
  const { unit, parent, city, demo, profile, updatedAt, share, footer, accent } = data;
  const links = unitLinks(deps.config, unit.slug, mode);
  const chrome: Chrome = {
    cityName: city,
    unit: {
      name: unit.name,
      kindLabel: KIND_LABEL[unit.kind] ?? '',
      parentName: parent && parent.kind === 'kecamatan' ? `Kecamatan ${parent.name}, ${city}` : city,
      accent,
      logo: profile.identitas.logo || undefined,
    },
    links,
    // A unit of another regency of the install belongs to that regency's portal page.
    portalHref: `${mode === 'host' ? deps.config.publicUrl : ''}${regionPortalPath(deps, unit.region_code)}`,
    footer,
    isDemo: unit.is_demo === 1 || demo,
    searchAction: links.href('/cari'),
    share,
  };
  return { deps, unit, parent, cityName: city, profile, profileUpdatedAt: updatedAt, links, chrome, now, services };
}

/** `/` for the install's own regency, `/wilayah/<code>/` for another imported one. */
export function regionPortalPath(deps: SiteDeps, region: string): string {
  return region === deps.config.region ? '/' : `/wilayah/${region}/`;
}

export function portalChrome(deps: SiteDeps, city: string, region = deps.config.region): Chrome {
  const links = portalLinks(deps.config);
  const home = regionPortalPath(deps, region);
  return {
    cityName: city,
    links: home === '/' ? links : { ...links, href: (p = '/') => `${home.slice(0, -1)}${p}` },
    portalHref: home,
    searchAction: `${home}cari`,
    share: cardImage(deps.config.publicUrl, null, t('site.portal.title', { city })),
  };
}

function parseSettings(text: string): { accent?: string } {
  try {
    const s = JSON.parse(text);
    return typeof s === 'object' && s ? s : {};
  } catch {
    return {};
  }
}

export function jamLines(profile: Profile): string[] {
  return profile.identitas.jamPelayanan.map((j) => {
    const days = j.hari.map((h) => t(`site.hari.${h}`));
    const label = days.length > 2 && isConsecutive(j.hari) ? `${days[0]}–${days[days.length - 1]}` : days.join(', ');
    const range = t('site.jam.range', { from: j.buka, to: j.tutup });
    return `${label}: ${range}${j.istirahat ? ` (${t('site.jam.istirahat', { time: j.istirahat })})` : ''}`;
  });
}

const ORDER = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu'];
function isConsecutive(days: string[]): boolean {
  const idx = days.map((d) => ORDER.indexOf(d));
  return idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
}

function footerOf(p: Profile): FooterInfo {
  const i = p.identitas;
  return {
    alamat: [i.alamatKantor, i.kodePos].filter(Boolean).join(' '),
    jam: jamLines(p),
    telepon: i.telepon,
    whatsapp: i.whatsapp,
    email: i.email,
    social: i.media,
  };
}

// ---- pictures from the media library -------------------------------------------------------

export const MEDIA_BASE = '/media';

export function pictureOf(item: MediaItem, alt: string, sizes?: string): PictureData | null {
  const jpeg = item.variants.filter((v) => v.kind === 'web' && v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const fallback = pickVariant(item, { format: 'jpeg', minWidth: 960 }) ?? jpeg[jpeg.length - 1];
  if (!fallback) return null;
  const srcset = (format: 'avif' | 'webp' | 'jpeg') =>
    item.variants
      .filter((v) => (v.kind === 'web' || v.kind === 'avif') && v.format === format)
      .sort((a, b) => a.width - b.width)
      .map((v) => `${MEDIA_BASE}/${v.key} ${v.width}w`)
      .join(', ');
  const sources = (['avif', 'webp', 'jpeg'] as const)
    .map((f) => ({ type: `image/${f}`, srcset: srcset(f) }))
    .filter((s) => s.srcset !== '');
  return { alt: alt || item.alt, width: fallback.width, height: fallback.height, src: `${MEDIA_BASE}/${fallback.key}`, sources, sizes };
}

/** A unit's media item as a picture; another unit's id yields nothing (getMedia is unit-scoped). */
export async function loadPicture(db: Kysely<DB>, unitId: string, mediaId: string | null, alt: string, sizes?: string) {
  if (!mediaId) return { pic: null, og: undefined as { path: string; width: number; height: number } | undefined };
  const r = await getMedia(db, unitId, mediaId);
  if (!r.ok) return { pic: null, og: undefined };
  const og = pickVariant(r.value, { crop: 'landscape_og' }) ?? pickVariant(r.value, { format: 'jpeg', minWidth: 960 });
  return { pic: pictureOf(r.value, alt, sizes), og: og ? { path: `${MEDIA_BASE}/${og.key}`, width: og.width, height: og.height } : undefined };
}
