import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDay, hasKey, t } from '../../../i18n/index.js';
import {
  HOLIDAY_ERROR_FIELD,
  type Holiday,
  type HolidayError,
  addHolidays,
  canDecide,
  cityUnitOf,
  getCitySettings,
  getUnitSettings,
  holidayFormSchema,
  holidayRemoveFormSchema,
  listHolidays,
  recomputeDeadlines,
  removeHoliday,
  saveUnitSettings,
  unitSettingsSchema,
} from '../../../modules/pelayanan/index.js';
import type { FieldProblem } from '../../../shared/field-problems.js';
import { wibDay, wibMidday } from '../../../shared/wib-time.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { fieldErrors, parseForm } from '../../forms/parse-form.js';
import { CsrfInput, Field } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { inboxBase, pelayananGuard } from './guard.js';
import { PelayananStyles } from './inbox-views.js';

// A unit's pelayanan settings: how its letters are numbered and signed, its letterhead address,
// and the days its office is closed (which move every deadline). The head changes them; the
// operators see them.

const SETTINGS_FIELDS = ['formatNomor', 'singkatan', 'penandatanganNama', 'penandatanganJabatan', 'penandatanganNip', 'kopAlamat'] as const;
export const HOLIDAY_FIELDS = ['dari', 'sampai', 'alasan'] as const;

/** A settings field's problem: the number format's own rules, or a field that is too long. */
const settingsProblemText = (p: FieldProblem) =>
  t(p.code === 'no_number' ? 'pw.settings.error.no_number' : p.code === 'too_small' ? 'pw.settings.error.too_short' : 'pw.settings.error.invalid_input');

