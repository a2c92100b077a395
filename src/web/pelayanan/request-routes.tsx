/** @jsxImportSource #html-jsx */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { t, type MessageKey } from '../../i18n/index.js';
import {
  MAX_FILES,
  calendarFor,
  checkChallenge,
  cityUnitOf,
  eraseComplaint,
  eraseRequest,
  findRequestByCode,
  fixRequest,
  getCitySettings,
  getServiceForm,
  letterPdfOf,
  newChallenge,
  normaliseTrackingCode,
  openTracking,
  requestTrackingView,
  submitRequest,
  type UploadedFile,
} from '../../modules/pelayanan/index.js';
import { clientIp } from '../client-ip.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderNotFound } from '../errors.js';
import type { UnitCtx } from '../site/context.js';
import { unitTitle } from '../site/context.js';
import type { BodyGuard } from './citizen-body.js';
import { REQUEST_BODY_LIMIT } from './limits.js';
import { type RequestFormValues, RequestFormPage, emptyValues } from './request-form-page.js';
import { RequestTrackPage, TrackFormPage } from './tracking-pages.js';
import { endTracking, errText, formOf, grantTracking, isFile, knowsCode, pelayananDeps, respond, stashPin, str, takePin, trackingGranted, unitCtxOf } from './public-shared.js';

// Citizens' online requests (issue 17 point 1): the form under each layanan page, the tracking
// page, adding documents when asked to fix, downloading the letter, deleting one's data. All of
// it works without JavaScript and without an account: the tracking code + PIN open a two-hour,
// signed, HttpOnly cookie for that one request. Bodies are bounded as they stream by the app's
// body-limit middleware, with this area's limits in ./limits.ts.


