import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import type { Clock } from '../../shared/clock.js';
import { err, ok, type Result } from '../../shared/result.js';
import { monitoringRepository, type Presence } from './monitoring-repository.js';
import { checkSiteUrl, siteUrlPolicy, type SiteUrlPolicy, type SiteUrlProblem } from './site-url-policy.js';

// The web-presence registry: what each unit (kelurahan or OPD) has on the web. It is also the
// official-account list against impersonation, so handles are stored without "@" and lowercase.

export const SOCIAL_PLATFORMS = ['facebook', 'instagram', 'tiktok', 'youtube', 'x'] as const;

const presenceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beranda_site'), url: z.string().url() }),
  z.object({ kind: z.literal('website'), url: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('social'), platform: z.enum(SOCIAL_PLATFORMS), handle: z.string().trim().min(1).max(100) }),
]);
export type PresenceInput = z.input<typeof presenceInput>;

/** The unit page's forms as posted: an external website, a social account, a remove button. */
export const siteFormSchema = z.object({ url: z.string().trim().min(1).max(500) });
export const accountFormSchema = z.object({ platform: z.enum(SOCIAL_PLATFORMS), handle: z.string().trim().min(1).max(100) });
export const presenceIdFormSchema = z.object({ presenceId: z.string().min(1) });

export interface RegisterOptions {
  /** Who registers it (manual, unit_links, profile, demo …); see the web_presences schema. */
  source?: string;
  /** What addresses may be registered; the strict default refuses every non-public one. */
  policy?: SiteUrlPolicy;
}

export type RegisterError = 'invalid' | SiteUrlProblem;

export async function registerPresence(
  db: Kysely<DB>,
  unitId: string,
  input: PresenceInput,
  clock: Clock,
  options: RegisterOptions | string = {},
): Promise<Result<Presence, RegisterError>> {
  const o = typeof options === 'string' ? { source: options } : options;
  const source = o.source ?? 'manual';
  const parsed = presenceInput.safeParse(input);
  if (!parsed.success) return err('invalid', parsed.error.issues[0]?.message);
  const p = parsed.data;
  const now = clock.now().toISOString();
  if (p.kind === 'social') {
    const handle = normaliseHandle(p.handle);
    if (!handle) return err('invalid');
    return ok(await monitoringRepository.upsertPresence(db, { unitId, kind: 'social', url: profileUrl(p.platform, handle), platform: p.platform, handle, source }, now));
  }
  if (p.kind === 'website') {
    // The first gate against the crawler being aimed inward; the fetcher checks every connection.
    const check = checkSiteUrl(p.url, o.policy ?? DEFAULT_POLICY);
    if (!check.ok) return err(check.problem, check.detail);
    return ok(await monitoringRepository.upsertPresence(db, { unitId, kind: 'website', url: check.url, platform: null, handle: null, source }, now));
  }
  return ok(await monitoringRepository.upsertPresence(db, { unitId, kind: p.kind, url: p.url, platform: null, handle: null, source }, now));
}

const DEFAULT_POLICY = siteUrlPolicy();

export async function removePresence(db: Kysely<DB>, unitId: string, presenceId: string, clock: Clock): Promise<Result<true, 'not_found'>> {
  return (await monitoringRepository.deactivatePresence(db, unitId, presenceId, clock.now().toISOString())) ? ok(true) : err('not_found');
}

export const listPresences = (db: Kysely<DB>, unitId: string) => monitoringRepository.presencesOf(db, [unitId]);

/** "@Kel.Bacang", "https://instagram.com/kel.bacang/" → "kel.bacang". */
export function normaliseHandle(h: string): string {
  const t = h.trim().replace(/\/+$/, '');
  const fromUrl = t.match(/^https?:\/\/[^/]+\/(?:@)?([^/?#]+)/i)?.[1];
  // Only characters handles can have: a pasted sentence or markup is not a handle.
  return (fromUrl ?? t).replace(/^@/, '').toLowerCase().replace(/[^a-z0-9._-]/g, '');
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

/** Staff registering an address or account of their unit: refused unless they may write for it; audited in the same transaction. */
export async function registerPresenceAsStaff(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { actor: Actor; unit: UnitRef; input: PresenceInput; options?: RegisterOptions },
): Promise<Result<Presence, RegisterError | 'forbidden'>> {
  return auditedChange(
    deps,
    args,
    (trx) => registerPresence(trx, args.unit.id, args.input, deps.clock, args.options),
    (p) => ({ action: 'monitoring.presence.add', target: p.kind === 'social' ? `${p.platform}:${p.handle}` : p.url }),
  );
}

/** Staff removing one of their unit's addresses or accounts, audited in the same transaction. */
export async function removePresenceAsStaff(deps: { db: Kysely<DB>; clock: Clock }, args: { actor: Actor; unit: UnitRef; presenceId: string }): Promise<Result<true, 'not_found' | 'forbidden'>> {
  return auditedChange(deps, args, (trx) => removePresence(trx, args.unit.id, args.presenceId, deps.clock), () => ({ action: 'monitoring.presence.remove', target: args.presenceId }));
}
