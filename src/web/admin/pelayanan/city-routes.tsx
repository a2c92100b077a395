import { Hono } from 'hono';
import type { Context } from 'hono';
import { hasKey, t } from '../../../i18n/index.js';
import {
  FORM_DEFAULTS,
  type HolidayError,
  addHolidays,
  citySettingsFormSchema,
  cityUnitOf,
  getCitySettings,
  holidayFormSchema,
  holidayRemoveFormSchema,
  listHolidays,
  recomputeDeadlines,
  removeHoliday,
  renderLetterPdf,
  resolveTemplate,
  saveCitySettings,
  saveTemplate,
} from '../../../modules/pelayanan/index.js';
import { type UnitRow, unitRepository } from '../../../modules/units/index.js';
import { ensureServiceCatalogue, listUnitServices } from '../../../modules/services/index.js';
import { wibDay } from '../../../shared/wib-time.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { parseForm } from '../../forms/parse-form.js';
import { renderNotFound } from '../../errors.js';
import { CsrfInput, Field } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { requireCityAdmin } from '../require-city-admin.js';
import { PelayananStyles } from './inbox-views.js';
import { HOLIDAY_FIELDS, HolidayForm, HolidayList } from './settings-routes.js';
import { LetterPreview, TemplateEditor, readTemplateForm } from './template-editor.js';
import { placeholdersFor, sampleLetter, validateTemplate } from './template-support.js';

// Admin kota's pelayanan settings: the city's letter template per layanan (every kelurahan uses
// it unless it writes its own), the city's holidays (national holidays, cuti bersama), and how
// long citizens' documents are kept after a request closes.

const BASE = '/admin/pelayanan';

