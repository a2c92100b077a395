import { Hono } from 'hono';
import * as z from 'zod';
import type { Context } from 'hono';
import { formatDateTime, t } from '../../../i18n/index.js';
import { can, publishingRightsOf } from '../../../modules/accounts/index.js';
import { type ContentInput, addDocumentAsStaff, contentInputSchema, contentRepository, documentInputSchema, saveContentAsStaff, setContentStatusAsStaff, setDocumentStatusAsStaff } from '../../../modules/content/index.js';
import { adjustUnitServiceAsStaff, ensureServiceCatalogue, listUnitServices } from '../../../modules/services/index.js';
import type { FieldProblem } from '../../../shared/field-problems.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { fieldErrors, parseForm } from '../../forms/parse-form.js';
import { CsrfInput, IdempotencyInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { wibLocalInput } from '../../../shared/wib-time.js';

// Staff screens for a unit's website content: berita, pengumuman, agenda and halaman with a
// plain editor, informasi publik documents, and the unit's layanan list. The composer issue
// builds the beginner-friendly writing flow; this is the plain, complete fallback.

type C = Context<AppEnv>;
const KINDS = ['berita', 'pengumuman', 'agenda', 'halaman'] as const;
const DOCUMENT_FIELDS = ['category', 'title', 'description', 'year', 'fileUrl', 'status'] as const;
const statusForm = z.object({ status: z.enum(['published', 'archived', 'draft']) });
const serviceForm = z.object({ enabled: z.string(), featured: z.string(), waktu: z.string().trim(), catatan: z.string().trim() });
const FIELDS = ['kind', 'title', 'slug', 'summary', 'body', 'bodyFormat', 'status', 'publishAt', 'eventStart', 'eventEnd', 'eventPlace', 'authorName', 'coverMediaId', 'coverAlt'] as const;

/** ISO UTC → the WIB value a datetime-local field shows. */
const toLocal = (iso: string | null) => (iso ? wibLocalInput(iso) : '');

export function contentAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const mdeps = { db: deps.db, clock: deps.clock, onPublicChange: (unitId: string) => deps.services.pages.unitChanged(unitId) };
  const base = (c: C) => `/admin/unit/${c.get('unit').slug}`;
  const acting = (c: C) => ({ actor: c.get('actor')!, unit: c.get('unit'), ip: clientIp(c) });

  app.get('/admin/unit/:slug/konten', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const items = await contentRepository.listForStaff(deps.db, unit.id);
    const canWrite = can(c.get('actor')!, 'write', unit);
    return c.html(
      <StaffLayout title={t('site.admin.content.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: base(c), label: unit.name }} flash={c.req.query('ok') ? { kind: 'ok', text: t('site.admin.content.saved') } : null}>
        <h1>{t('site.admin.content.title')} — {unit.name}</h1>
        {canWrite ? (
          <p>{KINDS.map((k) => <><a class="button" href={`${base(c)}/konten/baru?jenis=${k}`}>{t('site.admin.content.new', { kind: t(`site.kind.${k}`) })}</a>{' '}</>)}</p>
        ) : null}
        {items.length === 0 ? <p>{t('site.admin.content.none')}</p> : null}
        <ul class="unit-list">
          {items.map((i) => (
            <li>
              <span class="name">{i.title}</span>
              <span class="meta">{t(`site.kind.${i.kind}`)} · {t(`site.admin.status.${i.status}`)}{i.publish_at ? ` · ${formatDateTime(i.publish_at)}` : ''}</span>
              <div class="actions">
                <a href={`${base(c)}/konten/${i.id}`}>{canWrite ? t('site.admin.edit') : t('site.admin.view')}</a>
              </div>
            </li>
          ))}
        </ul>
        <p><a href={`${base(c)}/dokumen`}>{t('site.informasi.title')}</a> · <a href={`${base(c)}/layanan`}>{t('site.layanan.title')}</a> · <a href={`${base(c)}/profil`}>{t('site.admin.profil.title')}</a></p>
      </StaffLayout>,
    );
  });

  app.get('/admin/unit/:slug/konten/baru', unitGuard(deps, 'write'), async (c) => {
    if (!can(c.get('actor')!, 'write', c.get('unit'))) return renderForbidden(c);
    const kind = (KINDS as readonly string[]).includes(c.req.query('jenis') ?? '') ? c.req.query('jenis')! : 'berita';
    return editor(c, null, { kind, status: 'draft', bodyFormat: 'text', authorName: c.get('actor')!.displayName }, []);
  });

  app.post('/admin/unit/:slug/konten', unitGuard(deps), async (c) => save(c, undefined));

  app.get('/admin/unit/:slug/konten/:id', unitGuard(deps), async (c) => {
    const item = await contentRepository.byId(deps.db, c.get('unit').id, c.req.param('id'));
    if (!item) return c.notFound();
    return editor(c, item.id, {
      kind: item.kind, title: item.title, slug: item.slug, summary: item.summary, body: item.body_html, bodyFormat: 'html', status: item.status,
      publishAt: toLocal(item.publish_at), eventStart: toLocal(item.event_start), eventEnd: toLocal(item.event_end), eventPlace: item.event_place ?? '',
      authorName: item.author_name, coverMediaId: item.cover_media_id ?? '', coverAlt: item.cover_alt,
    }, []);
  });

  app.post('/admin/unit/:slug/konten/:id', unitGuard(deps), async (c) => save(c, c.req.param('id')));

  app.post('/admin/unit/:slug/konten/:id/status', unitGuard(deps), async (c) => {
    const form = await parseForm(c, statusForm, ['status']);
    if (!form.ok) return c.text('', 400);
    const r = await setContentStatusAsStaff(mdeps, { ...acting(c), id: c.req.param('id'), status: form.data.status });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c, 'publish.refused') : c.notFound();
    return c.redirect(`${base(c)}/konten?ok=1`, 303);
  });

  async function save(c: C, id: string | undefined) {
    const form = await parseForm(c, contentInputSchema, FIELDS);
    // Each problem is said next to its field (and listed on top); an impossible date such as
    // 30 Februari has its own sentence.
    const refuse = (problems: FieldProblem[]) => {
      const errors = fieldErrors(problems, (p) => t(p.code === 'invalid_date' ? 'site.admin.content.problem.date' : `site.admin.content.problem.${p.path}`));
      return editor(c, id ?? null, form.values, [...new Set(Object.values(errors))], 422, errors);
    };
    if (!form.ok) return refuse(form.problems);
    const r = await saveContentAsStaff(mdeps, { ...acting(c), id, input: form.values as unknown as ContentInput });
    if (!r.ok) {
      if (r.error === 'not_found') return c.notFound();
      if (r.error === 'forbidden') return editor(c, id ?? null, form.values, [t('publish.refused.status')], 403);
      return refuse(r.problems ?? []);
    }
    return c.redirect(`${base(c)}/konten?ok=1`, 303);
  }

  async function editor(c: C, id: string | null, v: Record<string, string>, errors: string[], status = 200, fieldErrors: Record<string, string> = {}) {
    const unit = c.get('unit');
    const canWrite = can(c.get('actor')!, 'write', unit);
    // Only the statuses this person may choose: no "Terbit"/"Dijadwalkan" for those who submit.
    const canPublish = (await publishingRightsOf(deps.db, c.get('actor')!, unit)).canPublish;
    const statuses = (['draft', 'published', 'scheduled', 'archived'] as const).filter((s) => canPublish || s === 'draft' || s === 'archived' || s === v.status);
    const input = (name: string, type = 'text', required = false) => (
      <div class={fieldErrors[name] ? 'field has-error' : 'field'}>
        <label for={`f-${name}`}>{t(`site.admin.content.field.${name}`)}</label>
        {fieldErrors[name] ? <p class="error" id={`f-${name}-err`}>{fieldErrors[name]}</p> : null}
        <input id={`f-${name}`} name={name} type={type} value={v[name] ?? ''} required={required} readonly={!canWrite} aria-invalid={fieldErrors[name] ? 'true' : undefined} aria-describedby={fieldErrors[name] ? `f-${name}-err` : undefined} />
      </div>
    );
    return c.html(
      <StaffLayout title={t('site.admin.content.editor')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: `${base(c)}/konten`, label: t('site.admin.content.title') }}>
        <h1>{id ? t('site.admin.content.edit') : t('site.admin.content.new', { kind: t(`site.kind.${v.kind ?? 'berita'}`) })}</h1>
        <form method="post" action={id ? `${base(c)}/konten/${id}` : `${base(c)}/konten`} class="card">
          <CsrfInput token={c.get('csrfToken')} />
          {id ? null : <IdempotencyInput />}
          <ErrorSummary errors={errors} />
          <div class="field">
            <label for="f-kind">{t('site.admin.content.field.kind')}</label>
            <select id="f-kind" name="kind" disabled={!canWrite}>
              {KINDS.map((k) => <option value={k} selected={v.kind === k}>{t(`site.kind.${k}`)}</option>)}
            </select>
          </div>
          {input('title', 'text', true)}
          {input('summary')}
          <div class="field">
            <label for="f-body">{t('site.admin.content.field.body')}</label>
            <p class="hint" id="f-body-hint">{t('site.admin.content.bodyHint')}</p>
            <textarea id="f-body" name="body" rows={14} aria-describedby="f-body-hint" readonly={!canWrite}>{v.body ?? ''}</textarea>
          </div>
          <div class="field">
            <label for="f-bodyFormat">{t('site.admin.content.field.bodyFormat')}</label>
            <select id="f-bodyFormat" name="bodyFormat" disabled={!canWrite}>
              <option value="text" selected={v.bodyFormat !== 'html'}>{t('site.admin.content.format.text')}</option>
              <option value="html" selected={v.bodyFormat === 'html'}>{t('site.admin.content.format.html')}</option>
            </select>
          </div>
          <fieldset>
            <legend>{t('site.admin.content.agendaOnly')}</legend>
            {input('eventStart', 'datetime-local')}
            {input('eventEnd', 'datetime-local')}
            {input('eventPlace')}
          </fieldset>
          <div class="field">
            <label for="f-status">{t('site.admin.content.field.status')}</label>
            <select id="f-status" name="status" disabled={!canWrite}>
              {statuses.map((s) => <option value={s} selected={v.status === s}>{t(`site.admin.status.${s}`)}</option>)}
            </select>
          </div>
          {input('publishAt', 'datetime-local')}
          {input('authorName')}
          {input('slug')}
          {input('coverMediaId')}
          {input('coverAlt')}
          {canWrite ? <button type="submit" class="wide">{t('site.admin.save')}</button> : <p class="hint">{t('site.admin.readOnly')}</p>}
        </form>
      </StaffLayout>,
      status as 200,
    );
  }

  // Informasi publik.
  app.get('/admin/unit/:slug/dokumen', unitGuard(deps), async (c) => documentsScreen(c, [], {}));
  app.post('/admin/unit/:slug/dokumen', unitGuard(deps), async (c) => {
    const form = await parseForm(c, documentInputSchema, DOCUMENT_FIELDS, (v) => ({ ...v, year: v.year || undefined }));
    if (!form.ok) return documentsScreen(c, [t('site.admin.invalid')], form.values, 422);
    const r = await addDocumentAsStaff(mdeps, { ...acting(c), input: form.data });
    if (!r.ok) return r.error === 'forbidden' ? documentsScreen(c, [t('publish.refused.document')], form.values, 403) : documentsScreen(c, [t('site.admin.invalid')], form.values, 422);
    return c.redirect(`${base(c)}/dokumen`, 303);
  });
  app.post('/admin/unit/:slug/dokumen/:id/arsip', unitGuard(deps), async (c) => {
    const r = await setDocumentStatusAsStaff(mdeps, { ...acting(c), id: c.req.param('id'), status: 'archived' });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : c.notFound();
    return c.redirect(`${base(c)}/dokumen`, 303);
  });
  // A draft document (added by someone who submits) is published by someone who may.
  app.post('/admin/unit/:slug/dokumen/:id/terbit', unitGuard(deps), async (c) => {
    const r = await setDocumentStatusAsStaff(mdeps, { ...acting(c), id: c.req.param('id'), status: 'published' });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c, 'publish.refused') : c.notFound();
    return c.redirect(`${base(c)}/dokumen`, 303);
  });

  async function documentsScreen(c: C, errors: string[], v: Record<string, string>, status = 200) {
    const unit = c.get('unit');
    const docs = await contentRepository.listDocumentsForStaff(deps.db, unit.id);
    const canWrite = can(c.get('actor')!, 'write', unit);
    const canPublish = (await publishingRightsOf(deps.db, c.get('actor')!, unit)).canPublish;
    return c.html(
      <StaffLayout title={t('site.informasi.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: `${base(c)}/konten`, label: t('site.admin.content.title') }}>
        <h1>{t('site.informasi.title')}</h1>
        <ul class="unit-list">
          {docs.map((d) => (
            <li>
              <span class="name">{d.title}</span>
              <span class="meta">{t(`site.kip.${d.category}`)} · {t(`site.admin.status.${d.status}`)}</span>
              {canPublish && d.status === 'draft' ? (
                <form method="post" action={`${base(c)}/dokumen/${d.id}/terbit`} class="inline">
                  <CsrfInput token={c.get('csrfToken')} />
                  <button type="submit" class="link-button">{t('publish.document.publish')}</button>
                </form>
              ) : null}
              {canWrite && d.status !== 'archived' ? (
                <form method="post" action={`${base(c)}/dokumen/${d.id}/arsip`} class="inline">
                  <CsrfInput token={c.get('csrfToken')} />
                  <button type="submit" class="link-button">{t('site.admin.archive')}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {canWrite ? (
          <form method="post" action={`${base(c)}/dokumen`} class="card">
            <h2>{t('site.admin.doc.add')}</h2>
            <CsrfInput token={c.get('csrfToken')} />
            <IdempotencyInput />
            <ErrorSummary errors={errors} />
            <div class="field">
              <label for="f-category">{t('site.admin.doc.category')}</label>
              <select id="f-category" name="category">
                {(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const).map((k) => <option value={k} selected={v.category === k}>{t(`site.kip.${k}`)}</option>)}
              </select>
            </div>
            {(['title', 'description', 'year', 'fileUrl'] as const).map((f) => (
              <div class="field">
                <label for={`f-${f}`}>{t(`site.admin.doc.${f}`)}</label>
                <input id={`f-${f}`} name={f} value={v[f] ?? ''} required={f === 'title'} />
              </div>
            ))}
            <input type="hidden" name="status" value={canPublish ? 'published' : 'draft'} />
            <button type="submit" class="wide">{t('site.admin.save')}</button>
          </form>
        ) : null}
      </StaffLayout>,
      status as 200,
    );
  }

  // Layanan of this unit.
  app.get('/admin/unit/:slug/layanan', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    await ensureServiceCatalogue(deps.db, deps.clock);
    const services = await listUnitServices(deps.db, unit.id);
    const canWrite = can(c.get('actor')!, 'write', unit);
    return c.html(
      <StaffLayout title={t('site.layanan.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: `${base(c)}/konten`, label: t('site.admin.content.title') }}>
        <h1>{t('site.layanan.title')}</h1>
        <p class="hint">{t('site.admin.layanan.hint')}</p>
        {services.map((s) => (
          <form method="post" action={`${base(c)}/layanan/${s.code}`} class="card">
            <h2>{s.name}</h2>
            <CsrfInput token={c.get('csrfToken')} />
            <div class="field">
              <label><input type="checkbox" name="enabled" value="1" checked={s.enabled} disabled={!canWrite} /> {t('site.admin.layanan.enabled')}</label>
              <label><input type="checkbox" name="featured" value="1" checked={s.featured} disabled={!canWrite} /> {t('site.admin.layanan.featured')}</label>
            </div>
            <div class="field">
              <label for={`w-${s.code}`}>{t('site.layanan.waktu')}</label>
              <input id={`w-${s.code}`} name="waktu" value={s.waktu} readonly={!canWrite} />
            </div>
            <div class="field">
              <label for={`c-${s.code}`}>{t('site.layanan.catatan')}</label>
              <input id={`c-${s.code}`} name="catatan" value={s.catatan} readonly={!canWrite} />
            </div>
            {canWrite ? <button type="submit" class="secondary">{t('site.admin.save')}</button> : null}
          </form>
        ))}
      </StaffLayout>,
    );
  });

  app.post('/admin/unit/:slug/layanan/:code', unitGuard(deps), async (c) => {
    const form = await parseForm(c, serviceForm, ['enabled', 'featured', 'waktu', 'catatan']);
    if (!form.ok) return c.text(t('site.admin.invalid'), 422);
    const current = (await listUnitServices(deps.db, c.get('unit').id)).find((s) => s.code === c.req.param('code'));
    if (!current) return c.notFound();
    const { waktu, catatan } = form.data;
    const adjustment: Record<string, string> = {};
    // Keep an earlier override when the form is sent back unchanged.
    if (waktu && (waktu !== current.waktu || current.adjusted)) adjustment.waktu = waktu;
    if (catatan) adjustment.catatan = catatan;
    const r = await adjustUnitServiceAsStaff(mdeps, { ...acting(c), code: c.req.param('code'), enabled: form.data.enabled === '1', featured: form.data.featured === '1', adjustment });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : c.text(t('site.admin.invalid'), 422);
    return c.redirect(`${base(c)}/layanan`, 303);
  });

  return app;
}
