/** @jsxImportSource #html-jsx */
import { type Context, Hono } from 'hono';
import { hasKey, t } from '../../i18n/index.js';
import {
  checkChallenge,
  cityUnitOf,
  complaintTrackingView,
  emptyStats,
  findComplaintByCode,
  getCitySettings,
  newChallenge,
  normaliseTrackingCode,
  pelayananStats,
  publishedAnswers,
  submitComplaint,
} from '../../modules/pelayanan/index.js';
import { wibDayStart, wibYear } from '../../shared/wib-time.js';
import { clientIp } from '../client-ip.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderNotFound } from '../errors.js';
import type { UnitCtx } from '../site/context.js';
import { unitTitle } from '../site/context.js';
import { type ComplaintValues, ComplaintPage, ComplaintTrackPage, emptyComplaint } from './complaint-pages.js';
import type { BodyGuard } from './citizen-body.js';
import { COMPLAINT_BODY_LIMIT } from './limits.js';
import { errText, formOf, grantTracking, isFile, pelayananDeps, respond, stashPin, str, takePin, trackingGranted, unitCtxOf } from './public-shared.js';

// Citizens' complaints (issue 17 point 5): the public page with the form, the unit's counts and
// the answers people agreed to publish; the tracking view of a complaint ("P-…" codes share the
// tracking page with requests). Works without JavaScript; anonymous complaints get a code too.

export function complaintRoutes(deps: AppDeps, guard: BodyGuard): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, ctx: UnitCtx, values: ComplaintValues, errors: Record<string, string>, problem: string | null, status: number) => {
    const now = deps.clock.now();
    const year = wibYear(now);
    const city = await cityUnitOf(deps.db, deps.config.region);
    const [stats, answers, settings] = await Promise.all([
      pelayananStats(deps.db, { unitIds: [ctx.unit.id], from: wibDayStart(`${year}-01-01`).toISOString(), to: wibDayStart(`${year + 1}-01-01`).toISOString(), now }),
      publishedAnswers(deps.db, { unitId: ctx.unit.id }),
      getCitySettings(deps.db, city?.id ?? ''),
    ]);
    return respond(
      c,
      <ComplaintPage
        ctx={ctx}
        values={values}
        errors={errors}
        problem={problem}
        challenge={newChallenge(deps.config.secret, now)}
        stats={stats.byUnit.get(ctx.unit.id) ?? emptyStats()}
        year={year}
        answers={answers}
        retentionDays={settings.retensiHari}
        action={ctx.links.href('/pengaduan')}
      />,
      status,
    );
  };

  app.get('/:unit/pengaduan', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    return page(c, ctx, emptyComplaint(), {}, null, 200);
  });

  app.post('/:unit/pengaduan', guard(deps, { limit: COMPLAINT_BODY_LIMIT, submission: true }), async (c) => {
    const ctx = await unitCtxOf(c, deps);
    if (!ctx) return renderNotFound(c);
    const body = await formOf(c);
    const values: ComplaintValues = {
      kategori: str(body.kategori), isi: str(body.isi), lokasi: str(body.lokasi), anonim: body.anonim === '1', nama: str(body.nama),
      telepon: str(body.telepon), email: str(body.email), notify: str(body.notify) || 'none', publikasi: body.publikasi === '1', consent: body.setuju === '1',
    };
    if (str(body.situs_web)) return c.redirect(ctx.links.href('/pengaduan'), 303);
    const challenge = checkChallenge(deps.config.secret, deps.clock.now(), str(body.uji), str(body.jawaban));
    if (challenge) return page(c, ctx, values, {}, errText(challenge), 422);
    const photo = body.foto;
    const r = await submitComplaint(pelayananDeps(deps), {
      unitId: ctx.unit.id,
      unitName: unitTitle(ctx.unit),
      category: values.kategori,
      body: values.isi,
      location: values.lokasi,
      anonymous: values.anonim,
      name: values.nama,
      phone: values.telepon,
      email: values.email,
      notify: values.notify,
      publish: values.publikasi,
      consent: values.consent,
      photo: isFile(photo) && photo.size > 0 ? { slot: 'foto', name: photo.name, bytes: Buffer.from(await photo.arrayBuffer()) } : null,
      trackingLink: ctx.links.canonical('/layanan/lacak'),
      ip: clientIp(c),
    });
    if (!r.ok) {
      if (r.error === 'rate_limited') return page(c, ctx, values, {}, errText('rate_limited'), 429);
      return page(c, ctx, values, r.errors, null, 422);
    }
    c.get('logger').info({ complaint: r.complaintId, unit: ctx.unit.id }, 'pelayanan complaint submitted');
    grantTracking(c, deps, r.code);
    stashPin(c, deps, r.code, r.pin);
    return c.redirect(`${ctx.links.href(`/layanan/lacak/${r.code}`)}?baru=1`, 303);
  });

  // The tracking page of a complaint: request-routes hands "P-…" codes on to here.
  app.get('/:unit/layanan/lacak/:code', async (c) => {
    const ctx = await unitCtxOf(c, deps);
    const code = normaliseTrackingCode(c.req.param('code'));
    if (!ctx || !code || !code.startsWith('P')) return renderNotFound(c);
    if (!trackingGranted(c, deps, code)) return c.redirect(`${ctx.links.href('/layanan/lacak')}?kode=${encodeURIComponent(code)}`, 303);
    const found = await findComplaintByCode(deps.db, ctx.unit.id, code);
    const view = found ? await complaintTrackingView(deps.db, found.id) : null;
    if (!view) return renderNotFound(c);
    const fresh = c.req.query('baru') === '1';
    const problem = c.req.query('masalah');
    return respond(
      c,
      <ComplaintTrackPage
        ctx={ctx}
        view={view}
        pin={fresh ? takePin(c, deps, code) : null}
        fresh={fresh}
        flash={c.req.query('ok') === 'hapus' ? t('pel.track.flash.erased') : null}
        problem={problem && /^pel\.[a-z_.]+$/.test(problem) && hasKey(problem) ? t(problem) : null}
        base={ctx.links.href(`/layanan/lacak/${code}`)}
      />,
    );
  });

  return app;
}