export function requestRoutes(deps: AppDeps, guard: BodyGuard): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pd = () => pelayananDeps(deps);

  const retentionDays = async () => (await getCitySettings(deps.db, (await cityUnitOf(deps.db, deps.config.region))?.id ?? '')).retensiHari;
  const trackBase = (ctx: UnitCtx, code: string) => ctx.links.href(`/layanan/lacak/${code}`);

  // ---- The form ----------------------------------------------------------------------------
  app.get('/:unit/layanan/:code/ajukan', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    const form = await getServiceForm(deps.db, ctx.unit.id, c.req.param('code'));
    if (!form.ok) return renderNotFound(c);
    return respond(
      c,
      <RequestFormPage ctx={ctx} form={form.value} values={emptyValues()} errors={{}} stashed={[]} draftToken="" challenge={newChallenge(deps.config.secret, deps.clock.now())} retentionDays={await retentionDays()} action={ctx.links.href(`/layanan/${form.value.code}/ajukan`)} />,
    );
  });

  app.post('/:unit/layanan/:code/ajukan', guard(deps, { limit: REQUEST_BODY_LIMIT, submission: true }), async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    const form = await getServiceForm(deps.db, ctx.unit.id, c.req.param('code'));
    if (!form.ok) return renderNotFound(c);
    const body = await formOf(c);
    const values: RequestFormValues = {
      nama: str(body.nama), nik: str(body.nik), kk: str(body.kk), telepon: str(body.telepon), email: str(body.email),
      alamat: str(body.alamat), rt: str(body.rt), rw: str(body.rw), notify: str(body.notify) || 'none', consent: body.setuju === '1',
      fields: Object.fromEntries(form.value.fields.map((f) => [f.key, str(body[`field_${f.key}`])])),
    };
    const now = deps.clock.now();
    const rerender = (errors: Record<string, string>, problem: string | null, stashed: { slot: string; label: string; kind: 'image' | 'pdf' }[], draftToken: string, status: number) =>
      retentionDays().then((days) =>
        respond(c, <RequestFormPage ctx={ctx} form={form.value} values={values} errors={errors} problem={problem} stashed={stashed} draftToken={draftToken} challenge={newChallenge(deps.config.secret, now)} retentionDays={days} action={ctx.links.href(`/layanan/${form.value.code}/ajukan`)} />, status),
      );
    // A filled honeypot is a robot: answer as if all went well, keep nothing.
    if (str(body.situs_web)) return c.redirect(ctx.links.href('/layanan'), 303);
    const draft = str(body.draf) || null;
    const challenge = checkChallenge(deps.config.secret, now, str(body.uji), str(body.jawaban));
    if (challenge) {
      // Files are not kept: a wrong sum must not become a way to fill the disk.
      return rerender({}, errText(challenge), [], draft ?? '', 422);
    }
    const files: UploadedFile[] = [];
    for (const [name, value] of Object.entries(body)) {
      if (!name.startsWith('doc_') || !isFile(value) || value.size === 0) continue;
      if (files.length >= MAX_FILES) break;
      files.push({ slot: name.slice(4), name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    const base = ctx.links.canonical('/layanan/lacak');
    const r = await submitRequest(pd(), {
      unitId: ctx.unit.id,
      unitName: unitTitle(ctx.unit),
      serviceCode: form.value.code,
      identity: values,
      fields: values.fields,
      notify: values.notify,
      consent: values.consent,
      files,
      draftToken: draft,
      trackingLink: base,
      ip: clientIp(c),
    });
    if (!r.ok) {
      if (r.error === 'invalid') return rerender(r.errors, null, r.stashed, r.draftToken, 422);
      if (r.error === 'rate_limited') return rerender({}, errText('rate_limited'), [], draft ?? '', 429);
      return renderNotFound(c);
    }
    c.get('logger').info({ request: r.requestId, unit: ctx.unit.id }, 'pelayanan request submitted');
    grantTracking(c, deps, r.code);
    stashPin(c, deps, r.code, r.pin);
    return c.redirect(`${trackBase(ctx, r.code)}?baru=1`, 303);
  });

  // ---- Tracking ----------------------------------------------------------------------------
  app.get('/:unit/layanan/lacak', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    const code = normaliseTrackingCode(c.req.query('kode') ?? '') ?? '';
    return respond(c, <TrackFormPage ctx={ctx} code={code} action={ctx.links.href('/layanan/lacak')} />);
  });

  app.post('/:unit/layanan/lacak', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    const body = await formOf(c);
    const code = normaliseTrackingCode(str(body.kode));
    const r = await openTracking(pd(), { unitId: ctx.unit.id, code: str(body.kode), pin: str(body.pin), ip: clientIp(c), known: code !== null && knowsCode(c, deps, code) });
    if (!r.ok) {
      if (r.error === 'wait') c.header('Retry-After', r.detail ?? '60');
      const problem = r.error === 'wait' ? t('pel.track.error.wait', { seconds: r.detail ?? '60' }) : t(`pel.track.error.${r.error}`);
      return respond(c, <TrackFormPage ctx={ctx} code={str(body.kode).slice(0, 20)} problem={problem} action={ctx.links.href('/layanan/lacak')} />, r.error === 'wait' ? 429 : 422);
    }
    grantTracking(c, deps, r.value.code);
    return c.redirect(trackBase(ctx, r.value.code), 303);
  });

  /** A tracking route's unit, code and permission: the page to show, or the response that stops it. */
  const tracked = async (c: Context<AppEnv>): Promise<{ ctx: UnitCtx; code: string } | Response> => {
    const ctx = await unitCtxOf(c, deps);
    const code = normaliseTrackingCode(c.req.param('code') ?? '');
    if (!ctx || !code) return renderNotFound(c);
    if (!trackingGranted(c, deps, code)) return c.redirect(`${ctx.links.href('/layanan/lacak')}?kode=${encodeURIComponent(code)}`, 303);
    return { ctx, code };
  };

  /** The view of one request (complaints are added by complaint-routes under the same path). */
  const requestPage = async (c: Context<AppEnv>, ctx: UnitCtx, code: string, extra: { flash?: string | null; problem?: string | null; status?: number } = {}) => {
    const row = await findRequestByCode(deps.db, ctx.unit.id, code);
    if (!row) return null;
    const city = await cityUnitOf(deps.db, deps.config.region);
    const view = await requestTrackingView(deps.db, row.id, deps.clock.now(), await calendarFor(deps.db, ctx.unit.id, city?.id ?? ''));
    if (!view) return null;
    const form = await getServiceForm(deps.db, ctx.unit.id, row.service_code);
    const labels = [t('pel.doc.fix'), ...(form.ok ? form.value.documents.map((d) => d.label) : [])];
    const fresh = c.req.query('baru') === '1';
    return respond(c, <RequestTrackPage ctx={ctx} view={view} pin={fresh ? takePin(c, deps, code) : null} fresh={fresh} flash={extra.flash} problem={extra.problem} base={trackBase(ctx, code)} docLabels={labels} />, extra.status ?? 200);
  };

  app.get('/:unit/layanan/lacak/:code', async (c, next) => {
    const tr = await tracked(c);
    if (tr instanceof Response) return tr;
    const { ctx, code } = tr;
    if (code.startsWith('P')) return next();
    return (await requestPage(c, ctx, code, { flash: c.req.query('ok') ? t(`pel.track.flash.${c.req.query('ok') === 'hapus' ? 'erased' : 'fixed'}`) : null })) ?? renderNotFound(c);
  });

  app.post('/:unit/layanan/lacak/:code/perbaikan', guard(deps, { limit: REQUEST_BODY_LIMIT, submission: false }), async (c) => {
    const tr = await tracked(c);
    if (tr instanceof Response) return tr;
    const { ctx, code } = tr;
    const row = await findRequestByCode(deps.db, ctx.unit.id, code);
    if (!row) return renderNotFound(c);
    const body = await formOf(c);
    const files: UploadedFile[] = [];
    for (let i = 0; i < 3; i++) {
      const f = body[`berkas_${i}`];
      if (isFile(f) && f.size > 0) files.push({ slot: str(body[`jenis_${i}`]), name: f.name, bytes: Buffer.from(await f.arrayBuffer()) });
    }
    const r = await fixRequest(pd(), { requestId: row.id, files, note: str(body.catatan) });
    if (r.ok) return c.redirect(`${trackBase(ctx, code)}?ok=perbaikan`, 303);
    const problem =
      r.error === 'refused' ? r.refusals.map((x) => `${x.name}: ${errText(`doc_${x.code}`)}`).join(' ') : t(`pel.fix.error.${r.error}`);
    return (await requestPage(c, ctx, code, { problem, status: 422 })) ?? renderNotFound(c);
  });

  app.post('/:unit/layanan/lacak/:code/hapus', async (c) => {
    const tr = await tracked(c);
    if (tr instanceof Response) return tr;
    const { ctx, code } = tr;
    const body = await formOf(c);
    const retry = (problem: MessageKey) =>
      code.startsWith('P') ? c.redirect(`${trackBase(ctx, code)}?masalah=${problem}`, 303) : requestPage(c, ctx, code, { problem: t(problem), status: 422 }).then((r) => r ?? renderNotFound(c));
    if (body.yakin !== '1') return retry('pel.erase.need_confirm');
    // The PIN again: a borrowed phone with an open tracking page must not be enough to erase.
    const opened = await openTracking(pd(), { unitId: ctx.unit.id, code, pin: str(body.pin), ip: clientIp(c), known: knowsCode(c, deps, code) });
    if (!opened.ok) return retry(opened.error === 'wait' ? 'pel.track.error.wait_short' : `pel.track.error.${opened.error}`);
    if (opened.value.kind === 'layanan') await eraseRequest(pd(), opened.value.id, 'citizen');
    else await eraseComplaint(pd(), opened.value.id, 'citizen');
    c.get('logger').info({ code: opened.value.kind, owner: opened.value.id }, 'pelayanan personal data erased on request');
    return c.redirect(`${trackBase(ctx, code)}?ok=hapus`, 303);
  });

  /** The citizen downloads their own letter (the tracking cookie is the key). */
  app.get('/:unit/layanan/lacak/:code/surat.pdf', async (c) => {
    const tr = await tracked(c);
    if (tr instanceof Response) return tr;
    const { ctx, code } = tr;
    const row = await findRequestByCode(deps.db, ctx.unit.id, code);
    if (!row) return renderNotFound(c);
    const letter = await letterPdfOf(pd(), { unitId: ctx.unit.id, requestId: row.id });
    if (!letter) return renderNotFound(c);
    return c.body(new Uint8Array(letter.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="surat-${letter.number.replace(/[^\w.-]+/g, '-')}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.get('/:unit/layanan/lacak/:code/keluar', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    endTracking(c, deps);
    return c.redirect(ctx.links.href('/layanan/lacak'), 303);
  });

  return app;
}
