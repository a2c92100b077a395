import { Hono } from 'hono';
import type { Context } from 'hono';
import { hasKey, t } from '../../../i18n/index.js';
import {
  type DocMode,
  cityUnitOf,
  formAdjustmentSchema,
  getServiceForm,
  listServiceForms,
  renderLetterPdf,
  resolveTemplate,
  saveFormAdjustment,
  saveTemplate,
} from '../../../modules/pelayanan/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { fieldErrors, parseForm } from '../../forms/parse-form.js';
import { renderNotFound } from '../../errors.js';
import { CsrfInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { catalogueReady } from '../../pelayanan/public-shared.js';
import { inboxBase, pelayananGuard } from './guard.js';
import { PelayananStyles } from './inbox-views.js';
import { LetterPreview, TemplateEditor, readTemplateForm } from './template-editor.js';
import { placeholdersFor, sampleLetter, validateTemplate } from './template-support.js';

// A unit's online forms and letter templates, per layanan: online on/off, the deadline in
// working days, each requirement as required / optional / brought to the office, and the letter
// text (the city's unless the unit writes its own), with a preview.

const MODES: DocMode[] = ['wajib', 'opsional', 'dibawa'];

export function formsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = pelayananGuard(deps, 'handle');
  const handle: typeof guard = async (c, next) => {
    await catalogueReady(deps);
    return guard(c, next);
  };
  const city = async (c: Context<AppEnv>) => (await cityUnitOf(deps.db, c.get('region')))!;

  app.get('/admin/unit/:slug/pelayanan/layanan', handle, async (c) => {
    const unit = c.get('unit');
    const forms = (await listServiceForms(deps.db, unit.id)).filter((f) => f.enabled);
    const base = inboxBase(c);
    return c.html(
      <StaffLayout title={t('pw.forms.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: base, label: t('pw.inbox.title') }}>
        <PelayananStyles />
        <h1>{t('pw.forms.title')}</h1>
        <p class="muted">{t('pw.forms.intro')}</p>
        <ul class="pel-list">
          {forms.map((f) => (
            <li>
              <a class="row" href={`${base}/layanan/${f.code}`}>
                <span class="name">{f.name}</span>
                <span class="meta">{f.online ? t('pw.forms.online', { days: f.deadlineDays }) : t('pw.forms.offline')}</span>
              </a>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  const page = async (c: Context<AppEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; typed?: Record<string, string>; preview?: boolean; status?: number; flash?: string } = {}) => {
    const unit = c.get('unit');
    const code = c.req.param('code')!;
    const forms = await listServiceForms(deps.db, unit.id);
    const form = forms.find((f) => f.code === code && f.enabled);
    if (!form) return renderNotFound(c);
    const resolved = await resolveTemplate(deps.db, { unitId: unit.id, cityUnitId: (await city(c)).id, code, produk: form.produk });
    const values = extra.values ?? { ...resolved.template };
    const checked = validateTemplate(values);
    const preview = extra.preview && checked.template ? await sampleLetter(deps, { unit, template: checked.template, actor: c.get('actor')! }) : null;
    const base = `${inboxBase(c)}/layanan/${code}`;
    const ok = c.req.query('ok');
    const flashText = extra.flash ?? (ok && hasKey(`pw.flash.${ok}`) ? t(`pw.flash.${ok}`) : null);
    // What was typed into the form settings when saving them failed, kept as typed.
    const typed = extra.typed;
    return c.html(
      <StaffLayout title={form.name} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flashText ? { kind: 'ok', text: flashText } : null} back={{ href: `${inboxBase(c)}/layanan`, label: t('pw.forms.title') }}>
        <PelayananStyles />
        <h1>{form.name}</h1>
        <form method="post" action={`${base}/formulir`} class="card">
          <h2>{t('pw.forms.form_title')}</h2>
          <CsrfInput token={c.get('csrfToken')} />
          <label class="check"><input type="checkbox" name="online" value="1" checked={typed ? typed.online === '1' : form.online} /> {t('pw.forms.online_switch')}</label>
          <div class={extra.errors?.deadlineDays ? 'field has-error' : 'field'}>
            <label for="f-days">{t('pw.forms.days')}</label>
            <p class="hint">{t('pw.forms.days_hint')}</p>
            {extra.errors?.deadlineDays ? <p class="error" id="f-days-err">{t('pw.error.days')}</p> : null}
            <input id="f-days" type="text" name="deadlineDays" inputmode="numeric" value={typed ? typed.deadlineDays : String(form.deadlineDays)} aria-invalid={extra.errors?.deadlineDays ? 'true' : undefined} aria-describedby={extra.errors?.deadlineDays ? 'f-days-err' : undefined} />
          </div>
          {form.documents.map((d) => (
            <fieldset>
              <legend>{d.label}</legend>
              {MODES.map((m) => (
                <label class="check"><input type="radio" name={`doc_${d.key}`} value={m} checked={(typed?.[`doc_${d.key}`] || d.mode) === m} /> {t(`pw.forms.mode_${m}`)}</label>
              ))}
            </fieldset>
          ))}
          <button type="submit" class="wide">{t('pw.forms.save')}</button>
        </form>
        {form.letter ? (
          <>
            <TemplateEditor
              action={`${base}/templat`}
              csrf={c.get('csrfToken')}
              values={values}
              errors={extra.errors ?? {}}
              placeholders={placeholdersFor(form)}
              source={resolved.source}
              scope="unit"
              canEdit
              pdfHref={`${base}/contoh.pdf`}
            />
            {preview ? <LetterPreview content={preview} /> : null}
          </>
        ) : <p>{t('pw.forms.no_letter')}</p>}
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get('/admin/unit/:slug/pelayanan/layanan/:code', handle, (c) => page(c));

  app.post('/admin/unit/:slug/pelayanan/layanan/:code/formulir', handle, async (c) => {
    const unit = c.get('unit');
    const code = c.req.param('code');
    const form = (await listServiceForms(deps.db, unit.id)).find((f) => f.code === code && f.enabled);
    if (!form) return renderNotFound(c);
    // One radio group per requirement line (doc_<key>); a missing or unknown choice keeps the line's mode.
    const docFields = form.documents.map((d) => `doc_${d.key}`);
    const parsed = await parseForm(c, formAdjustmentSchema, ['online', 'deadlineDays', ...docFields], (v) => ({
      online: v.online === '1',
      deadlineDays: v.deadlineDays === '' ? Number.NaN : Number(v.deadlineDays),
      docModes: Object.fromEntries(form.documents.map((d) => [d.key, MODES.find((m) => m === v[`doc_${d.key}`]) ?? d.mode])),
    }));
    if (!parsed.ok) return page(c, { errors: fieldErrors(parsed.problems, () => 'days'), typed: parsed.values, status: 422 });
    await saveFormAdjustment(deps.db, { unitId: unit.id, code, adjustment: parsed.data, userId: c.get('actor')!.id, now: deps.clock.now() });
    // The layanan page shows "Ajukan secara online" or not: drop the cached page.
    deps.services.pages.unitChanged(unit.id);
    return c.redirect(`${inboxBase(c)}/layanan/${code}?ok=form_saved`, 303);
  });

  app.post('/admin/unit/:slug/pelayanan/layanan/:code/templat', handle, async (c) => {
    const unit = c.get('unit');
    const code = c.req.param('code');
    const form = await getServiceForm(deps.db, unit.id, code);
    if (!form.ok && form.error === 'not_found') return renderNotFound(c);
    const { values, aksi } = await readTemplateForm(c);
    if (aksi === 'kembalikan') {
      await saveTemplate(deps.db, { scopeUnitId: unit.id, code, template: null, userId: c.get('actor')!.id, now: deps.clock.now() });
      return c.redirect(`${inboxBase(c)}/layanan/${code}?ok=template_reset`, 303);
    }
    const checked = validateTemplate(values);
    if (!checked.template) return page(c, { values, errors: checked.errors, status: 422 });
    if (aksi === 'pratinjau') return page(c, { values, preview: true });
    await saveTemplate(deps.db, { scopeUnitId: unit.id, code, template: checked.template, userId: c.get('actor')!.id, now: deps.clock.now() });
    return c.redirect(`${inboxBase(c)}/layanan/${code}?ok=template_saved`, 303);
  });

  app.get('/admin/unit/:slug/pelayanan/layanan/:code/contoh.pdf', handle, async (c) => {
    const unit = c.get('unit');
    const code = c.req.param('code');
    const form = (await listServiceForms(deps.db, unit.id)).find((f) => f.code === code && f.enabled);
    if (!form?.letter) return renderNotFound(c);
    const { template } = await resolveTemplate(deps.db, { unitId: unit.id, cityUnitId: (await city(c)).id, code, produk: form.produk });
    const pdf = await renderLetterPdf(await sampleLetter(deps, { unit, template, actor: c.get('actor')! }), { watermark: 'CONTOH' });
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="contoh-${code}.pdf"` });
  });

  return app;
}
