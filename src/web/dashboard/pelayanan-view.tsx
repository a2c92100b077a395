import { Hono } from 'hono';
import { formatNumber, t } from '../../i18n/index.js';
import { type UnitPelayananStats, emptyStats, pelayananStats } from '../../modules/pelayanan/index.js';
import { unitRepository } from '../../modules/units/index.js';
import { wibDayStart, wibYear } from '../../shared/wib-time.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { StaffLayout } from '../views/staff-layout.js';
import { dashboardScope, requireDashboard } from './access.js';
import { DashNav, DashStyles } from './components.js';
import { formatDuration } from '../pelayanan/format.js';
import { assetUrl } from '../assets-route.js';

// The mayor's "Pelayanan" view (issue 17 point 4): per unit, how many requests came in this
// year, how long they took (median), what share kept its deadline, what is late now, and the
// complaints answered. Counts and times only — no citizen's name or number is on this page.

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function StatsCard(p: { title: string; s: UnitPelayananStats; href?: string }) {
  return (
    <li class="card pel-dash-unit">
      <h3>{p.title}</h3>
      <dl class="pel-kv-inline">
        <dt>{t('pw.dash.received')}</dt><dd>{formatNumber(p.s.received)}</dd>
        <dt>{t('pw.dash.done')}</dt><dd>{formatNumber(p.s.done)}</dd>
        <dt>{t('pw.dash.median')}</dt><dd>{formatDuration(p.s.medianMinutes)}</dd>
        <dt>{t('pw.dash.within')}</dt><dd>{percent(p.s.withinShare)}</dd>
        <dt>{t('pw.dash.overdue')}</dt><dd class={p.s.overdueNow > 0 ? 'bad' : undefined}>{formatNumber(p.s.overdueNow)}</dd>
        <dt>{t('pw.dash.complaints')}</dt><dd>{t('pw.dash.answered_of', { answered: formatNumber(p.s.complaintsAnswered), total: formatNumber(p.s.complaints) })}</dd>
        <dt>{t('pw.dash.response')}</dt><dd>{formatDuration(p.s.complaintMedianMinutes)}</dd>
      </dl>
    </li>
  );
}

export function pelayananDashboardRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/dasbor/pelayanan', requireDashboard(deps), async (c) => {
    const scope = dashboardScope(c.get('actor'))!;
    const now = deps.clock.now();
    const current = wibYear(now);
    const asked = Number(c.req.query('tahun'));
    const year = Number.isInteger(asked) && asked >= current - 5 && asked <= current ? asked : current;
    const units = (await unitRepository.inRegion(deps.db, c.get('region'))).filter((u) =>
      scope.all ? u.kind === 'kelurahan' || u.kind === 'desa' || u.kind === 'opd' : (u.kind === 'kelurahan' || u.kind === 'desa') && u.parent_id !== null && scope.kecamatanIds.includes(u.parent_id),
    );
    const stats = await pelayananStats(deps.db, {
      unitIds: scope.all ? null : units.map((u) => u.id),
      from: wibDayStart(`${year}-01-01`).toISOString(),
      to: wibDayStart(`${year + 1}-01-01`).toISOString(),
      now,
    });
    const kec = new Map((await unitRepository.inRegion(deps.db, c.get('region'))).filter((u) => u.kind === 'kecamatan').map((u) => [u.id, u.name]));
    const rows = units
      .map((u) => ({ u, s: stats.byUnit.get(u.id) ?? emptyStats() }))
      // What needs the mayor's attention first: late requests, then the busiest units.
      .sort((a, b) => b.s.overdueNow - a.s.overdueNow || b.s.received - a.s.received || a.u.name.localeCompare(b.u.name));
    return c.html(
      <StaffLayout title={t('pw.dash.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')}>
        <DashStyles />
        <link rel="stylesheet" href={assetUrl('pelayanan.css')} />
        <div class="dash-wide">
          <h1>{t('pw.dash.title')}</h1>
          <p class="lead">{t('pw.dash.intro', { year })}</p>
          <DashNav current="/admin/dasbor/pelayanan" query="" />
          <form method="get" action="/admin/dasbor/pelayanan" class="pel-inline">
            <label for="f-tahun">{t('pw.dash.year')}</label>
            <select id="f-tahun" name="tahun">
              {[0, 1, 2].map((d) => <option value={String(current - d)} selected={current - d === year}>{current - d}</option>)}
            </select>
            <button type="submit" class="secondary">{t('pw.dash.show')}</button>
          </form>
          <h2>{scope.all ? t('pw.dash.city') : t('pw.dash.kecamatan')}</h2>
          <ul class="pel-list"><StatsCard title={t('pw.dash.all_units', { n: units.length })} s={stats.total} /></ul>
          <h2>{t('pw.dash.per_unit')}</h2>
          <p class="muted">{t('pw.dash.order')}</p>
          <ul class="pel-list">
            {rows.map(({ u, s }) => <StatsCard title={`${u.name}${u.parent_id && kec.get(u.parent_id) ? ` · ${kec.get(u.parent_id)}` : ''}`} s={s} />)}
          </ul>
          <p class="muted">{t('pw.dash.privacy')}</p>
        </div>
      </StaffLayout>,
    );
  });
  return app;
}

