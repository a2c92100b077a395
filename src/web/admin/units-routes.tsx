import { Hono } from 'hono';
import { importOpdCsv, listUnitTree } from '../../modules/units/index.js';
import { addOpdAsAdmin, recordAudit } from '../../modules/accounts/index.js';
import { hasKey, t } from '../../i18n/index.js';
import { checkSiteUrl, registrationContext, syncRegistrations } from '../../modules/monitoring/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { CsrfInput, IdempotencyInput, ErrorSummary, Field } from '../views/form.js';
import { renderForbidden } from '../errors.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';

const MAX_CSV_BYTES = 512 * 1024;

export function unitsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/wilayah', requireCityAdmin(deps));
  app.use('/admin/wilayah/*', requireCityAdmin(deps));

  const page = async (c: any, opts: { errors?: string[]; values?: Record<string, string>; flash?: { kind: 'ok' | 'error' | 'info'; text: string } | null } = {}) => {
    const tree = await listUnitTree(deps.db, c.get('region'));
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('units.title')} actor={c.get('actor')} csrfToken={csrf} flash={opts.flash ?? null} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('units.title')}</h1>
        <p>
          {tree.root?.name}: {tree.kecamatan.length} kecamatan, {tree.kecamatan.reduce((n, k) => n + k.children.length, 0)} kelurahan/desa, {tree.opd.length} OPD.
        </p>
        <form method="post" action="/admin/wilayah/opd" class="card">
          <h2>Tambah OPD</h2>
          <CsrfInput token={csrf} />
          <IdempotencyInput />
          <ErrorSummary errors={opts.errors ?? []} />
          <Field name="name" label="Nama OPD" value={opts.values?.name} hint="Contoh: Dinas Kesehatan" required />
          <Field name="slug" label="Singkatan untuk alamat situs (boleh kosong)" value={opts.values?.slug} hint="Huruf kecil dan tanda hubung, contoh: dinkes" />
          <Field name="website" label="Alamat situs yang sudah ada (boleh kosong)" type="url" value={opts.values?.website} />
          <Field name="instagram" label="Akun Instagram (boleh kosong)" value={opts.values?.instagram} />
          <button type="submit" class="wide">Tambah OPD</button>
        </form>
        <form method="post" action="/admin/wilayah/opd-csv" enctype="multipart/form-data" class="card">
          <h2>Impor OPD dari CSV</h2>
          <CsrfInput token={csrf} />
          <p class="hint">Baris pertama: nama,singkatan,website,facebook,instagram,tiktok,youtube. Bisa disimpan dari Excel sebagai CSV.</p>
          <div class="field">
            <label for="f-file">Berkas CSV</label>
            <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit" class="secondary wide">Impor</button>
        </form>
        <h2>Daftar unit</h2>
        {tree.kecamatan.map((k) => (
          <details>
            <summary>
              Kecamatan {k.unit.name} ({k.children.length})
            </summary>
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
            <summary>OPD ({tree.opd.length})</summary>
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
    const body = await c.req.parseBody();
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    const values = { name: s('name'), slug: s('slug'), website: s('website'), instagram: s('instagram') };
    const links = Object.fromEntries(Object.entries({ website: values.website, instagram: values.instagram }).filter(([, v]) => v));
    // The website is registered for monitoring at once, so it must pass the same address check.
    const registration = registrationContext(deps.config);
    if (values.website) {
      const check = checkSiteUrl(values.website, registration.policy);
      if (!check.ok) {
        c.status(400);
        const detail = check.detail && hasKey(`monitoring.address.${check.detail}`) ? t(`monitoring.address.${check.detail}`) : (check.detail ?? '');
        return page(c, { errors: [t(`mon.error.url_${check.problem}`, { detail })], values });
      }
      links.website = check.url;
    }
    const r = await addOpdAsAdmin(deps, { actor: c.get('actor')!, region: c.get('region'), input: { name: values.name, slug: values.slug, links } });
    if (!r.ok && r.error === 'forbidden') return renderForbidden(c);
    if (!r.ok) {
      c.status(400);
      const msg = r.error === 'slug_taken' ? t('units.error.slug_taken') : (r.detail ?? 'Data tidak sah.');
      return page(c, { errors: [msg], values });
    }
    if (!r.value.created) return page(c, { values, flash: { kind: 'info', text: t('units.opd_exists') } });
    await syncRegistrations(deps.db, deps.clock, registration, [r.value.unit.id]);
    return c.redirect('/admin/wilayah?ok=opd_added', 303);
  });

  app.post('/admin/wilayah/opd-csv', async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      c.status(400);
      return page(c, { flash: { kind: 'error', text: 'Pilih berkas CSV terlebih dulu.' } });
    }
    if (file.size > MAX_CSV_BYTES) {
      c.status(400);
      return page(c, { flash: { kind: 'error', text: 'Berkas terlalu besar (maksimal 512 KB). Pastikan yang dipilih adalah berkas CSV daftar OPD.' } });
    }
    const out = await importOpdCsv(deps.db, c.get('region'), await file.text(), deps.clock);
    // Websites and handles of the imported OPD are monitored from now on; refused addresses are named.
    const sync = await syncRegistrations(deps.db, deps.clock, registrationContext(deps.config));
    for (const r of sync.refused) out.problems.push(t('units.csv_url_refused', { url: r.url, why: t(`mon.error.url_${r.problem}`, { detail: '' }) }));
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'unit.import', detail: { created: out.created, problems: out.problems.length } });
    const summary = t('units.csv_done', { created: out.created, unchanged: out.unchanged });
    if (out.problems.length) {
      c.status(out.created + out.unchanged === 0 ? 400 : 200);
      return page(c, { errors: out.problems, flash: { kind: 'info', text: summary } });
    }
    return c.redirect(`/admin/wilayah?ok=csv_done&baru=${out.created}&ada=${out.unchanged}`, 303);
  });

  return app;
}
