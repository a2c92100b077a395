import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import { recordAudit } from '../../../modules/accounts/index.js';
import { type Dispute, decideDispute, listDisputes, profileCompletenessSource } from '../../../modules/compliance/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { DashStyles } from '../../dashboard/components.js';
import { requireCityAdmin } from '../require-city-admin.js';
import { fromWibLocal } from '../../../shared/wib-time.js';
import { registeredAccountsSource } from '../../../modules/channels/index.js';

// Admin kota decides disputes: a unit's link to a post the checks missed (accepted with the
// publication time admin kota saw on the platform) or a contest of a verdict (accepted with the
// corrected verdict). compliance.decideDispute records who decided, when and the verdict before
// and after; a double submit decides once.

const PATH = '/admin/pemantauan/sanggahan';

export function monitoringDisputeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(PATH, requireCityAdmin(deps));
  app.use(`${PATH}/*`, requireCityAdmin(deps));

  const render = async (c: Context<AppEnv>, problems: string[] = []) => {
    const units = await unitRepository.inRegion(deps.db, c.get('region'));
    const names = new Map(units.map((u) => [u.id, u]));
    const mine = (d: Dispute) => names.has(d.unitId);
    const open = (await listDisputes(deps.db, { status: 'open' })).filter(mine);
    const decided = (await listDisputes(deps.db, {})).filter((d) => d.status !== 'open' && mine(d)).reverse().slice(0, 30);
    const okKey = c.req.query('ok');
    const flash = okKey && hasKey(`mon.flash.${okKey}`) ? { kind: 'ok' as const, text: t(`mon.flash.${okKey}`) } : null;
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('mon.disputes.title')} actor={c.get('actor')} csrfToken={csrf} flash={flash} back={{ href: '/admin/dasbor', label: t('dash.title') }}>
        <DashStyles />
        <h1>{t('mon.disputes.title')}</h1>
        <ErrorSummary errors={problems} />
        {open.length === 0 ? <p class="card">{t('mon.disputes.none_open')}</p> : null}
        {open.map((d) => {
          const u = names.get(d.unitId)!;
          return (
            <section class="card">
              <h2>{u.name}</h2>
              <p>
                <strong>{t(`mon.dispute.kind.${d.kind}`)}</strong> · {t('mon.disputes.period', { period: d.periodKey })} · {formatDateTime(d.submittedAt)}
              </p>
              {d.originalStatus ? <p>{t('mon.disputes.original', { status: t(`monitoring.verdict.${d.originalStatus}`) })}</p> : null}
              <p>{d.message}</p>
              {d.postUrl ? <p><a href={d.postUrl} rel="noopener noreferrer" target="_blank">{d.postUrl}</a></p> : null}
              <p><a href={`/admin/dasbor/unit/${u.slug}?periode=${d.periodKey}`}>{t('mon.disputes.evidence')}</a></p>
              <form method="post" action={`${PATH}/putus`}>
                <CsrfInput token={csrf} />
                <input type="hidden" name="disputeId" value={d.id} />
                {d.kind === 'link' ? (
                  <div class="field">
                    <label for={`f-published-${d.id}`}>{t('mon.disputes.published_at')}</label>
                    <p class="hint">{t('mon.disputes.published_hint')}</p>
                    <input id={`f-published-${d.id}`} type="datetime-local" name="publishedAt" />
                  </div>
                ) : (
                  <div class="field">
                    <label for={`f-status-${d.id}`}>{t('mon.disputes.corrected')}</label>
                    <select id={`f-status-${d.id}`} name="correctedStatus">
                      <option value="PASS">{t('monitoring.verdict.PASS')}</option>
                      <option value="EXEMPT">{t('monitoring.verdict.EXEMPT')}</option>
                      <option value="UNKNOWN">{t('monitoring.verdict.UNKNOWN')}</option>
                      <option value="FAIL">{t('monitoring.verdict.FAIL')}</option>
                    </select>
                  </div>
                )}
                <div class="field">
                  <label for={`f-note-${d.id}`}>{t('mon.disputes.note')}</label>
                  <textarea id={`f-note-${d.id}`} name="note"></textarea>
                </div>
                <div class="actions">
                  <button type="submit" name="accept" value="1">{t('mon.disputes.accept')}</button>
                  <button type="submit" name="accept" value="0" class="secondary">{t('mon.disputes.reject')}</button>
                </div>
              </form>
            </section>
          );
        })}
        {decided.length > 0 ? (
          <section>
            <h2>{t('mon.disputes.decided_title')}</h2>
            <ul class="timeline">
              {decided.map((d) => (
                <li>
                  <time datetime={d.decidedAt ?? d.submittedAt}>{formatDateTime(d.decidedAt ?? d.submittedAt)}</time>
                  <span><strong>{names.get(d.unitId)?.name}</strong> · {t(`mon.dispute.kind.${d.kind}`)} · {t(`mon.dispute.status.${d.status}`)}</span>
                  {d.decisionNote ? <span>{d.decisionNote}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </StaffLayout>,
    );
  };

  app.get(PATH, (c) => render(c));

  app.post(`${PATH}/putus`, async (c) => {
    const f = await c.req.parseBody();
    const local = String(f.publishedAt ?? '');
    const publishedAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? fromWibLocal(local)?.toISOString() : undefined;
    const corrected = String(f.correctedStatus ?? 'PASS');
    const r = await decideDispute(deps.db, { clock: deps.clock, profile: profileCompletenessSource(deps.db), accounts: registeredAccountsSource(deps.db) }, {
      region: c.get('region'),
      disputeId: String(f.disputeId ?? ''),
      accept: f.accept === '1',
      note: String(f.note ?? ''),
      adminId: c.get('actor')!.id,
      postPublishedAt: publishedAt,
      correctedStatus: (['PASS', 'FAIL', 'UNKNOWN', 'EXEMPT'].includes(corrected) ? corrected : 'PASS') as 'PASS',
    });
    if (!r.ok) {
      if (r.error === 'not_found' || r.error === 'already_decided') return c.redirect(`${PATH}?ok=${r.error}`, 303);
      c.status(400);
      return render(c, [t(`mon.error.${r.error}`)]);
    }
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: `monitoring.dispute.${r.value.dispute.status}`, unitId: r.value.dispute.unitId, target: r.value.dispute.id });
    return c.redirect(`${PATH}?ok=${r.value.dispute.status}`, 303);
  });

  return app;
}
