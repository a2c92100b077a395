import { t } from '../../../i18n/index.js';
import { LinkList } from '../../views/staff-layout.js';

// The unit's staff home starts with its big buttons (issue 14, point 2): everything a kelurahan
// looks after is one tap from here, in the order staff reach for it. Writing comes first and is
// the only filled button; the rest are outlined, two to a row on a phone.

export interface UnitMenuProps {
  slug: string;
  canWrite: boolean;
  /** Pimpinan, camat and admin kota also get the unit's page on the dashboard. */
  dashboard: boolean;
}

export function UnitMenu(p: UnitMenuProps) {
  const base = `/admin/unit/${p.slug}`;
  const tiles: [string, string][] = [
    [`${base}/konten`, t('staff.menu.published')],
    [`${base}/profil`, t('staff.menu.profile')],
    [`${base}/layanan`, t('staff.menu.services')],
    [`${base}/dokumen`, t('staff.menu.documents')],
    [`${base}/galeri`, t('staff.menu.gallery')],
    [`${base}/kanal`, t('staff.menu.social')],
  ];
  if (p.canWrite) tiles.push([`${base}/bantuan`, t('staff.menu.help')]);
  return (
    <nav class="unit-menu" aria-label={t('staff.nav.menu')}>
      {p.canWrite ? (
        <a class="button wide big" href={`${base}/tulis`}>
          {t('staff.menu.write')}
        </a>
      ) : null}
      <ul class="tiles">
        {tiles.map(([href, label]) => (
          <li>
            <a class="tile" href={href}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The less frequent places, as a plain list at the end of the unit's home. */
export function UnitMoreLinks(p: UnitMenuProps) {
  const base = `/admin/unit/${p.slug}`;
  const links: [string, string][] = [
    [`${base}/kiriman`, t('staff.menu.deliveries')],
    [`${base}/pemantauan`, t('staff.menu.monitoring')],
  ];
  if (p.dashboard) links.push([`/admin/dasbor/unit/${p.slug}`, t('staff.menu.dashboard_unit')]);
  links.push([`/${p.slug}`, t('staff.menu.site')], ['/admin/panduan', t('staff.menu.guide')]);
  return (
    <section>
      <h2>{t('staff.menu.more')}</h2>
      <LinkList links={links} />
    </section>
  );
}
