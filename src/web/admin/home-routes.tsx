import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Actor, ROLE_LABEL, can, countDemoAccounts } from '../../modules/accounts/index.js';
import { type UnitRow, listUnitTree } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { unitGuard } from '../middleware/unit-guard.js';
import { StaffLayout } from '../views/staff-layout.js';
import { ComposerShortcuts, unitHome } from './composer/unit-home.js';

const KIND_LABEL: Record<string, string> = { kelurahan: 'Kelurahan', desa: 'Desa', kecamatan: 'Kecamatan', opd: 'OPD', kota: 'Kota', kabupaten: 'Kabupaten' };

/** The units an actor's role covers, in the order they think of them. */
export async function unitsOf(db: Kysely<DB>, region: string, actor: Actor): Promise<UnitRow[]> {
  const tree = await listUnitTree(db, region);
  const all = [...tree.kecamatan.flatMap((k) => [k.unit, ...k.children]), ...tree.opd];
  if (actor.role === 'admin_kota' || actor.role === 'pimpinan') return all.filter((u) => u.kind !== 'kecamatan');
  return all.filter((u) => can(actor, 'read', u) && (actor.role === 'camat' ? u.kind !== 'kecamatan' : true));
}

export function homeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin', async (c) => {
    const actor = c.get('actor')!;
    const units = await unitsOf(deps.db, deps.config.region, actor);
    // Staff of one unit go straight to it: one less tap for the people who post most.
    if (units.length === 1 && (actor.role === 'operator' || actor.role === 'lurah')) {
      return c.redirect(`/admin/unit/${units[0]!.slug}`, 303);
    }
    // Demo off with demo accounts left: the admin kota is told at every visit until they are removed.
    const leftover = !deps.config.demo && actor.role === 'admin_kota' ? await countDemoAccounts(deps.db) : 0;
    return c.html(
      <StaffLayout title={t('admin.home.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={leftover ? { kind: 'error', text: t('demo.leftover', { count: leftover }) } : null}>
        <h1>{t('admin.home.greeting', { name: actor.displayName })}</h1>
        <p class="muted">{ROLE_LABEL[actor.role]}</p>
        <ComposerShortcuts actor={actor} />
        <h2>{t('admin.home.your_units')} ({units.length})</h2>
        {units.length === 0 ? <p>{t('admin.home.no_units')}</p> : null}
        <ul class="unit-list">
          {units.map((u) => (
            <li>
              <span class="name">{u.name}</span>
              <span class="meta">{KIND_LABEL[u.kind]}</span>
              <div class="actions">
                <a href={`/admin/unit/${u.slug}`}>{t('admin.home.open_unit')}</a>
                <a href={`/${u.slug}`}>{t('admin.home.view_site')}</a>
              </div>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  // The unit's staff home (Tulis kabar, drafts, schedule, onboarding) belongs to the composer.
  app.get('/admin/unit/:slug', unitGuard(deps), unitHome(deps));

  return app;
}
