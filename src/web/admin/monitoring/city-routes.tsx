import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import {
  TRANSPARENCY_SETTING,
  addExceptionAsAdmin,
  exceptionFormSchema,
  exceptionIdFormSchema,
  getRule,
  listExceptions,
  removeExceptionAsAdmin,
  ruleFormSchema,
  saveRuleAsAdmin,
  setTransparencyAsAdmin,
  transparencyFormSchema,
} from '../../../modules/compliance/index.js';
import { getCitySetting, unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { fieldErrors, parseForm, type FormValues } from '../../forms/parse-form.js';
import { CsrfInput, ErrorSummary, Field } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { DashStyles } from '../../dashboard/components.js';
import { requireCityAdmin } from '../require-city-admin.js';

// Admin kota's settings for monitoring: the city's rule (issue 6 §2), the exceptions that pause
// it (holidays for the whole city, maintenance windows per unit) and whether the public
// transparency page is published. Times are typed and shown in WIB. Each change is a compliance
// use case that refuses anyone but admin kota itself and audits in its own transaction; the
// forms are read with the module's schemas.

const PATH = '/admin/pemantauan/aturan';
const RULE_FIELDS = ['periodKind', 'minItems', 'minSocialAccounts', 'profileCompletenessMin', 'requireWebsite', 'minConfidence'] as const;
const EXCEPTION_FIELDS = ['kind', 'unitId', 'from', 'to', 'reason', 'startsAt', 'endsAt', 'mreason'] as const;

/** A form sent back: what was typed, and a sentence next to each field that is wrong. */
interface Sent {
  values: FormValues;
  errors: Record<string, string>;
}

export function monitoringCityRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pemantauan/aturan', requireCityAdmin(deps));
  app.use('/admin/pemantauan/aturan/*', requireCityAdmin(deps));

  /** `ruleForm` / `exc`: the rule or an exception form sent back with what was typed. */
  const render = async (c: Context<AppEnv>, problems: string[] = [], ruleForm?: Sent, exc?: Sent) => {
    const ev = (name: string) => exc?.values[name] ?? '';
    const ee = (name: string) => exc?.errors[name] ?? null;
    const re = (name: string) => ruleForm?.errors[name] ?? null;
    const rule = await getRule(deps.db, c.get('region'));
    const now = deps.clock.now();
    const [exceptions, units, transparency] = await Promise.all([
      listExceptions(deps.db, c.get('region'), new Date(now.getTime() - 60 * 86_400_000).toISOString(), new Date(now.getTime() + 400 * 86_400_000).toISOString()),
      unitRepository.inRegion(deps.db, c.get('region')),
      getCitySetting(deps.db, c.get('region'), TRANSPARENCY_SETTING),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const v = (k: (typeof RULE_FIELDS)[number]) => ruleForm?.values[k] ?? String(rule[k]);
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
          <Field name="minItems" label={t('mon.rule.min_items')} type="number" inputmode="numeric" value={v('minItems')} error={re('minItems')} hint={t('mon.rule.min_items_hint')} />
          <Field name="minSocialAccounts" label={t('mon.rule.min_social')} type="number" inputmode="numeric" value={v('minSocialAccounts')} error={re('minSocialAccounts')} />
          <Field name="profileCompletenessMin" label={t('mon.rule.profile')} type="number" inputmode="numeric" value={v('profileCompletenessMin')} error={re('profileCompletenessMin')} hint={t('mon.rule.profile_hint')} />
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
                {units.filter((u) => ['kelurahan', 'desa', 'opd'].includes(u.kind)).map((u) => <option value={u.id} selected={ev('unitId') === u.id}>{u.name}</option>)}
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

  const who = (c: Context<AppEnv>) => ({ actor: c.get('actor')!, region: c.get('region') });

  app.post(PATH, async (c) => {
    const form = await parseForm(c, ruleFormSchema, RULE_FIELDS);
    // What was typed goes back into the form; the box is shown as it was posted.
    const draft = { ...form.values, requireWebsite: String(form.values.requireWebsite === '1') };
    const refuse = (errors: Record<string, string>) => {
      c.status(400);
      return render(c, [t('mon.error.invalid_rule')], { values: draft, errors });
    };
    if (!form.ok) return refuse(fieldErrors(form.problems, (p) => t(hasKey(`mon.rule.error.${p.path}`) ? `mon.rule.error.${p.path}` : 'mon.error.invalid_rule')));
    const r = await saveRuleAsAdmin(deps, { ...who(c), rule: form.data });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : refuse({});
    return c.redirect(`${PATH}?ok=rule_saved`, 303);
  });

  app.post(`${PATH}/pengecualian`, async (c) => {
    // The maintenance form names its reason `mreason` (two reason fields on one page).
    const form = await parseForm(c, exceptionFormSchema, EXCEPTION_FIELDS, (v) => (v.kind === 'maintenance' ? { ...v, reason: v.mreason } : v));
    const maintenance = form.values.kind === 'maintenance';
    const fieldOf = (path: string) => (maintenance && path === 'reason' ? 'mreason' : path);
    // Said next to the field (e.g. 30 Februari is not a day), with what was typed kept.
    const refuse = (fields: string[]) => {
      c.status(400);
      const errors = Object.fromEntries(fields.map((f) => [f, t(hasKey(`mon.exc.error.${f}`) ? `mon.exc.error.${f}` : 'mon.error.exception')]));
      return render(c, [Object.values(errors)[0] ?? t('mon.error.exception')], undefined, { values: form.values, errors });
    };
    if (!form.ok) return refuse([...new Set(form.problems.map((p) => fieldOf(p.path.split('.')[0]!)))]);
    const r = await addExceptionAsAdmin(deps, { ...who(c), input: form.data });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : refuse([fieldOf(r.detail ?? '')]);
    return c.redirect(`${PATH}?ok=exception_added`, 303);
  });

  app.post(`${PATH}/pengecualian/hapus`, async (c) => {
    const form = await parseForm(c, exceptionIdFormSchema, ['id']);
    const r = form.ok ? await removeExceptionAsAdmin(deps, { ...who(c), id: form.data.id }) : null;
    if (r && !r.ok && r.error === 'forbidden') return renderForbidden(c);
    return c.redirect(`${PATH}?ok=${r?.ok ? 'exception_removed' : 'not_found'}`, 303);
  });

  app.post(`${PATH}/transparansi`, async (c) => {
    const form = await parseForm(c, transparencyFormSchema, ['enabled']);
    const r = await setTransparencyAsAdmin(deps, { ...who(c), enabled: form.ok && form.data.enabled });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : c.redirect(`${PATH}?ok=not_found`, 303);
    return c.redirect(`${PATH}?ok=${r.value ? 'transparency_on' : 'transparency_off'}`, 303);
  });

  return app;
}
