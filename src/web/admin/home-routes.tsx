import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Actor, can } from '../../modules/accounts/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { type UnitRow, listUnitTree } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { dashboardScope } from '../dashboard/access.js';
import { unitGuard } from '../middleware/unit-guard.js';
import { StaffLayout } from '../views/staff-layout.js';
import { ComposerShortcuts, unitHome } from './composer/unit-home.js';
import { galleryRoutes } from './home/gallery-routes.js';
import { recheckRoutes } from './home/recheck-routes.js';
import { unitListRoutes } from './home/unit-list-routes.js';
import { unitHeading } from './home/words.js';

/** The units an actor's role covers, in the order they think of them. */
export async function unitsOf(db: Kysely<DB>, region: string, actor: Actor): Promise<UnitRow[]> {
  const tree = await listUnitTree(db, region);
  const all = [...tree.kecamatan.flatMap((k) => [k.unit, ...k.children]), ...tree.opd];
  if (actor.role === 'admin_kota' || actor.role === 'pimpinan') return all.filter((u) => u.kind !== 'kecamatan');
  return all.filter((u) => can(actor, 'read', u) && (actor.role === 'camat' ? u.kind !== 'kecamatan' : true));
}

export function homeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Each role's home (issue 14, point 2): pimpinan, camat and admin kota land on the dashboard;
  // staff of one unit on that unit; a pendamping (or anyone with several units) on their units.
  app.get('/admin', async (c) => {
    const actor = c.get('actor')!;
    if (dashboardScope(actor)) return c.redirect('/admin/dasbor', 303);
    const units = await unitsOf(deps.db, c.get('region'), actor);
    if (units.length === 1 && (actor.role === 'operator' || actor.role === 'lurah')) {
      return c.redirect(`/admin/unit/${units[0]!.slug}`, 303);
    }
    return c.html(
      <StaffLayout title={t('admin.home.title')} actor={actor} csrfToken={c.get('csrfToken')}>
        <h1>{t('admin.home.greeting', { name: actor.displayName })}</h1>
        <p class="muted">{roleLabel(actor.role)}</p>
        <ComposerShortcuts actor={actor} />
        <h2>{actor.role === 'pendamping' ? t('staff.home.units') : t('admin.home.your_units')} ({units.length})</h2>
        {units.length === 0 ? <p>{t('admin.home.no_units')}</p> : null}
        <ul class="unit-list">
          {units.map((u) => (
            <li>
              <a class="unit-row" href={`/admin/unit/${u.slug}`}>
                <span class="name">{unitHeading(u)}</span>
              </a>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  app.route('/', unitListRoutes(deps));
  app.route('/', galleryRoutes(deps));
  app.route('/', recheckRoutes(deps));

  // The unit's staff home (Tulis kabar, drafts, schedule, onboarding) belongs to the composer.
  app.get('/admin/unit/:slug', unitGuard(deps), unitHome(deps));

  return app;
}
