import { Hono } from 'hono';
import type { Context } from 'hono';
import { hasKey, t } from '../../../i18n/index.js';
import {
  INBOX_FILTERS,
  type InboxFilter,
  approveRequest,
  canDecide,
  changeRequestStatus,
  getServiceForm,
  letterNumberOf,
  letterPdfOf,
  listInbox,
  openRequestForStaff,
  outboxStateOf,
  readDocumentForStaff,
  serviceCodeOf,
  signDocLink,
  requestActionFormSchema,
} from '../../../modules/pelayanan/index.js';
import { recordAudit } from '../../../modules/accounts/index.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { parseForm } from '../../forms/parse-form.js';
import { renderNotFound } from '../../errors.js';
import { pelayananDeps } from '../../pelayanan/public-shared.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { inboxBase, pelayananGuard, refuseBadDocLink, trackingLinkOf, unitCalendar } from './guard.js';
import { InboxList, InboxTabs, PelayananStyles, RequestDetail } from './inbox-views.js';

// The unit's inbox of citizens' requests (issue 17 point 2) and the letter (point 3): list, one
// request, the staff's actions, a document behind a short-lived link, the letter's PDF.

const flash = (c: Context<AppEnv>) => {
  const ok = c.req.query('ok');
  return ok && hasKey(`pw.flash.${ok}`) ? { kind: 'ok' as const, text: t(`pw.flash.${ok}`) } : null;
};

/** Headers for a citizen's file: never cached, never sniffed into something runnable. */
const privateFileHeaders = (mime: string, name: string) => ({
  'Content-Type': mime,
  'Content-Disposition': `inline; filename="${name.replace(/[^\w.-]+/g, '_').slice(0, 80)}"`,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
});

