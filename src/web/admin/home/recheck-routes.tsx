import { Hono } from 'hono';
import type { Context } from 'hono';
import type { JobQueue } from '../../../jobs/queue.js';
import { type SendWithin, recheckFormSchema, requestRecheckAsStaff } from '../../../modules/monitoring/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { parseForm } from '../../forms/parse-form.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput } from '../../views/form.js';

// "Periksa ulang sekarang" for a unit's own staff (issue 14, point 6): whoever may write for the
// unit (its operator, lurah, pendamping; admin kota) queues the same one-unit check admin uses on
// the dashboard, instead of waiting up to six hours for the sweep. Once per 15 minutes per unit,
// kept in the database so it holds across web processes. The claim, the queued check and the audit
// entry are one transaction (monitoring's requestRecheckAsStaff, which says what that guarantees).

/** The queue as the monitoring use cases see it: a job written in their transaction. */
export const sendWithin = (jobs: JobQueue): SendWithin => (within, name, data, o) => jobs.send(name, data, { ...o, within });

export function recheckRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/admin/unit/:slug/periksa', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    // Back to where the button was: the unit's home, or its monitoring page (only these two).
    const form = await parseForm(c, recheckFormSchema, ['kembali']);
    const home = `/admin/unit/${unit.slug}${form.ok && form.data.kembali === 'pemantauan' ? '/pemantauan' : ''}`;
    if (!deps.jobs) return c.redirect(`${home}?pesan=recheck_no_worker`, 303);
    const r = await requestRecheckAsStaff({ ...deps, send: sendWithin(deps.jobs) }, { actor: c.get('actor')!, unit, region: c.get('region'), oncePerWindow: true });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : c.redirect(`${home}?pesan=recheck_too_soon&lagi=${encodeURIComponent(r.detail!)}`, 303);
    return c.redirect(`${home}?pesan=recheck_queued#periksa-ulang`, 303);
  });
  return app;
}

/** The flash for the codes above on the unit's home and monitoring page, or null for other codes. */
export function recheckFlash(c: Context<AppEnv>, code: string | null): { kind: 'ok' | 'error' | 'info'; text: string } | null {
  if (code === 'recheck_queued') return { kind: 'ok', text: t('dash.flash.recheck_own_queued') };
  if (code === 'recheck_no_worker') return { kind: 'error', text: t('dash.flash.recheck_no_worker') };
  if (code !== 'recheck_too_soon') return null;
  const when = new Date(c.req.query('lagi') ?? '');
  return Number.isNaN(when.getTime()) ? null : { kind: 'info', text: t('dash.flash.recheck_too_soon', { time: formatDateTime(when) }) };
}

/** The button on the unit's home and its monitoring page, for those who may ask. */
export function RecheckButton(p: { slug: string; csrf: string; back?: 'pemantauan' }) {
  return (
    <section class="card" id="periksa-ulang">
      <p>{t('dash.unit.recheck_own_note')}</p>
      <form method="post" action={`/admin/unit/${p.slug}/periksa`}>
        <CsrfInput token={p.csrf} />
        {p.back ? <input type="hidden" name="kembali" value={p.back} /> : null}
        <button type="submit" class="secondary">
          {t('dash.unit.recheck')}
        </button>
      </form>
    </section>
  );
}