export function cityRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(BASE, requireCityAdmin(deps));
  app.use(`${BASE}/*`, requireCityAdmin(deps));
  const city = async (c: Context<AppEnv>) => (await cityUnitOf(deps.db, c.get('region')))!;
  /** The city's catalogue as it stands (the city unit has no adjustments of its own). */
  const catalogue = async (c: Context<AppEnv>) => {
    await ensureServiceCatalogue(deps.db, deps.clock);
    return listUnitServices(deps.db, (await city(c)).id);
  };
  /** The city's example letter is drawn for the first kelurahan of the city (a real letterhead shape). */
  const sampleUnit = async (c: Context<AppEnv>): Promise<UnitRow | undefined> =>
    (await unitRepository.inRegion(deps.db, c.get('region'))).filter((u) => u.kind === 'kelurahan' || u.kind === 'desa').sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))[0];

  const hub = async (c: Context<AppEnv>, extra: { holidayError?: HolidayError | null; holidayValues?: Record<string, string>; retention?: string; status?: number } = {}) => {
    const cityUnit = await city(c);
    const [settings, holidays, services] = await Promise.all([
      getCitySettings(deps.db, cityUnit.id),
      listHolidays(deps.db, { unitId: cityUnit.id, cityUnitId: cityUnit.id, from: wibDay(deps.clock.now()) }),
      catalogue(c),
    ]);
    const ok = c.req.query('ok');
    return c.html(
      <StaffLayout title={t('pw.city.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={ok && hasKey(`pw.flash.${ok}`) ? { kind: 'ok', text: t(`pw.flash.${ok}`) } : null} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <PelayananStyles />
        <h1>{t('pw.city.title')}</h1>
        <p><a class="button secondary" href="/admin/dasbor/pelayanan">{t('pw.city.dashboard')}</a></p>
        <section>
          <h2>{t('pw.city.templates')}</h2>
          <p class="muted">{t('pw.city.templates_intro')}</p>
          <ul class="pel-list">
            {services.filter((s) => FORM_DEFAULTS[s.code]?.letter !== false).map((s) => (
              <li><a class="row" href={`${BASE}/templat/${s.code}`}><span class="name">{s.name}</span></a></li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('pw.holidays.title_city')}</h2>
          <p class="muted">{t('pw.holidays.intro_city')}</p>
          <HolidayList holidays={holidays} action={`${BASE}/libur/hapus`} csrf={c.get('csrfToken')} canEdit showCity={false} />
          <HolidayForm action={`${BASE}/libur`} csrf={c.get('csrfToken')} error={extra.holidayError} values={extra.holidayValues ?? {}} />
        </section>
        <form method="post" action={`${BASE}/pengaturan`} class="card">
          <h2>{t('pw.city.retention')}</h2>
          <CsrfInput token={c.get('csrfToken')} />
          <Field name="retensiHari" label={t('pw.city.retention_days')} hint={t('pw.city.retention_hint')} value={extra.retention ?? String(settings.retensiHari)} inputmode="numeric" error={extra.retention !== undefined ? t('pw.city.retention_error') : null} />
          <button type="submit" class="wide">{t('pw.settings.save')}</button>
        </form>
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get(BASE, (c) => hub(c));

  app.post(`${BASE}/pengaturan`, async (c) => {
    // A failed form shows the number as typed, with the problem next to it.
    const form = await parseForm(c, citySettingsFormSchema, ['retensiHari']);
    const r = form.ok ? await saveCitySettings(deps.db, deps.clock, (await city(c)).id, form.data) : null;
    if (!r?.ok) return hub(c, { retention: form.values.retensiHari ?? '', status: 422 });
    return c.redirect(`${BASE}?ok=settings_saved`, 303);
  });

  app.post(`${BASE}/libur`, async (c) => {
    const { values } = await parseForm(c, holidayFormSchema, HOLIDAY_FIELDS);
    const cityUnit = await city(c);
    const r = await addHolidays(deps.db, deps.clock, { unitId: cityUnit.id, from: values.dari!, to: values.sampai, reason: values.alasan! });
    if (!r.ok) return hub(c, { holidayError: r.error, holidayValues: values, status: 422 });
    await recomputeDeadlines(deps.db, { unitIds: 'all', cityUnitId: cityUnit.id });
    return c.redirect(`${BASE}?ok=holiday_added`, 303);
  });

  app.post(`${BASE}/libur/hapus`, async (c) => {
    const form = await parseForm(c, holidayRemoveFormSchema, ['id']);
    const cityUnit = await city(c);
    if (form.ok) await removeHoliday(deps.db, { unitId: cityUnit.id, id: form.data.id });
    await recomputeDeadlines(deps.db, { unitIds: 'all', cityUnitId: cityUnit.id });
    return c.redirect(`${BASE}?ok=holiday_removed`, 303);
  });

  const templatePage = async (c: Context<AppEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; preview?: boolean; status?: number } = {}) => {
    const code = c.req.param('code')!;
    const service = (await catalogue(c)).find((s) => s.code === code);
    if (!service || FORM_DEFAULTS[code]?.letter === false) return renderNotFound(c);
    const resolved = await resolveTemplate(deps.db, { unitId: null, cityUnitId: (await city(c)).id, code, produk: service.produk || service.name });
    const values = extra.values ?? { ...resolved.template };
    const checked = validateTemplate(values);
    const unit = await sampleUnit(c);
    const preview = extra.preview && checked.template && unit ? await sampleLetter(deps, { unit, template: checked.template, actor: c.get('actor')! }) : null;
    const ok = c.req.query('ok');
    return c.html(
      <StaffLayout title={service.name} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={ok && hasKey(`pw.flash.${ok}`) ? { kind: 'ok', text: t(`pw.flash.${ok}`) } : null} back={{ href: BASE, label: t('pw.city.title') }}>
        <PelayananStyles />
        <h1>{service.name}</h1>
        <TemplateEditor
          action={`${BASE}/templat/${code}`}
          csrf={c.get('csrfToken')}
          values={values}
          errors={extra.errors ?? {}}
          placeholders={placeholdersFor({ fields: FORM_DEFAULTS[code]?.fields ?? [] } as never)}
          source={resolved.source}
          scope="city"
          canEdit
          pdfHref={`${BASE}/templat/${code}/contoh.pdf`}
        />
        {preview ? <LetterPreview content={preview} /> : null}
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get(`${BASE}/templat/:code`, (c) => templatePage(c));

  app.post(`${BASE}/templat/:code`, async (c) => {
    const code = c.req.param('code');
    if (!(await catalogue(c)).some((s) => s.code === code)) return renderNotFound(c);
    const { values, aksi } = await readTemplateForm(c);
    if (aksi === 'kembalikan') {
      await saveTemplate(deps.db, { scopeUnitId: (await city(c)).id, code, template: null, userId: c.get('actor')!.id, now: deps.clock.now() });
      return c.redirect(`${BASE}/templat/${code}?ok=template_reset`, 303);
    }
    const checked = validateTemplate(values);
    if (!checked.template) return templatePage(c, { values, errors: checked.errors, status: 422 });
    if (aksi === 'pratinjau') return templatePage(c, { values, preview: true });
    await saveTemplate(deps.db, { scopeUnitId: (await city(c)).id, code, template: checked.template, userId: c.get('actor')!.id, now: deps.clock.now() });
    return c.redirect(`${BASE}/templat/${code}?ok=template_saved`, 303);
  });

  app.get(`${BASE}/templat/:code/contoh.pdf`, async (c) => {
    const code = c.req.param('code');
    const service = (await catalogue(c)).find((s) => s.code === code);
    const unit = await sampleUnit(c);
    if (!service || !unit) return renderNotFound(c);
    const { template } = await resolveTemplate(deps.db, { unitId: null, cityUnitId: (await city(c)).id, code, produk: service.produk || service.name });
    const pdf = await renderLetterPdf(await sampleLetter(deps, { unit, template, actor: c.get('actor')! }), { watermark: 'CONTOH' });
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="contoh-${code}.pdf"` });
  });

  return app;
}
