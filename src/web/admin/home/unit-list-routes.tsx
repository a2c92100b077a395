import { Hono } from 'hono';
import { t } from '../../../i18n/index.js';
import { can } from '../../../modules/accounts/index.js';
import { type UnitRow, listUnitTree } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { unitHeading } from './words.js';

// "Daftar unit" (issue 14, point 6): every unit the actor can open, grouped by kecamatan and
// searchable by name — the list that used to be the city's 8,400-px start page. A plain GET form,
// so it works without JavaScript and a search can be shared as a link.

/** Lower case without accents or punctuation, so "Gabek 1" finds "Gabek Satu"'s neighbours too. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

interface Group {
  title: string;
  units: UnitRow[];
}

export function unitListRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit', async (c) => {
    const actor = c.get('actor')!;
    const q = (c.req.query('q') ?? '').slice(0, 80).trim();
    const needle = fold(q);
    const tree = await listUnitTree(deps.db, c.get('region'));
    const hit = (u: UnitRow, group: string) => can(actor, 'read', u) && (!needle || fold(`${u.name} ${group}`).includes(needle));
    const groups: Group[] = tree.kecamatan.map((k) => ({
      title: unitHeading(k.unit),
      units: [k.unit, ...k.children].filter((u) => hit(u, k.unit.name)),
    }));
    groups.push({ title: t('staff.units.opd'), units: tree.opd.filter((u) => hit(u, '')) });
    const shown = groups.filter((g) => g.units.length > 0);
    const total = shown.reduce((n, g) => n + g.units.length, 0);
    // Closed groups keep a city's list short on a phone; a search or a single group opens them.
    const open = !!needle || shown.length === 1;
    return c.html(
      <StaffLayout title={t('staff.units.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('staff.units.title')}</h1>
        <p class="muted">{t('staff.units.intro')}</p>
        <form method="get" action="/admin/unit" class="search-form" role="search">
          <label for="f-q">{t('staff.units.search')}</label>
          <div class="search-row">
            <input id="f-q" name="q" type="search" value={q} autocomplete="off" />
            <button type="submit">{t('staff.units.search_submit')}</button>
          </div>
        </form>
        {needle ? (
          <p>
            {total > 0 ? t('staff.units.found', { n: total, q }) : t('staff.units.none')} <a href="/admin/unit">{t('staff.units.clear')}</a>
          </p>
        ) : null}
        {shown.map((g) => (
          <details class="unit-group" open={open}>
            <summary>
              <span>{g.title}</span> <span class="meta">{t('staff.units.count', { n: g.units.length })}</span>
            </summary>
            <ul class="unit-list">
              {g.units.map((u) => (
                <li>
                  <a class="unit-row" href={`/admin/unit/${u.slug}`}>
                    <span class="name">{u.kind === 'kecamatan' ? t('staff.units.kecamatan_office') : unitHeading(u)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </StaffLayout>,
    );
  });

  return app;
}
