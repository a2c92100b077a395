import { Hono, type MiddlewareHandler } from 'hono';
import { t } from '../../i18n/index.js';
import { activeStaffByRegion, hasWideScope, inScope, recordAudit, scopeKind } from '../../modules/accounts/index.js';
import { getRule, periodContaining, previousPeriod, verdictsByRegion } from '../../modules/compliance/index.js';
import { type RegencyFigures, allProvinces, findRegency, regencyChoiceSchema, regencyFigures } from '../../modules/units/index.js';
import type { AppEnv } from '../context.js';
import { setRegionCookie } from '../cookies.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden } from '../errors.js';
import { parseForm } from '../forms/parse-form.js';
import { CsrfInput } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';

// "Wilayah kerja" (decision 0017): a province or national admin (or pimpinan) sees the regencies
// of their scope with their figures (units, staff, last period's verdicts), and picks the one the city-wide screens serve. A national
// scope first sees the provinces (38 rows, not 514). Figures come from three aggregate queries.

const PATH = '/admin/cakupan';

const requireWideScope = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor');
  if (!hasWideScope(actor)) {
    if (actor) await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', target: c.req.path });
    return renderForbidden(c);
  }
  return next();
};

const figuresLine = (f: Pick<RegencyFigures, 'kecamatan' | 'villages' | 'opd'> & { staff: number }) => t('scope.figures', { kec: f.kecamatan, villages: f.villages, opd: f.opd, staff: f.staff });

export function scopeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(PATH, requireWideScope(deps));

  app.get(PATH, async (c) => {
    const actor = c.get('actor')!;
    const province = c.req.query('provinsi');
    // The last whole period of the served regency's rule: the same for every row, so rows compare.
    const period = previousPeriod(periodContaining((await getRule(deps.db, c.get('region'))).periodKind, deps.clock.now()));
    const [units, staff, verdicts] = await Promise.all([
      regencyFigures(deps.db, actor.regionCode),
      activeStaffByRegion(deps.db, actor.regionCode),
      verdictsByRegion(deps.db, actor.regionCode, period.key),
    ]);
    const all = units.map((f) => ({ ...f, staff: staff.get(f.code) ?? 0, pass: verdicts.get(f.code)?.pass ?? 0, fail: verdicts.get(f.code)?.fail ?? 0 }));
    type Row = (typeof all)[number];
    const current = all.find((f) => f.code === c.get('region'));
    const byProvince = scopeKind(actor.regionCode) === 'national' && !(province && /^\d{2}$/.test(province));
    const shown = province ? all.filter((f) => f.code.startsWith(`${province}.`)) : all;
    const provinces = allProvinces()
      .map((p) => ({ ...p, list: all.filter((f) => f.code.startsWith(`${p.code}.`)) }))
      .filter((p) => p.list.length > 0);
    const sum = (list: Row[], k: 'kecamatan' | 'villages' | 'opd' | 'staff' | 'pass' | 'fail') => list.reduce((n, f) => n + f[k], 0);
    return c.html(
      <StaffLayout title={t('scope.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('scope.title')}</h1>
        <p>{t('scope.current', { name: current?.name ?? c.get('region'), code: c.get('region') })}</p>
        <p class="muted">{t('scope.intro')}</p>
        <p class="muted">{t('scope.period', { period: period.key })}</p>
        {all.length === 0 ? <p>{t('scope.none')}</p> : null}
        {byProvince ? (
          <ul class="unit-list">
            {provinces.map((p) => (
              <li>
                <a class="unit-row" href={`${PATH}?provinsi=${p.code}`}>
                  <span class="name">{t('scope.province', { name: p.name, n: p.list.length })}</span>
                </a>
                <span class="meta">{figuresLine({ kecamatan: sum(p.list, 'kecamatan'), villages: sum(p.list, 'villages'), opd: sum(p.list, 'opd'), staff: sum(p.list, 'staff') })}</span>
                <span class="meta">{t('scope.verdicts', { pass: sum(p.list, 'pass'), fail: sum(p.list, 'fail') })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <ul class="unit-list">
            {shown.map((f) => (
              <li>
                <span class="name">{f.name}</span>
                <span class="meta">{f.code} · {figuresLine(f)}</span>
                <span class="meta">{t('scope.verdicts', { pass: f.pass, fail: f.fail })}</span>
                <form method="post" action={PATH} class="actions">
                  <CsrfInput token={c.get('csrfToken')} />
                  <input type="hidden" name="kode" value={f.code} />
                  <button type="submit" class={f.code === c.get('region') ? 'secondary' : undefined}>
                    {f.code === c.get('region') ? t('scope.reopen') : t('scope.open')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </StaffLayout>,
    );
  });

  app.post(PATH, async (c) => {
    const actor = c.get('actor')!;
    const form = await parseForm(c, regencyChoiceSchema, ['kode']);
    const code = form.ok ? form.data.kode : form.values.kode!;
    if (!form.ok || scopeKind(code) !== 'regency' || !findRegency(code) || !inScope(actor.regionCode, code)) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', target: PATH, detail: { kode: code.slice(0, 20) } });
      return renderForbidden(c);
    }
    setRegionCookie(c, code, deps.config.secureCookies);
    return c.redirect('/admin', 303);
  });

  return app;
}
