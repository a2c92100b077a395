import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import path from 'node:path';
import { formatDateTime, hasKey, t } from '../../i18n/index.js';
import { chartWords } from '../../i18n/chart-words.js';
import { countDemoAccounts, recordAudit } from '../../modules/accounts/index.js';
import { getRule, listDisputes, listStoredRapor, readStoredRapor } from '../../modules/compliance/index.js';
import { type RowFilter, type UnitRow, attentionList, raporPdf, raporXlsx, renderDashboardCharts } from '../../modules/reports/index.js';
import { findUnitBySlug } from '../../modules/units/index.js';
import { requestRecheckAsStaff } from '../../modules/monitoring/index.js';
import { sendWithin } from '../admin/home/recheck-routes.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden, renderNotFound } from '../errors.js';
import { StaffLayout } from '../views/staff-layout.js';
import { AttentionBlock } from './attention-view.js';
import { canActOnDashboard, dashboardScope, requireDashboard } from './access.js';
import { MapView, RankingView, TrendView } from './analysis-views.js';
import { DashNav, DashStyles, LastChecked, PeriodPicker, type VerdictKey, query } from './components.js';
import { type LoadedDashboard, loadDashboard, periodParam } from './load.js';
import { FilterForm, StatusGrid, SummaryBlock } from './status-view.js';
import { UnitView, loadUnitEvidence } from './unit-view.js';

// The pimpinan dashboard (issue 7): status grid, ranking, trend, map, drill-down and exports.
// Every page is a plain GET with its filters in the query string, so a link can be shared in
// the meeting's WhatsApp group and opens the same view for everyone allowed to see it.

export const raporDir = (deps: AppDeps) => path.join(deps.config.dataDir, 'rapor');

