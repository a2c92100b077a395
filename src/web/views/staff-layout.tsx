import type { Child } from 'hono/jsx';
import type { Actor } from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
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

function StaffNav({ actor }: { actor: Actor }) {
  const links: [string, string][] = [['/admin', t('admin.nav.home')]];
  // The pimpinan dashboard: admin kota, pimpinan and camat (a camat sees their kecamatan).
  if (actor.role === 'admin_kota' || actor.role === 'pimpinan' || actor.role === 'camat') links.push(['/admin/dasbor', t('dash.title')]);
  if (actor.role === 'admin_kota') {
    links.push(['/admin/pengguna', t('admin.nav.users')], ['/admin/wilayah', t('admin.nav.units')], ['/admin/audit', t('admin.nav.audit')]);
    links.push(['/admin/pemantauan/sanggahan', t('mon.disputes.title')], ['/admin/pengingat', t('rem.title')]);
    links.push(['/admin/pelayanan', t('pw.city.title')]);
  }
  // A camat answers complaints forwarded to the kecamatan (issue 17); their home lists kelurahan.
  if (actor.role === 'camat') links.push(['/admin/pengaduan', t('pw.complaints.title')]);
  links.push(['/admin/notifikasi', t('rem.inbox.title')], ['/admin/akun/pemberitahuan', t('rem.prefs.title')]);
  links.push(['/admin/akun/sandi', t('admin.nav.password')]);
  return (
    <nav class="staff-nav" aria-label="Menu petugas">
      <p class="who">
        {actor.displayName} · <span>{actor.username}</span>
      </p>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
