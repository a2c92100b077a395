import type { Context, MiddlewareHandler } from 'hono';
import { recordAudit } from '../../../modules/accounts/index.js';
import { calendarFor, canDecide, canHandle, canSeeCounts, checkDocLink, cityUnitOf } from '../../../modules/pelayanan/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden, renderNotFound } from '../../errors.js';
import { unitCanonicalBase } from '../../site/urls.js';

// The pelayanan staff routes' own guard: stricter than unitGuard (see modules/pelayanan/policy.ts).
// `handle`: the unit's operator and head; `decide`: its head; `counts`: anyone who oversees it.
// A refusal is a 403 page and an audit entry, as for every staff route.

export type PelayananLevel = 'handle' | 'decide' | 'counts';

export function pelayananGuard(deps: AppDeps, level: PelayananLevel): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) return renderForbidden(c);
    const slug = c.req.param('slug');
    // Any regency's unit (slugs are unique in the install); the scope check is the policy's.
    const unit = slug ? await unitRepository.bySlug(deps.db, slug) : undefined;
    if (!unit) return renderNotFound(c);
    const allowed = level === 'handle' ? canHandle(actor, unit) : level === 'decide' ? canDecide(actor, unit) : canSeeCounts(actor, unit);
    if (!allowed) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit.id, target: c.req.path, detail: { method: c.req.method, area: 'pelayanan' } });
      return renderForbidden(c);
    }
    c.set('unit', unit);
    // City-wide settings a unit page reads (the rule, the calendar) are its own regency's.
    c.set('region', unit.region_code);
    return next();
  };
}

export const inboxBase = (c: Context<AppEnv>) => `/admin/unit/${c.get('unit').slug}/pelayanan`;

/** The citizen's tracking page, absolute (it goes into WhatsApp and e-mail). */
export const trackingLinkOf = (deps: AppDeps, slug: string) => `${unitCanonicalBase(deps.config, slug)}/layanan/lacak`;

export async function unitCalendar(deps: AppDeps, region: string, unitId: string) {
  const city = await cityUnitOf(deps.db, region);
  return calendarFor(deps.db, unitId, city?.id ?? '');
}

export const flashOf = (c: Context<AppEnv>, t: (k: string) => string) => {
  const ok = c.req.query('ok');
  return ok && /^[a-z_]{1,30}$/.test(ok) ? { kind: 'ok' as const, text: t(`pw.flash.${ok}`) } : null;
};

/**
 * A document link that is not this person's or has run out: recorded as refused, and the person
 * goes back to the page that makes fresh links. Null when the link is good.
 */
export async function refuseBadDocLink(c: Context<AppEnv>, deps: AppDeps, back: string): Promise<Response | null> {
  const actor = c.get('actor')!;
  const problem = checkDocLink(deps.config.secret, { userId: actor.id, docId: c.req.param('docId') ?? '', exp: c.req.query('exp') ?? '', sig: c.req.query('sig') ?? '', now: deps.clock.now() });
  if (!problem) return null;
  await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: c.get('unit').id, target: c.req.path, detail: { area: 'pelayanan', link: problem } });
  return c.redirect(`${back}?ok=link_expired`, 303);
}