export function HolidayList(p: { holidays: Holiday[]; action: string; csrf: string; canEdit: boolean; showCity: boolean }) {
  return (
    <ul class="link-list">
      {p.holidays.length === 0 ? <li>{t('pw.holidays.none')}</li> : null}
      {p.holidays.map((h) => (
        <li class="pel-inline">
          <span>{formatDay(wibMidday(h.day))} · {h.reason}{h.cityWide && p.showCity ? ` (${t('pw.holidays.city')})` : ''}</span>
          {p.canEdit && (!h.cityWide || !p.showCity) ? (
            <form method="post" action={p.action}>
              <CsrfInput token={p.csrf} />
              <input type="hidden" name="id" value={h.id} />
              <button type="submit" class="small secondary">{t('pw.holidays.remove')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function HolidayForm(p: { action: string; csrf: string; error?: HolidayError | null; values: Record<string, string> }) {
  // The refusal is said next to the field it is about (the dates, or the description).
  const at = (field: string) => (p.error && HOLIDAY_ERROR_FIELD[p.error] === field ? t(`pw.holidays.error.${p.error}`) : null);
  return (
    <form method="post" action={p.action} class="card">
      <h3>{t('pw.holidays.add')}</h3>
      <CsrfInput token={p.csrf} />
      <Field name="dari" label={t('pw.holidays.from')} type="date" value={p.values.dari} error={at('dari')} />
      <Field name="sampai" label={t('pw.holidays.to')} type="date" value={p.values.sampai} hint={t('pw.holidays.to_hint')} error={at('sampai')} />
      <Field name="alasan" label={t('pw.holidays.reason')} value={p.values.alasan} error={at('alasan')} />
      <button type="submit" class="wide">{t('pw.holidays.add')}</button>
    </form>
  );
}

export function settingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const handle = pelayananGuard(deps, 'handle');
  const decide = pelayananGuard(deps, 'decide');
  const city = async (c: Context<AppEnv>) => (await cityUnitOf(deps.db, c.get('region')))!;

  const page = async (c: Context<AppEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; holidayError?: HolidayError | null; holidayValues?: Record<string, string>; status?: number } = {}) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const cityUnit = await city(c);
    const [settings, cityS, holidays] = await Promise.all([
      getUnitSettings(deps.db, unit.id),
      getCitySettings(deps.db, cityUnit.id),
      listHolidays(deps.db, { unitId: unit.id, cityUnitId: cityUnit.id, from: wibDay(deps.clock.now()) }),
    ]);
    const canEdit = canDecide(actor, unit);
    const v = extra.values ?? (settings as unknown as Record<string, string>);
    const e = extra.errors ?? {};
    const ok = c.req.query('ok');
    const base = inboxBase(c);
    return c.html(
      <StaffLayout title={t('pw.settings.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={ok && hasKey(`pw.flash.${ok}`) ? { kind: 'ok', text: t(`pw.flash.${ok}`) } : null} back={{ href: base, label: t('pw.inbox.title') }}>
        <PelayananStyles />
        <h1>{t('pw.settings.title')}</h1>
        {!canEdit ? <p class="muted">{t('pw.settings.head_only')}</p> : null}
        <form method="post" action={`${base}/pengaturan`} class="card">
          <h2>{t('pw.settings.letters')}</h2>
          <CsrfInput token={c.get('csrfToken')} />
          <Field name="formatNomor" label={t('pw.settings.format')} hint={t('pw.settings.format_hint')} value={v.formatNomor} error={e.formatNomor} />
          <Field name="singkatan" label={t('pw.settings.abbr')} hint={t('pw.settings.abbr_hint')} value={v.singkatan} error={e.singkatan} />
          <Field name="penandatanganNama" label={t('pw.settings.signer_name')} hint={t('pw.settings.signer_name_hint')} value={v.penandatanganNama} error={e.penandatanganNama} />
          <Field name="penandatanganJabatan" label={t('pw.settings.signer_title')} hint={t('pw.settings.signer_title_hint')} value={v.penandatanganJabatan} error={e.penandatanganJabatan} />
          <Field name="penandatanganNip" label={t('pw.settings.signer_nip')} value={v.penandatanganNip} inputmode="numeric" error={e.penandatanganNip} />
          <Field name="kopAlamat" label={t('pw.settings.kop')} hint={t('pw.settings.kop_hint')} value={v.kopAlamat} error={e.kopAlamat} />
          {canEdit ? <button type="submit" class="wide">{t('pw.settings.save')}</button> : null}
        </form>
        <section>
          <h2>{t('pw.holidays.title')}</h2>
          <p class="muted">{t('pw.holidays.intro')}</p>
          <HolidayList holidays={holidays} action={`${base}/libur/hapus`} csrf={c.get('csrfToken')} canEdit={canEdit} showCity />
          {canEdit ? <HolidayForm action={`${base}/libur`} csrf={c.get('csrfToken')} error={extra.holidayError} values={extra.holidayValues ?? {}} /> : null}
        </section>
        <p class="muted">{t('pw.settings.retention', { days: cityS.retensiHari })}</p>
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get('/admin/unit/:slug/pelayanan/pengaturan', handle, (c) => page(c));

  app.post('/admin/unit/:slug/pelayanan/pengaturan', decide, async (c) => {
    const form = await parseForm(c, unitSettingsSchema, SETTINGS_FIELDS);
    if (!form.ok) return page(c, { values: form.values, errors: fieldErrors(form.problems, settingsProblemText), status: 422 });
    const r = await saveUnitSettings(deps.db, deps.clock, c.get('unit').id, form.data);
    if (!r.ok) return page(c, { values: form.values, errors: { formatNomor: t(`pw.settings.error.${r.error}`) }, status: 422 });
    return c.redirect(`${inboxBase(c)}/pengaturan?ok=settings_saved`, 303);
  });

  app.post('/admin/unit/:slug/pelayanan/libur', decide, async (c) => {
    const unit = c.get('unit');
    const { values } = await parseForm(c, holidayFormSchema, HOLIDAY_FIELDS);
    const r = await addHolidays(deps.db, deps.clock, { unitId: unit.id, from: values.dari!, to: values.sampai, reason: values.alasan! });
    if (!r.ok) return page(c, { holidayError: r.error, holidayValues: values, status: 422 });
    await recomputeDeadlines(deps.db, { unitIds: [unit.id], cityUnitId: (await city(c)).id });
    return c.redirect(`${inboxBase(c)}/pengaturan?ok=holiday_added`, 303);
  });

  app.post('/admin/unit/:slug/pelayanan/libur/hapus', decide, async (c) => {
    const unit = c.get('unit');
    const form = await parseForm(c, holidayRemoveFormSchema, ['id']);
    if (form.ok) await removeHoliday(deps.db, { unitId: unit.id, id: form.data.id });
    await recomputeDeadlines(deps.db, { unitIds: [unit.id], cityUnitId: (await city(c)).id });
    return c.redirect(`${inboxBase(c)}/pengaturan?ok=holiday_removed`, 303);
  });

  return app;
}