export function inboxRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pd = () => pelayananDeps(deps);
  const handle = pelayananGuard(deps, 'handle');

  app.get('/admin/unit/:slug/pelayanan', handle, async (c) => {
    const unit = c.get('unit');
    const status = c.req.query('status') as InboxFilter;
    const filter: InboxFilter = INBOX_FILTERS.includes(status) ? status : 'aktif';
    const query = (c.req.query('q') ?? '').trim().slice(0, 30);
    const inbox = await listInbox(deps.db, { unitId: unit.id, filter, page: Number(c.req.query('halaman')) || 1, query, now: deps.clock.now(), cal: await unitCalendar(deps, c.get('region'), unit.id) });
    const base = inboxBase(c);
    return c.html(
      <StaffLayout title={t('pw.inbox.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flash(c)} back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}>
        <PelayananStyles />
        <h1>{t('pw.inbox.title')}</h1>
        <p class="muted">{t('pw.inbox.intro', { unit: unit.name })}</p>
        <InboxTabs base={base} current={filter} counts={inbox.counts} />
        <InboxList base={base} inbox={inbox} filter={filter} query={query} />
        <ul class="link-list">
          <li><a href={`/admin/unit/${unit.slug}/pengaduan`}>{t('pw.nav.complaints')}</a></li>
          <li><a href={`${base}/layanan`}>{t('pw.nav.forms')}</a></li>
          <li><a href={`${base}/pengaturan`}>{t('pw.nav.settings')}</a></li>
        </ul>
      </StaffLayout>,
    );
  });

  const detail = async (c: Context<AppEnv>, extra: { errors?: Record<string, string>; values?: Record<string, string>; status?: number } = {}) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const view = await openRequestForStaff(pd(), { actor, unitId: unit.id, id: c.req.param('id')!, ip: clientIp(c), cal: await unitCalendar(deps, c.get('region'), unit.id) });
    if (!view) return renderNotFound(c);
    const form = await getServiceForm(deps.db, unit.id, view.serviceCode);
    const letterNumber = view.letterId ? await letterNumberOf(deps.db, view.letterId) : null;
    const now = deps.clock.now();
    const base = inboxBase(c);
    const docHref = (docId: string) => {
      const s = signDocLink(deps.config.secret, { userId: actor.id, docId, now });
      return `${base}/${view.id}/berkas/${docId}?exp=${s.exp}&sig=${s.sig}`;
    };
    return c.html(
      <StaffLayout title={`${view.service} · ${view.code}`} actor={actor} csrfToken={c.get('csrfToken')} flash={flash(c)} back={{ href: base, label: t('pw.inbox.title') }}>
        <PelayananStyles />
        <h1>{view.service}</h1>
        <RequestDetail
          base={base}
          view={view}
          csrf={c.get('csrfToken')}
          docHref={docHref}
          canDecide={canDecide(actor, unit)}
          endsInLetter={form.ok ? form.value.letter : view.letterId !== null}
          letter={letterNumber ? { number: letterNumber } : null}
          fieldLabels={form.ok ? Object.fromEntries(form.value.fields.map((f) => [f.key, f.label])) : {}}
          errors={extra.errors ?? {}}
          values={extra.values ?? {}}
          outbox={await outboxStateOf(deps.db, view.id)}
        />
      </StaffLayout>,
      (extra.status ?? 200) as 200,
    );
  };

  app.get('/admin/unit/:slug/pelayanan/:id', handle, (c) => detail(c));

  app.post('/admin/unit/:slug/pelayanan/:id/aksi', handle, async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    // An unknown action is a crafted form: the page again, 400; each action's refusal is said at its own form.
    const form = await parseForm(c, requestActionFormSchema, ['aksi', 'catatan']);
    if (!form.ok) return detail(c, { status: 400 });
    const { aksi: action, catatan: note } = form.data;
    const id = c.req.param('id');
    const isHead = canDecide(actor, unit);
    const trackingLink = trackingLinkOf(deps, unit.slug);
    const back = (ok: string) => c.redirect(`${inboxBase(c)}/${id}?ok=${ok}`, 303);
    if (action === 'setujui') {
      const r = await approveRequest(pd(), { actor, isHead, unitId: unit.id, id, note, trackingLink, publicUrl: deps.config.publicUrl });
      if (r.ok) {
        c.get('logger').info({ request: id, letter: r.letterId }, 'pelayanan letter issued');
        return back('approved');
      }
      if (r.error === 'not_found') return renderNotFound(c);
      return detail(c, { errors: { setujui: r.error }, values: { setujui: note }, status: r.error === 'not_allowed' ? 403 : 409 });
    }
    const serviceCode = await serviceCodeOf(deps.db, unit.id, id);
    if (!serviceCode) return renderNotFound(c);
    const sf = await getServiceForm(deps.db, unit.id, serviceCode);
    const r = await changeRequestStatus(pd(), {
      actor,
      unitId: unit.id,
      unitName: unit.name,
      id,
      action,
      note,
      endsInLetter: sf.ok ? sf.value.letter : true,
      isHead,
      trackingLink,
    });
    if (r.ok) return back(action);
    if (r.error === 'not_found') return renderNotFound(c);
    return detail(c, { errors: { [action]: r.error }, values: { [action]: note }, status: r.error === 'not_allowed' ? 403 : 422 });
  });

  app.get('/admin/unit/:slug/pelayanan/:id/berkas/:docId', handle, async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const docId = c.req.param('docId');
    // A copied or old link: back to the request, whose page makes fresh links.
    const refused = await refuseBadDocLink(c, deps, `${inboxBase(c)}/${c.req.param('id')}`);
    if (refused) return refused;
    const doc = await readDocumentForStaff(pd(), { actor, unitId: unit.id, ownerId: c.req.param('id'), docId, ip: clientIp(c) });
    if (!doc) return renderNotFound(c);
    return c.body(new Uint8Array(doc.bytes), 200, privateFileHeaders(doc.mime, `${doc.label}.${doc.kind === 'pdf' ? 'pdf' : 'jpg'}`));
  });

  app.get('/admin/unit/:slug/pelayanan/:id/surat.pdf', handle, async (c) => {
    const unit = c.get('unit');
    const l = await letterPdfOf(pd(), { unitId: unit.id, requestId: c.req.param('id') });
    if (!l) return renderNotFound(c);
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'pelayanan.letter.view', unitId: unit.id, target: l.letterId, ip: clientIp(c), detail: { request: c.req.param('id') } });
    return c.body(new Uint8Array(l.pdf), 200, privateFileHeaders('application/pdf', `surat-${l.number}.pdf`));
  });

  return app;
}
