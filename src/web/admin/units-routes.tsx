import { type Context, Hono } from 'hono';
import { listUnitTree, opdInputSchema } from '../../modules/units/index.js';
import { addOpdAsAdmin, importOpdCsvAsAdmin } from '../../modules/accounts/index.js';
import { hasKey, t } from '../../i18n/index.js';
import { opdCsvProblemText } from '../../i18n/opd-csv-problems.js';
import { checkSiteUrl, registrationContext, syncRegistrations } from '../../modules/monitoring/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { CsrfInput, IdempotencyInput, ErrorSummary, Field } from '../views/form.js';
import { renderForbidden } from '../errors.js';
import { fieldErrors, formFiles, formValues, parseValues } from '../forms/parse-form.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';

const MAX_CSV_BYTES = 512 * 1024;
const OPD_FIELDS = ['name', 'slug', 'website', 'instagram'] as const;
type OpdCode = 'invalid_name' | 'invalid_slug' | 'invalid_links' | 'slug_taken';
/** A problem of opdInputSchema (by its path) as addOpd's code, and each code's form field. */
const CODE_OF_PATH: Record<string, OpdCode> = { name: 'invalid_name', slug: 'invalid_slug', links: 'invalid_links' };
const FIELD_OF_CODE: Record<OpdCode, (typeof OPD_FIELDS)[number]> = { invalid_name: 'name', invalid_slug: 'slug', invalid_links: 'website', slug_taken: 'slug' };
const opdError = (code: OpdCode) => (code === 'slug_taken' ? t('units.error.slug_taken') : t(`units.opd_form.error.${code}`));
const codeOf = (path: string): OpdCode => CODE_OF_PATH[path.split('.')[0]!] ?? 'invalid_name';

