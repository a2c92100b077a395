import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, formatNumber, t } from '../../../i18n/index.js';
import { checkAllAsAdmin, getCheckBatch, latestCheckBatchId, registrationContext, syncRegistrations, type BatchProgress } from '../../../modules/monitoring/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden, renderNotFound } from '../../errors.js';
import { sendWithin } from '../home/recheck-routes.js';
import { CsrfInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { requireCityAdmin } from '../require-city-admin.js';

// "Periksa semua sekarang" (issue 15 §1): admin kota has every unit checked now instead of
// waiting for the six-hourly sweep. The web process only registers what the units say and
// queues one job per unit; the worker checks them, a bounded number at a time, and this page
// shows how far it got (reload to follow it; no script needed).

const PATH = '/admin/pemantauan/periksa';
const RULE_KINDS = new Set(['kelurahan', 'desa', 'opd']);

export function monitoringCheckAllRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(PATH, requireCityAdmin(deps));
  app.use(`${PATH}/*`, requireCityAdmin(deps));

  const names = async (c: Context<AppEnv>) => new Map((await unitRepository.inRegion(deps.db, c.get('region'))).map((u) => [u.id, u.name]));

  const render = async (c: Context<AppEnv>, batch: BatchProgress | null, flash: { kind: 'ok' | 'error' | 'info'; text: string } | null = null) => {
    const csrf = c.get('csrfToken');
    const unitNames = batch ? await names(c) : new Map<string, string>();
    return c.html(
      <StaffLayout title={t('mon.checkall.title')} actor={c.get('actor')} csrfToken={csrf} flash={flash} back={{ href: '/admin/dasbor', label: t('dash.title') }}>
        <h1>{t('mon.checkall.title')}</h1>
        <p>{t('mon.checkall.intro')}</p>
        <form method="post" action={PATH} class="card">
          <CsrfInput token={csrf} />
          <button type="submit" class="wide">{t('mon.checkall.start')}</button>
        </form>
        {batch ? <Progress batch={batch} names={unitNames} /> : <p>{t('mon.checkall.none')}</p>}
      </StaffLayout>,
    );
  };

  app.get(PATH, async (c) => {
    const id = await latestCheckBatchId(deps.db, c.get('region'));
    return render(c, id ? await getCheckBatch(deps.db, c.get('region'), id) : null);
  });

  app.get(`${PATH}/:id`, async (c) => {
    const batch = await getCheckBatch(deps.db, c.get('region'), c.req.param('id'));
    if (!batch) return renderNotFound(c);
    return render(c, batch);
  });

  app.post(PATH, async (c) => {
    if (!deps.jobs) {
      c.status(409);
      return render(c, null, { kind: 'error', text: t('mon.checkall.no_worker') });
    }
    // What the units say is registered first, so a unit added a minute ago is checked too.
    await syncRegistrations(deps.db, deps.clock, registrationContext(deps.config));
    const units = (await unitRepository.inRegion(deps.db, c.get('region'))).filter((u) => RULE_KINDS.has(u.kind));
    // The sweep, its batch jobs and the audit entry are one transaction (see checkAllAsAdmin).
    const r = await checkAllAsAdmin({ ...deps, send: sendWithin(deps.jobs) }, { actor: c.get('actor')!, region: c.get('region'), unitIds: units.map((u) => u.id) });
    if (!r.ok) return renderForbidden(c);
    const { batchId } = r.value;
    return c.redirect(`${PATH}/${batchId}`, 303);
  });

  return app;
}

function Progress({ batch, names }: { batch: BatchProgress; names: Map<string, string> }) {
  const finished = batch.done + batch.failed;
  const failed = batch.units.filter((u) => u.state === 'failed');
  return (
    <section class="card" aria-live="polite">
      <h2>{batch.finished ? t('mon.checkall.finished') : t('mon.checkall.running')}</h2>
      <p>{t('mon.checkall.started', { time: formatDateTime(batch.createdAt) })}</p>
      <p>
        <label for="check-progress">{t('mon.checkall.count', { done: formatNumber(finished), total: formatNumber(batch.total) })}</label>
      </p>
      <progress id="check-progress" max={batch.total || 1} value={finished}>{`${finished}/${batch.total}`}</progress>
      {failed.length > 0 ? (
        <>
          <p>{t('mon.checkall.failed', { count: failed.length })}</p>
          <ul>
            {failed.map((u) => <li>{names.get(u.unitId) ?? u.unitId}</li>)}
          </ul>
        </>
      ) : null}
      {batch.finished ? (
        <p><a class="button" href="/admin/dasbor">{t('mon.checkall.see_results')}</a></p>
      ) : (
        <p><a class="button secondary" href={`${PATH}/${batch.id}`}>{t('mon.checkall.reload')}</a></p>
      )}
    </section>
  );
}
