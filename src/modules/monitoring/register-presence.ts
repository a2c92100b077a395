import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { err, ok, type Result } from '../../shared/result.js';
import { monitoringRepository, type Presence } from './monitoring-repository.js';

// The web-presence registry: what each unit (kelurahan or OPD) has on the web. It is also the
// official-account list against impersonation, so handles are stored without "@" and lowercase.

export const SOCIAL_PLATFORMS = ['facebook', 'instagram', 'tiktok', 'youtube', 'x'] as const;

const presenceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beranda_site'), url: z.string().url() }),
  z.object({ kind: z.literal('website'), url: z.string().url().refine((u) => /^https?:\/\//i.test(u)) }),
  z.object({ kind: z.literal('social'), platform: z.enum(SOCIAL_PLATFORMS), handle: z.string().trim().min(1).max(100) }),
]);
export type PresenceInput = z.input<typeof presenceInput>;

export async function registerPresence(
  db: Kysely<DB>,
  unitId: string,
  input: PresenceInput,
  clock: Clock,
  source = 'manual',
): Promise<Result<Presence, 'invalid'>> {
  const parsed = presenceInput.safeParse(input);
  if (!parsed.success) return err('invalid', parsed.error.issues[0]?.message);
  const p = parsed.data;
  const now = clock.now().toISOString();
  if (p.kind === 'social') {
    const handle = normaliseHandle(p.handle);
    return ok(await monitoringRepository.upsertPresence(db, { unitId, kind: 'social', url: profileUrl(p.platform, handle), platform: p.platform, handle, source }, now));
  }
  return ok(await monitoringRepository.upsertPresence(db, { unitId, kind: p.kind, url: p.url, platform: null, handle: null, source }, now));
}

export async function removePresence(db: Kysely<DB>, unitId: string, presenceId: string, clock: Clock): Promise<Result<true, 'not_found'>> {
  return (await monitoringRepository.deactivatePresence(db, unitId, presenceId, clock.now().toISOString())) ? ok(true) : err('not_found');
}

export const listPresences = (db: Kysely<DB>, unitId: string) => monitoringRepository.presencesOf(db, [unitId]);

/** "@Kel.Bacang", "https://instagram.com/kel.bacang/" → "kel.bacang". */
export function normaliseHandle(h: string): string {
  const t = h.trim().replace(/\/+$/, '');
  const fromUrl = t.match(/^https?:\/\/[^/]+\/(?:@)?([^/?#]+)/i)?.[1];
  return (fromUrl ?? t).replace(/^@/, '').toLowerCase();
}

export function profileUrl(platform: string, handle: string): string {
  switch (platform) {
    case 'facebook': return `https://www.facebook.com/${handle}`;
    case 'instagram': return `https://www.instagram.com/${handle}/`;
    case 'tiktok': return `https://www.tiktok.com/@${handle}`;
    case 'youtube': return `https://www.youtube.com/@${handle}`;
    default: return `https://x.com/${handle}`;
  }
}

/**
 * Copies the website and handles that the units module stores for OPD (entered by hand or from
 * the OPD CSV, in units.settings.links) into the registry. Safe to run again: existing entries
 * are kept as they are.
 */
export async function syncPresencesFromUnitLinks(db: Kysely<DB>, region: string, clock: Clock): Promise<{ registered: number }> {
  let registered = 0;
  for (const u of await monitoringRepository.unitLinks(db, region)) {
    let links: Record<string, unknown> = {};
    try {
      links = (JSON.parse(u.settings) as { links?: Record<string, unknown> }).links ?? {};
    } catch {
      continue;
    }
    if (typeof links.website === 'string' && links.website) {
      if ((await registerPresence(db, u.unitId, { kind: 'website', url: links.website }, clock, 'unit_links')).ok) registered++;
    }
    for (const platform of SOCIAL_PLATFORMS) {
      const h = links[platform];
      if (typeof h === 'string' && h.trim()) {
        if ((await registerPresence(db, u.unitId, { kind: 'social', platform, handle: h }, clock, 'unit_links')).ok) registered++;
      }
    }
  }
  return { registered };
}
