import { Hono } from 'hono';
import { fromWibLocal } from '../../../shared/wib-time.js';
import type { Context } from 'hono';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import { recordAudit } from '../../../modules/accounts/index.js';
import { type CityRule, addException, getRule, listExceptions, removeException, setRule } from '../../../modules/compliance/index.js';
import { getCitySetting, setCitySetting, unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { CsrfInput, ErrorSummary, Field } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { DashStyles } from '../../dashboard/components.js';
import { requireCityAdmin } from '../require-city-admin.js';

// Admin kota's settings for monitoring: the city's rule (issue 6 §2), the exceptions that pause
// it (holidays for the whole city, maintenance windows per unit) and whether the public
// transparency page is published. Times are typed and shown in WIB.

const PATH = '/admin/pemantauan/aturan';
export const TRANSPARENCY_SETTING = 'transparencyPage';
/** "2026-12-24T08:00" typed in WIB → ISO UTC. */
const wibToIso = (local: string): string | null =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? fromWibLocal(local)?.toISOString() ?? null : null;

export function monitoringCityRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pemantauan/aturan', requireCityAdmin(deps));
  app.use('/admin/pemantauan/aturan/*', requireCityAdmin(deps));

  /** `exc`: an exception form sent back with what was typed and the message at its field. */
  const render = async (c: Context<AppEnv>, problems: string[] = [], draft?: Partial<Record<keyof CityRule, string>>, exc?: { values: Record<string, string>; field: string; message: string }) => {
    const ev = (name: string) => exc?.values[name] ?? '';
    const ee = (name: string) => (exc?.field === name ? exc.message : null);
    const rule = await getRule(deps.db, c.get('region'));
    const now = deps.clock.now();
    const [exceptions, units, transparency] = await Promise.all([
      listExceptions(deps.db, c.get('region'), new Date(now.getTime() - 60 * 86_400_000).toISOString(), new Date(now.getTime() + 400 * 86_400_000).toISOString()),
      unitRepository.inRegion(deps.db, c.get('region')),
      getCitySetting(deps.db, c.get('region'), TRANSPARENCY_SETTING),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const v = (k: keyof CityRule) => draft?.[k] ?? String(rule[k]);
    const okKey = c.req.query('ok');
    const flash = okKey && hasKey(`mon.flash.${okKey}`) ? { kind: 'ok' as const, text: t(`mon.flash.${okKey}`) } : null;
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('mon.rule.title')} actor={c.get('actor')} csrfToken={csrf} flash={flash} back={{ href: '/admin/dasbor', label: t('dash.title') }}>
        <DashStyles />
        <h1>{t('mon.rule.title')}</h1>
        <ErrorSummary errors={problems} />
        <form method="post" action={PATH} class="card">
          <CsrfInput token={csrf} />
          <h2>{t('mon.rule.rule')}</h2>
          <div class="field">
            <label for="f-periodKind">{t('mon.rule.period')}</label>
            <select id="f-periodKind" name="periodKind">
              <option value="week" selected={v('periodKind') === 'week'}>{t('mon.rule.week')}</option>
              <option value="month" selected={v('periodKind') === 'month'}>{t('mon.rule.month')}</option>
            </select>
          </div>
          <Field name="minItems" label={t('mon.rule.min_items')} type="number" inputmode="numeric" value={v('minItems')} hint={t('mon.rule.min_items_hint')} />
          <Field name="minSocialAccounts" label={t('mon.rule.min_social')} type="number" inputmode="numeric" value={v('minSocialAccounts')} />
          <Field name="profileCompletenessMin" label={t('mon.rule.profile')} type="number" inputmode="numeric" value={v('profileCompletenessMin')} hint={t('mon.rule.profile_hint')} />
          <label class="check">
            <input type="checkbox" name="requireWebsite" value="1" checked={v('requireWebsite') === 'true'} /> {t('mon.rule.require_website')}
          </label>
          <div class="field">
            <label for="f-minConfidence">{t('mon.rule.confidence')}</label>
            <select id="f-minConfidence" name="minConfidence">
              <option value="medium" selected={v('minConfidence') === 'medium'}>{t('mon.rule.conf_medium')}</option>
              <option value="high" selected={v('minConfidence') === 'high'}>{t('mon.rule.conf_high')}</option>
            </select>
          </div>
          <button type="submit">{t('mon.rule.save')}</button>
        </form>

        <section class="card">
          <h2>{t('mon.exc.title')}</h2>
          <p>{t('mon.exc.intro')}</p>
          {exceptions.length === 0 ? <p>{t('mon.exc.none')}</p> : null}
          <ul class="timeline">
            {exceptions.map((x) => (
              <li>
                <span><strong>{x.kind === 'holiday' ? t('mon.exc.holiday') : t('mon.exc.maintenance', { unit: unitName.get(x.unitId ?? '') ?? '' })}</strong> · {x.reason}</span>
                <span>{formatDateTime(x.startsAt)} – {formatDateTime(x.endsAt)}</span>
                <form method="post" action={`${PATH}/pengecualian/hapus`} class="inline">
                  <CsrfInput token={csrf} />
                  <input type="hidden" name="id" value={x.id} />
                  <button type="submit" class="link-button danger-link">{t('mon.registry.remove')}</button>
                </form>
              </li>
            ))}
          </ul>
          <h3>{t('mon.exc.add_holiday')}</h3>
          <form method="post" action={`${PATH}/pengecualian`}>
            <CsrfInput token={csrf} />
            <input type="hidden" name="kind" value="holiday" />
            <Field name="from" label={t('mon.exc.from_day')} type="date" value={ev('from')} error={ee('from')} />
            <Field name="to" label={t('mon.exc.to_day')} type="date" value={ev('to')} error={ee('to')} />
            <Field name="reason" label={t('mon.exc.reason')} hint={t('mon.exc.reason_hint')} value={ev('reason')} error={ee('reason')} />
            <button type="submit" class="secondary">{t('mon.exc.add')}</button>
          </form>
          <h3>{t('mon.exc.add_maintenance')}</h3>
          <form method="post" action={`${PATH}/pengecualian`}>
            <CsrfInput token={csrf} />
            <input type="hidden" name="kind" value="maintenance" />
            <div class="field">
              <label for="f-unit">{t('reports.col.unit')}</label>
              <select id="f-unit" name="unitId">
                {units.filter((u) => ['kelurahan', 'desa', 'opd'].includes(u.kind)).map((u) => <option value={u.id}>{u.name}</option>)}
              </select>
            </div>
            <Field name="startsAt" label={t('mon.exc.starts')} type="datetime-local" value={ev('startsAt')} error={ee('startsAt')} />
            <Field name="endsAt" label={t('mon.exc.ends')} type="datetime-local" value={ev('endsAt')} error={ee('endsAt')} />
            <Field name="mreason" label={t('mon.exc.reason')} value={ev('mreason')} error={ee('mreason')} />
            <button type="submit" class="secondary">{t('mon.exc.add')}</button>
          </form>
        </section>

        <form method="post" action={`${PATH}/transparansi`} class="card">
          <CsrfInput token={csrf} />
          <h2>{t('mon.transparency.title')}</h2>
          <p>{t('mon.transparency.intro')}</p>
          <label class="check">
            <input type="checkbox" name="enabled" value="1" checked={transparency === true} /> {t('mon.transparency.enable')}
          </label>
          <button type="submit" class="secondary">{t('mon.rule.save')}</button>
          {transparency === true ? <p><a href="/transparansi">{t('mon.transparency.open')}</a></p> : null}
        </form>
      </StaffLayout>,
    );
  };

  app.get(PATH, (c) => render(c));

  app.post(PATH, async (c) => {
    const f = await c.req.parseBody();
    const draft = {
      periodKind: String(f.periodKind ?? 'week'),
      minItems: String(f.minItems ?? ''),
      minSocialAccounts: String(f.minSocialAccounts ?? ''),
      profileCompletenessMin: String(f.profileCompletenessMin ?? ''),
      requireWebsite: f.requireWebsite === '1' ? 'true' : 'false',
      minConfidence: String(f.minConfidence ?? 'medium'),
    };
    const r = await setRule(
      deps.db,
      c.get('region'),
      {
        periodKind: draft.periodKind as CityRule['periodKind'],
        minItems: Number(draft.minItems),
        minSocialAccounts: Number(draft.minSocialAccounts),
        profileCompletenessMin: Number(draft.profileCompletenessMin),
        requireWebsite: draft.requireWebsite === 'true',
        minConfidence: draft.minConfidence as CityRule['minConfidence'],
      },
      c.get('actor')!.id,
      deps.clock,
    );
    if (!r.ok) {
      c.status(400);
      return render(c, [t('mon.error.invalid_rule')], draft);
    }
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'monitoring.rule.save', target: PATH, detail: r.value as unknown as Record<string, unknown> });
    return c.redirect(`${PATH}?ok=rule_saved`, 303);
  });

  app.post(`${PATH}/pengecualian`, async (c) => {
    const f = await c.req.parseBody();
    const s = (k: string) => String(f[k] ?? '');
    const input =
      s('kind') === 'maintenance'
        ? { kind: 'maintenance' as const, unitId: s('unitId'), startsAt: wibToIso(s('startsAt')) ?? '', endsAt: wibToIso(s('endsAt')) ?? '', reason: s('mreason') }
        : { kind: 'holiday' as const, from: s('from'), to: s('to'), reason: s('reason') };
    const r = await addException(deps.db, c.get('region'), input, c.get('actor')!.id, deps.clock);
    if (!r.ok) {
      c.status(400);
      // Said next to the field (e.g. 30 Februari is not a day), with what was typed kept.
      const field = input.kind === 'maintenance' && r.detail === 'reason' ? 'mreason' : (r.detail ?? '');
      const message = t(hasKey(`mon.exc.error.${field}`) ? `mon.exc.error.${field}` : 'mon.error.exception');
      const values = Object.fromEntries(['from', 'to', 'reason', 'startsAt', 'endsAt', 'mreason'].map((k) => [k, s(k)]));
      return render(c, [message], undefined, { values, field, message });
    }
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'monitoring.exception.add', target: r.value.id });
    return c.redirect(`${PATH}?ok=exception_added`, 303);
  });

  app.post(`${PATH}/pengecualian/hapus`, async (c) => {
    const f = await c.req.parseBody();
    const r = await removeException(deps.db, c.get('region'), String(f.id ?? ''));
    return c.redirect(`${PATH}?ok=${r.ok ? 'exception_removed' : 'not_found'}`, 303);
  });

  app.post(`${PATH}/transparansi`, async (c) => {
    const f = await c.req.parseBody();
    await setCitySetting(deps.db, c.get('region'), TRANSPARENCY_SETTING, f.enabled === '1', deps.clock);
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'monitoring.transparency', target: String(f.enabled === '1') });
    return c.redirect(`${PATH}?ok=${f.enabled === '1' ? 'transparency_on' : 'transparency_off'}`, 303);
  });

  return app;
}