export function unitsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/wilayah', requireCityAdmin(deps));
  app.use('/admin/wilayah/*', requireCityAdmin(deps));

  const page = async (c: Context<AppEnv>, opts: { errors?: string[]; fields?: Record<string, string>; values?: Record<string, string>; flash?: { kind: 'ok' | 'error' | 'info'; text: string } | null } = {}) => {
    const tree = await listUnitTree(deps.db, c.get('region'));
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('units.title')} actor={c.get('actor')} csrfToken={csrf} flash={opts.flash ?? null} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('units.title')}</h1>
        <p>
          {t('units.summary', { root: tree.root?.name ?? '', kecamatan: tree.kecamatan.length, kelurahan: tree.kecamatan.reduce((n, k) => n + k.children.length, 0), opd: tree.opd.length })}
        </p>
        <form method="post" action="/admin/wilayah/opd" class="card">
          <h2>{t('units.opd_form.title')}</h2>
          <CsrfInput token={csrf} />
          <IdempotencyInput />
          <ErrorSummary errors={opts.errors ?? []} />
          <Field name="name" label={t('units.opd_form.name')} value={opts.values?.name} hint={t('units.opd_form.name_hint')} error={opts.fields?.name} required />
          <Field name="slug" label={t('units.opd_form.slug')} value={opts.values?.slug} hint={t('units.opd_form.slug_hint')} error={opts.fields?.slug} />
          <Field name="website" label={t('units.opd_form.website')} type="url" value={opts.values?.website} error={opts.fields?.website} />
          <Field name="instagram" label={t('units.opd_form.instagram')} value={opts.values?.instagram} error={opts.fields?.instagram} />
          <button type="submit" class="wide">{t('units.opd_form.submit')}</button>
        </form>
        <form method="post" action="/admin/wilayah/opd-csv" enctype="multipart/form-data" class="card">
          <h2>{t('units.csv.title')}</h2>
          <CsrfInput token={csrf} />
          <p class="hint">{t('units.csv.hint')}</p>
          <div class="field">
            <label for="f-file">{t('units.csv.file')}</label>
            <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit" class="secondary wide">{t('units.csv.submit')}</button>
        </form>
        <h2>{t('units.list.title')}</h2>
        {tree.kecamatan.map((k) => (
          <details>
            <summary>{t('units.list.kecamatan', { name: k.unit.name, count: k.children.length })}</summary>
            <ul>
              {k.children.map((u) => (
                <li>
                  <a href={`/admin/unit/${u.slug}`}>{u.name}</a> <span class="muted">{u.code}</span>
                </li>
              ))}
            </ul>
          </details>
        ))}
        {tree.opd.length ? (
          <details open>
            <summary>{t('units.list.opd', { count: tree.opd.length })}</summary>
            <ul>
              {tree.opd.map((u) => (
                <li>
                  <a href={`/admin/unit/${u.slug}`}>{u.name}</a>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </StaffLayout>,
    );
  };

  // Confirmations travel as a key and counts, never as text: a crafted link cannot put words on the page.
  app.get('/admin/wilayah', (c) => {
    const ok = c.req.query('ok');
    const count = (k: string) => (/^\d{1,6}$/.test(c.req.query(k) ?? '') ? Number(c.req.query(k)) : 0);
    const text = ok === 'opd_added' ? t('units.opd_added') : ok === 'csv_done' ? t('units.csv_done', { created: count('baru'), unchanged: count('ada') }) : null;
    return page(c, { flash: text ? { kind: 'ok', text } : null });
  });

  app.post('/admin/wilayah/opd', async (c) => {
    const values = await formValues(c, OPD_FIELDS);
    const refuse = (fields: Record<string, string>) => {
      c.status(400);
      return page(c, { errors: Object.values(fields), fields, values });
    };
    // The website is registered for monitoring at once, so it must pass the same address check
    // (which also completes a bare "dinkes.go.id" to an address) before the schema sees it.
    const registration = registrationContext(deps.config);
    let website = values.website!.trim();
    if (website) {
      const check = checkSiteUrl(website, registration.policy);
      if (!check.ok) {
        const detail = check.detail && hasKey(`monitoring.address.${check.detail}`) ? t(`monitoring.address.${check.detail}`) : (check.detail ?? '');
        return refuse({ website: t(`mon.error.url_${check.problem}`, { detail }) });
      }
      website = check.url;
    }
    const links = Object.fromEntries(Object.entries({ website, instagram: values.instagram!.trim() }).filter(([, x]) => x));
    const form = parseValues(opdInputSchema, values, { name: values.name, slug: values.slug, links });
    if (!form.ok) return refuse(fieldErrors(form.problems, (p) => opdError(codeOf(p.path)), (path) => FIELD_OF_CODE[codeOf(path)]));
    const r = await addOpdAsAdmin(deps, { actor: c.get('actor')!, region: c.get('region'), input: form.data });
    if (!r.ok && r.error === 'forbidden') return renderForbidden(c);
    if (!r.ok) return refuse({ [FIELD_OF_CODE[r.error]]: opdError(r.error) });
    if (!r.value.created) return page(c, { values, flash: { kind: 'info', text: t('units.opd_exists') } });
    await syncRegistrations(deps.db, deps.clock, registration, [r.value.unit.id]);
    return c.redirect('/admin/wilayah?ok=opd_added', 303);
  });

  app.post('/admin/wilayah/opd-csv', async (c) => {
    // The one field is a file (the CSV, read whole): taken with formFiles, no text for a schema;
    // its rows are checked by importOpdCsv, each problem named by its file line.
    const file = (await formFiles(c, ['file'])).file![0];
    if (!file) {
      c.status(400);
      return page(c, { flash: { kind: 'error', text: t('units.csv.error.no_file') } });
    }
    if (file.size > MAX_CSV_BYTES) {
      c.status(400);
      return page(c, { flash: { kind: 'error', text: t('units.csv.error.too_big') } });
    }
    const done = await importOpdCsvAsAdmin(deps, { actor: c.get('actor')!, region: c.get('region'), csv: await file.text() });
    if (!done.ok) return renderForbidden(c);
    const out = done.value;
    const problems = out.problems.map((p) => opdCsvProblemText(p));
    // Websites and handles of the imported OPD are monitored from now on; refused addresses are named.
    const sync = await syncRegistrations(deps.db, deps.clock, registrationContext(deps.config));
    for (const r of sync.refused) problems.push(t('units.csv_url_refused', { url: r.url, why: t(`mon.error.url_${r.problem}`, { detail: '' }) }));
    const summary = t('units.csv_done', { created: out.created, unchanged: out.unchanged });
    if (problems.length) {
      c.status(out.created + out.unchanged === 0 ? 400 : 200);
      return page(c, { errors: problems, flash: { kind: 'info', text: summary } });
    }
    return c.redirect(`/admin/wilayah?ok=csv_done&baru=${out.created}&ada=${out.unchanged}`, 303);
  });

  return app;
}
