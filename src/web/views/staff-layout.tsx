import type { Child } from 'hono/jsx';
import { type Actor, hasWideScope } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import { answersComplaints } from '../../modules/pelayanan/index.js';
import { StaffDocument } from './staff-document.js';

export interface StaffLayoutProps {
  title: string;
  actor: Actor | null;
  csrfToken: string;
  children: Child;
  /** A one-line confirmation or problem shown at the top ("what happened, what next"). */
  flash?: { kind: 'ok' | 'error' | 'info'; text: string } | null;
  back?: { href: string; label: string };
}

/** The staff area's frame: phone-first, large text and touch targets, one main action per screen. */
export function StaffLayout(p: StaffLayoutProps) {
  return (
    <StaffDocument title={p.title}>
      <body>
        <header class="bar">
          <a class="brand" href="/admin">Beranda</a>
          {p.actor ? (
            <a class="bar-button" href="#menu">
              {t('staff.nav.menu')}
            </a>
          ) : null}
          {p.actor ? (
            <form method="post" action="/admin/keluar" class="inline">
              <input type="hidden" name="_csrf" value={p.csrfToken} />
              <button type="submit" class="link-button">{t('logout.submit')}</button>
            </form>
          ) : null}
        </header>
        <main id="isi" class="page">
          {p.back ? (
            <p class="back">
              <a href={p.back.href}>← {p.back.label}</a>
            </p>
          ) : null}
          {p.flash ? (
            <div class={`flash flash-${p.flash.kind}`} role={p.flash.kind === 'error' ? 'alert' : 'status'}>
              {p.flash.text}
            </div>
          ) : null}
          {p.children}
        </main>
        {p.actor ? <StaffNav actor={p.actor} /> : null}
      </body>
    </StaffDocument>
  );
}

/**
 * Every place a role goes that is not inside one unit, at the foot of every staff page (the bar's
 * "Menu" jumps here, no script needed). Together with the unit's own buttons this makes every
 * page a role may use reachable by tapping (tests/e2e/staff-reach.test.ts crawls it per role).
 */
function StaffNav({ actor }: { actor: Actor }) {
  const r = actor.role;
  const links: [string, string][] = [['/admin', t('admin.nav.home')]];
  // The pimpinan dashboard: admin kota, pimpinan and camat (a camat sees their kecamatan).
  if (r === 'admin_kota' || r === 'pimpinan' || r === 'camat') links.push(['/admin/dasbor', t('dash.title')]);
  // A province or national scope picks the regency its city-wide screens serve (decision 0017).
  if (hasWideScope(actor)) links.push(['/admin/cakupan', t('scope.nav')]);
  links.push(['/admin/unit', t('staff.nav.units')]);
  if (r === 'pendamping' || r === 'admin_kota') links.push(['/admin/pendampingan', t('composer.nav.assist')]);
  if (r === 'admin_kota') {
    links.push(['/admin/siaran', t('composer.nav.broadcast')], ['/admin/pengguna', t('admin.nav.users')], ['/admin/wilayah', t('admin.nav.units')]);
    links.push(['/admin/pemantauan/aturan', t('staff.nav.rule')], ['/admin/pemantauan/sanggahan', t('mon.disputes.title')], ['/admin/pengingat', t('rem.title')]);
    links.push(['/admin/pelayanan', t('pw.city.title')], ['/admin/audit', t('admin.nav.audit')]);
  }
  // Those who answer citizens' complaints (issue 17): the unit's operator and lurah, and a camat
  // for complaints forwarded to the kecamatan (their home lists kelurahan, not the kecamatan).
  if (answersComplaints(actor)) links.push(['/admin/pengaduan', t('pw.complaints.title')]);
  links.push(['/admin/notifikasi', t('rem.inbox.title')], ['/admin/akun/pemberitahuan', t('rem.prefs.title')]);
  links.push(['/admin/panduan', t('composer.nav.guide')], ['/admin/akun/sandi', t('admin.nav.password')]);
  return (
    <nav id="menu" class="staff-nav" aria-label={t('staff.nav.label')}>
      <p class="who">
        {actor.displayName} · <span>{actor.username}</span>
      </p>
      <LinkList links={links} class="nav-links" />
    </nav>
  );
}

/** A column of plain links, each a full-width 48-px row: [href, label] pairs. */
export function LinkList(p: { links: [string, string][]; class?: string }) {
  return (
    <ul class={p.class ?? 'link-list'}>
      {p.links.map(([href, label]) => (
        <li>
          <a href={href}>{label}</a>
        </li>
      ))}
    </ul>
  );
}