export function dashboardRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/dasbor', requireDashboard(deps));
  app.use('/admin/dasbor/*', requireDashboard(deps));

  const load = async (c: Context<AppEnv>) => {
    const scope = dashboardScope(c.get('actor'))!;
    return loadDashboard(deps, c.get('region'), scope, periodParam(c.req.query('periode')));
  };
  const linkFor = (l: LoadedDashboard, periodKey: string) => (r: UnitRow) => `/admin/dasbor/unit/${l.ctx.slugs.get(r.id)}?periode=${periodKey}`;

  const page = (c: Context<AppEnv>, l: LoadedDashboard, current: string, title: string, body: Child, warning?: string, top?: Child) => {
    const periodKey = l.ctx.period.key;
    const flashKey = c.req.query('ok');
    const flash = warning
      ? { kind: 'error' as const, text: warning }
      : flashKey && hasKey(`dash.flash.${flashKey}`) ? { kind: 'ok' as const, text: t(`dash.flash.${flashKey}`) } : null;
    return c.html(
      <StaffLayout title={title} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flash}>
        <DashStyles />
        <div class="dash-wide">
          <h1>{title}</h1>
          <p class="lead">
            {l.data.regionName} · {t('dash.period_label', { period: l.data.periodLabel })}
          </p>
          {top}
          <LastChecked at={l.data.lastCheckedAt} />
          {c.get('actor')?.role === 'pimpinan' ? <p class="muted">{t('dash.read_only')}</p> : null}
          <DashNav current={current} query={query({ periode: periodKey })} />
          <PeriodPicker action={current} selected={periodKey} choices={l.choices} />
          {body}
        </div>
      </StaffLayout>,
    );
  };

  app.get('/admin/dasbor', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    const actor = c.get('actor')!;
    const platform = c.req.query('platform');
    const filter: RowFilter = {
      failingOnly: c.req.query('gagal') === '1',
      kecamatanId: c.req.query('kecamatan') || undefined,
      platform: platform && /^[a-z]{1,20}$/.test(platform) ? platform : undefined,
    };
    const periodKey = l.ctx.period.key;
    const o = {
      filter,
      linkFor: linkFor(l, periodKey),
      exempt: (r: UnitRow) => l.ctx.current.get(r.id)?.status === 'EXEMPT',
      kecamatan: l.ctx.kecamatan,
      periodKey,
      isCurrentPeriod: l.choices[0]?.key === periodKey,
    };
    const openDisputes = canActOnDashboard(actor) ? (await listDisputes(deps.db, { status: 'open' })).length : 0;
    // Demo off with demo accounts left: admin kota is told on landing until they are removed.
    const leftover = !deps.config.demo && actor.role === 'admin_kota' ? await countDemoAccounts(deps.db) : 0;
    const failing = l.data.rows.filter((r) => r.verdict !== 'PASS').length;
    return page(
      c,
      l,
      '/admin/dasbor',
      t('dash.title'),
      <>
        {canActOnDashboard(actor) ? (
          <div class="card admin-actions">
            <p>
              {openDisputes > 0 ? <a href="/admin/pemantauan/sanggahan">{t('dash.admin.disputes', { count: openDisputes })}</a> : t('dash.admin.no_disputes')}
            </p>
            <p>
              <a href="/admin/pemantauan/periksa">{t('mon.checkall.title')}</a> · <a href="/admin/pemantauan/aturan">{t('dash.admin.rule')}</a> · <a href="/admin/pengingat">{t('dash.admin.reminders')}</a>
            </p>
          </div>
        ) : null}
        <SummaryBlock data={l.data} kecLink={(id) => `/admin/dasbor${query({ periode: periodKey, kecamatan: id ?? undefined })}#status`} />
        <FilterForm o={o} failingCount={failing} />
        <StatusGrid data={l.data} o={o} />
      </>,
      leftover ? t('demo.leftover', { count: leftover }) : undefined,
      <AttentionBlock
        items={attentionList(l.data)}
        uncertain={l.data.rows.filter((r) => r.verdict === 'UNKNOWN').length}
        linkFor={o.linkFor}
        allHref={`/admin/dasbor${query({ periode: periodKey, gagal: '1' })}#status`}
      />,
    );
  });

  app.get('/admin/dasbor/peringkat', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    return page(c, l, '/admin/dasbor/peringkat', t('dash.tab.ranking'), <RankingView data={l.data} linkFor={linkFor(l, l.ctx.period.key)} />);
  });

  app.get('/admin/dasbor/tren', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    const charts = renderDashboardCharts(l.data, chartWords());
    return page(c, l, '/admin/dasbor/tren', t('dash.tab.trend'), <TrendView data={l.data} charts={charts} />);
  });

  app.get('/admin/dasbor/peta', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    const charts = renderDashboardCharts(l.data, chartWords(), { linkFor: linkFor(l, l.ctx.period.key) });
    return page(c, l, '/admin/dasbor/peta', t('dash.tab.map'), <MapView data={l.data} charts={charts} linkFor={linkFor(l, l.ctx.period.key)} />);
  });

  app.get('/admin/dasbor/unduh', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    const q = query({ periode: l.ctx.period.key });
    const scope = dashboardScope(c.get('actor'))!;
    const stored = scope.all ? await listStoredRapor(raporDir(deps), c.get('region')) : [];
    return page(
      c,
      l,
      '/admin/dasbor/unduh',
      t('dash.tab.export'),
      <>
        <section class="card">
          <h2>{t('dash.export.now')}</h2>
          <p>{t('dash.export.intro', { period: l.data.periodLabel })}</p>
          <p class="actions">
            <a class="button" href={`/admin/dasbor/rapor.pdf${q}`}>{t('dash.export.pdf')}</a>{' '}
            <a class="button secondary" href={`/admin/dasbor/rapor.xlsx${q}`}>{t('dash.export.xlsx')}</a>
          </p>
        </section>
        {scope.all ? (
          <section class="card">
            <h2>{t('dash.export.archive')}</h2>
            <p class="muted">{t('dash.export.archive_intro')}</p>
            {stored.length === 0 ? (
              <p>{t('dash.export.archive_empty')}</p>
            ) : (
              <ul class="plain">
                {stored.map((s) => (
                  <li>
                    <a href={`/admin/dasbor/arsip?berkas=${encodeURIComponent(s.name)}`}>{s.name}</a>{' '}
                    <span class="muted">({Math.ceil(s.bytes / 1024)} KB, {formatDateTime(s.createdAt)})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </>,
    );
  });

  const download = (body: Buffer, type: string, name: string) =>
    new Response(new Uint8Array(body), {
      headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
    });

  app.get('/admin/dasbor/rapor.pdf', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    return download(await raporPdf(l.data), 'application/pdf', `rapor-${c.get('region')}-${l.ctx.period.key}.pdf`);
  });

  app.get('/admin/dasbor/rapor.xlsx', async (c) => {
    const l = await load(c);
    if (!l) return renderNotFound(c);
    return download(
      await raporXlsx(l.data),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `rapor-${c.get('region')}-${l.ctx.period.key}.xlsx`,
    );
  });

  // Stored rapor cover the whole city, so a camat (scoped to a kecamatan) does not get them.
  app.get('/admin/dasbor/arsip', async (c) => {
    const scope = dashboardScope(c.get('actor'))!;
    if (!scope.all) return renderForbidden(c);
    const name = c.req.query('berkas') ?? '';
    const body = await readStoredRapor(raporDir(deps), c.get('region'), name);
    if (!body) return c.redirect('/admin/dasbor/unduh', 303);
    return download(body, name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name);
  });

  const unitInScope = async (c: Context<AppEnv>) => {
    const unit = await findUnitBySlug(deps.db, c.get('region'), c.req.param('slug') ?? '');
    if (!unit || !['kelurahan', 'desa', 'opd'].includes(unit.kind)) return { unit: null, allowed: false };
    const scope = dashboardScope(c.get('actor'))!;
    const allowed = scope.all || (unit.parent_id !== null && scope.kecamatanIds.includes(unit.parent_id));
    return { unit, allowed };
  };

  app.get('/admin/dasbor/unit/:slug', async (c) => {
    const { unit, allowed } = await unitInScope(c);
    if (!unit) return renderNotFound(c);
    const actor = c.get('actor')!;
    if (!allowed) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit.id, target: c.req.path });
      return renderForbidden(c);
    }
    const l = await load(c);
    const row = l?.data.rows.find((r) => r.id === unit.id);
    if (!l || !row) return renderNotFound(c);
    const input = l.ctx.input.units.find((u) => u.id === unit.id)!;
    const byKey = new Map(input.history.map((h) => [h.periodKey, h.verdict]));
    const history = l.ctx.input.periods.map((p) => {
      const stored = p.key === l.ctx.period.key ? l.ctx.current.get(unit.id)?.status : undefined;
      const verdict: VerdictKey = stored === 'EXEMPT' ? 'EXEMPT' : (byKey.get(p.key) ?? 'NONE');
      return { key: p.key, start: p.start, verdict };
    });
    const evidence = await loadUnitEvidence(deps.db, unit.id, deps.clock.now(), (await getRule(deps.db, c.get('region'))).profileCompletenessMin);
    const flashKey = c.req.query('ok');
    const flash = flashKey && hasKey(`dash.flash.${flashKey}`) ? { kind: 'ok' as const, text: t(`dash.flash.${flashKey}`) } : null;
    return c.html(
      <StaffLayout
        title={unit.name}
        actor={actor}
        csrfToken={c.get('csrfToken')}
        flash={flash}
        back={{ href: `/admin/dasbor${query({ periode: l.ctx.period.key })}`, label: t('dash.title') }}
      >
        <DashStyles />
        <div class="dash-wide">
          <h1>{unit.name}</h1>
          <p class="lead">{t('dash.period_label', { period: l.data.periodLabel })}</p>
          <LastChecked at={row.lastCheckedAt} />
          <UnitView
            row={row}
            verdict={l.ctx.current.get(unit.id)}
            evidence={evidence}
            history={history}
            canAct={canActOnDashboard(actor)}
            profileMin={(await getRule(deps.db, c.get('region'))).profileCompletenessMin}
            socialMin={(await getRule(deps.db, c.get('region'))).minSocialAccounts}
            csrf={c.get('csrfToken')}
            slug={unit.slug}
          />
        </div>
      </StaffLayout>,
    );
  });

  // Admin kota asks for a fresh check of one unit: the worker crawls (never the web process),
  // then re-evaluates the unit's current period.
  app.post('/admin/dasbor/unit/:slug/periksa', async (c) => {
    const actor = c.get('actor')!;
    const { unit } = await unitInScope(c);
    if (!canActOnDashboard(actor)) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit?.id, target: c.req.path });
      return renderForbidden(c);
    }
    if (!unit) return renderNotFound(c);
    if (!deps.jobs) return c.redirect(`/admin/dasbor/unit/${unit.slug}?ok=recheck_no_worker`, 303);
    // The queued check and its audit entry are one transaction (see requestRecheckAsStaff).
    const r = await requestRecheckAsStaff({ ...deps, send: sendWithin(deps.jobs) }, { actor, unit, region: c.get('region'), oncePerWindow: false });
    if (!r.ok) return renderForbidden(c);
    return c.redirect(`/admin/dasbor/unit/${unit.slug}?ok=recheck_queued`, 303);
  });

  return app;
}
