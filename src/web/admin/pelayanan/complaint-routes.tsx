import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, formatNumber, hasKey, t } from '../../../i18n/index.js';
import {
  actOnComplaint,
  answersComplaints,
  canHandle,
  complaintHeldBy,
  forwardTargets,
  listComplaints,
  openComplaintForStaff,
  readDocumentForStaff,
  signDocLink,
  complaintActionFormSchema,
} from '../../../modules/pelayanan/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { parseForm } from '../../forms/parse-form.js';
import { renderForbidden, renderNotFound } from '../../errors.js';
import { pelayananDeps } from '../../pelayanan/public-shared.js';
import { CsrfInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { pelayananGuard, refuseBadDocLink, trackingLinkOf } from './guard.js';
import { PelayananStyles, StaffSteps } from './inbox-views.js';

// Complaints in the staff's hands (issue 17 point 5): the inbox of the unit that holds them
// now (a kelurahan, its kecamatan, or an OPD a complaint was forwarded to), one complaint with
// its photo behind a short-lived link, and the three things staff do: take it up, answer it,
// or forward it to the office that deals with the matter.

const FILTERS = ['aktif', 'dijawab', 'semua'] as const;
type Filter = (typeof FILTERS)[number];

const flashOf = (c: Context<AppEnv>) => {
  const ok = c.req.query('ok');
  return ok && hasKey(`pw.cflash.${ok}`) ? { kind: 'ok' as const, text: t(`pw.cflash.${ok}`) } : null;
};

export function complaintAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const handle = pelayananGuard(deps, 'handle');
  const base = (c: Context<AppEnv>) => `/admin/unit/${c.get('unit').slug}/pengaduan`;

  /** Everyone who answers complaints, from the staff menu: straight to their inbox, or a choice of units. */
  app.get('/admin/pengaduan', async (c) => {
    const actor = c.get('actor')!;
    // Admin kota, pimpinan and pendamping oversee through counts (the Pelayanan view), never a complaint.
    if (!answersComplaints(actor)) return renderForbidden(c);
    const units = (await unitRepository.inRegion(deps.db, c.get('region'))).filter((u) => canHandle(actor, u));
    if (units.length === 1) return c.redirect(`/admin/unit/${units[0]!.slug}/pengaduan`, 303);
    return c.html(
      <StaffLayout title={t('pw.complaints.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <PelayananStyles />
        <h1>{t('pw.complaints.title')}</h1>
        {units.length === 0 ? <p>{t('pw.complaints.none_for_you')}</p> : null}
        <ul class="pel-list">
          {units.map((u) => (
            <li><a class="row" href={`/admin/unit/${u.slug}/pengaduan`}><span class="name">{u.name}</span></a></li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  app.get('/admin/unit/:slug/pengaduan', handle, async (c) => {
    const unit = c.get('unit');
    const asked = c.req.query('status') as Filter;
    const filter: Filter = FILTERS.includes(asked) ? asked : 'aktif';
    const list = await listComplaints(deps.db, { unitId: unit.id, filter, page: Number(c.req.query('halaman')) || 1 });
    return c.html(
      <StaffLayout title={t('pw.complaints.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flashOf(c)} back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}>
        <PelayananStyles />
        <h1>{t('pw.complaints.title')}</h1>
        <p class="muted">{t('pw.complaints.intro', { unit: unit.name, open: formatNumber(list.open) })}</p>
        <nav aria-label={t('pw.inbox.filter')}>
          <ul class="pel-tabs">
            {FILTERS.map((f) => <li><a href={`${base(c)}?status=${f}`} aria-current={f === filter ? 'page' : undefined}>{t(`pw.cfilter.${f}`)}</a></li>)}
          </ul>
        </nav>
        {list.rows.length === 0 ? <p>{t('pw.complaints.empty')}</p> : null}
        <ul class="pel-list">
          {list.rows.map((r) => (
            <li>
              <a class="row" href={`${base(c)}/${r.id}`}>
                <span class="name">{t(`pel.category.${r.category}`)} · {r.code}</span>
                <span class="meta">{r.excerpt}</span>
                <span class="meta">{formatDateTime(r.submittedAt)}{r.forwarded ? ` · ${t('pw.complaints.forwarded_in')}` : ''}{r.anonymous ? ` · ${t('pw.complaints.anonymous')}` : ''}</span>
                <span class="pel-badge">{t(`pel.cstatus.${r.status}`)}</span>
              </a>
            </li>
          ))}
        </ul>
        {list.pages > 1 ? (
          <nav class="pel-pager" aria-label={t('pw.inbox.pages')}>
            {list.page > 1 ? <a href={`${base(c)}?status=${filter}&halaman=${list.page - 1}`}>← {t('pw.inbox.prev')}</a> : <span />}
            <span>{t('pw.inbox.page_of', { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages ? <a href={`${base(c)}?status=${filter}&halaman=${list.page + 1}`}>{t('pw.inbox.next')} →</a> : <span />}
          </nav>
        ) : null}
        <p><a href={`/admin/unit/${unit.slug}/pelayanan`}>{t('pw.inbox.title')}</a></p>
      </StaffLayout>,
    );
  });

  const detail = async (c: Context<AppEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string>; status?: number } = {}) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const v = await openComplaintForStaff(pelayananDeps(deps), { actor, unitId: unit.id, id: c.req.param('id')!, ip: clientIp(c) });
    if (!v) return renderNotFound(c);
    const r = v.row;
    const targets = await forwardTargets(deps.db, { unitId: unit.id, region: c.get('region') });
    const now = deps.clock.now();
    const err = (k: string) => (extra.errors?.[k] ? t(`pw.cerror.${extra.errors[k]}`) : null);
    const open = r.status !== 'dijawab';
    return c.html(
      <StaffLayout title={`${t('pw.complaints.one')} ${r.tracking_code}`} actor={actor} csrfToken={c.get('csrfToken')} flash={flashOf(c)} back={{ href: base(c), label: t('pw.complaints.title') }}>
        <PelayananStyles />
        <h1>{t(`pel.category.${r.category}`)}</h1>
        <p class="pel-inline"><span class="pel-badge">{t(`pel.cstatus.${r.status}`)}</span>{r.origin_unit_id !== unit.id ? <span class="pel-badge">{t('pw.complaints.from', { unit: v.originName })}</span> : null}</p>
        <dl class="pel-kv">
          <dt>{t('pw.detail.code')}</dt><dd>{r.tracking_code}</dd>
          <dt>{t('pw.detail.sent')}</dt><dd>{formatDateTime(r.submitted_at)}</dd>
          <dt>{t('pel.complaint.body')}</dt><dd>{r.body}</dd>
          {r.location ? <><dt>{t('pel.complaint.location')}</dt><dd>{r.location}</dd></> : null}
          <dt>{t('pel.complaint.who')}</dt><dd>{r.anonymous ? t('pw.complaints.anonymous') : [r.name, r.phone, r.email].filter(Boolean).join(' · ')}</dd>
          <dt>{t('pw.complaints.publish')}</dt><dd>{r.publish_consent ? t('pw.complaints.publish_yes') : t('pw.complaints.publish_no')}</dd>
          {r.answer ? <><dt>{t('pel.track.answer')}</dt><dd>{r.answer}</dd></> : null}
        </dl>
        {v.documents.length > 0 ? (
          <ul class="link-list pel-docs">
            {v.documents.map((d) => {
              const s = signDocLink(deps.config.secret, { userId: actor.id, docId: d.id, now });
              return <li><a href={`${base(c)}/${r.id}/foto/${d.id}?exp=${s.exp}&sig=${s.sig}`} target="_blank" rel="noopener">{d.label}</a></li>;
            })}
          </ul>
        ) : null}
        {open ? (
          <section class="pel-actions">
            <h2>{t('pw.detail.next')}</h2>
            {r.status === 'baru' ? (
              <form method="post" action={`${base(c)}/${r.id}/aksi`} class="card">
                <CsrfInput token={c.get('csrfToken')} />
                <input type="hidden" name="aksi" value="proses" />
                <p class="muted">{t('pw.complaints.take_hint')}</p>
                <button type="submit" class="secondary wide">{t('pw.complaints.take')}</button>
              </form>
            ) : null}
            <form method="post" action={`${base(c)}/${r.id}/aksi`} class="card">
              <h3>{t('pw.complaints.answer_title')}</h3>
              <CsrfInput token={c.get('csrfToken')} />
              <input type="hidden" name="aksi" value="jawab" />
              <div class={err('jawab') ? 'field has-error' : 'field'}>
                <label for="f-jawab">{t('pw.complaints.answer_label')}</label>
                {err('jawab') ? <p class="error">{err('jawab')}</p> : null}
                <textarea id="f-jawab" name="teks" maxlength={3000}>{extra.values?.jawab ?? ''}</textarea>
              </div>
              {r.publish_consent ? <label class="check"><input type="checkbox" name="publikasi" value="1" checked /> {t('pw.complaints.publish_answer')}</label> : null}
              <button type="submit" class="wide">{t('pw.complaints.answer')}</button>
            </form>
            {targets.length > 0 ? (
              <form method="post" action={`${base(c)}/${r.id}/aksi`} class="card">
                <h3>{t('pw.complaints.forward_title')}</h3>
                <p class="muted">{t('pw.complaints.forward_hint')}</p>
                <CsrfInput token={c.get('csrfToken')} />
                <input type="hidden" name="aksi" value="teruskan" />
                <div class={err('teruskan') ? 'field has-error' : 'field'}>
                  <label for="f-tujuan">{t('pw.complaints.forward_to')}</label>
                  {err('teruskan') ? <p class="error">{err('teruskan')}</p> : null}
                  <select id="f-tujuan" name="tujuan">
                    {targets.map((u) => <option value={u.id}>{u.kind === 'kecamatan' ? `Kecamatan ${u.name}` : u.name}</option>)}
                  </select>
                </div>
                <div class="field">
                  <label for="f-catatan">{t('pw.complaints.forward_note')}</label>
                  <textarea id="f-catatan" name="teks" maxlength={1000}>{extra.values?.teruskan ?? ''}</textarea>
                </div>
                <button type="submit" class="secondary wide">{t('pw.complaints.forward')}</button>
              </form>
            ) : null}
          </section>
        ) : null}
        <StaffSteps events={v.events} />
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get('/admin/unit/:slug/pengaduan/:id', handle, (c) => detail(c));

  app.post('/admin/unit/:slug/pengaduan/:id/aksi', handle, async (c) => {
    const unit = c.get('unit');
    // An unknown action is a crafted form: the page again, 400. The answer's own problems
    // (empty, too long, no target) come back from actOnComplaint, said at that action's form.
    const form = await parseForm(c, complaintActionFormSchema, ['aksi', 'teks', 'publikasi', 'tujuan']);
    if (!form.ok) return detail(c, { status: 400 });
    const { aksi: action, teks: text } = form.data;
    const held = await complaintHeldBy(deps.db, unit.id, c.req.param('id'));
    if (!held) return renderNotFound(c);
    const originUnit = await unitRepository.byId(deps.db, held.originUnitId);
    const r = await actOnComplaint(pelayananDeps(deps), {
      actor: c.get('actor')!,
      unitId: unit.id,
      unitLabel: unit.name,
      id: c.req.param('id'),
      action,
      text,
      publish: form.data.publikasi === '1',
      targetUnitId: form.data.tujuan || undefined,
      // The citizen follows it on the site they filed it on, wherever it went.
      trackingLink: trackingLinkOf(deps, originUnit?.slug ?? unit.slug),
    });
    if (r.ok) {
      // After forwarding, the complaint is no longer this unit's: back to the list.
      if (action === 'teruskan') return c.redirect(`${base(c)}?ok=forwarded`, 303);
      return c.redirect(`${base(c)}/${c.req.param('id')}?ok=${action === 'jawab' ? 'answered' : 'taken'}`, 303);
    }
    if (r.error === 'not_found') return renderNotFound(c);
    return detail(c, { errors: { [action]: r.error }, values: { [action]: text }, status: 422 });
  });

  app.get('/admin/unit/:slug/pengaduan/:id/foto/:docId', handle, async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const docId = c.req.param('docId');
    const refused = await refuseBadDocLink(c, deps, `${base(c)}/${c.req.param('id')}`);
    if (refused) return refused;
    // The complaint must be this unit's now (a forwarded one's photo went with it).
    const held = await complaintHeldBy(deps.db, unit.id, c.req.param('id'));
    if (!held) return renderNotFound(c);
    const doc = await readDocumentForStaff(pelayananDeps(deps), { actor, unitId: unit.id, ownerId: held.id, docId, ip: clientIp(c) });
    if (!doc) return renderNotFound(c);
    return c.body(new Uint8Array(doc.bytes), 200, {
      'Content-Type': doc.mime,
      'Content-Disposition': 'inline; filename="foto-pengaduan.jpg"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'",
      'Referrer-Policy': 'no-referrer',
    });
  });

  return app;
}
