import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import { type Dispute, decideDisputeAsAdmin, decideDisputeFormSchema, listDisputes, profileCompletenessSource } from '../../../modules/compliance/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { parseForm } from '../../forms/parse-form.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { DashStyles } from '../../dashboard/components.js';
import { requireCityAdmin } from '../require-city-admin.js';
import { registeredAccountsSource } from '../../../modules/channels/index.js';

// Admin kota decides disputes: a unit's link to a post the checks missed (accepted with the
// publication time admin kota saw on the platform) or a contest of a verdict (accepted with the
// corrected verdict). compliance.decideDisputeAsAdmin records who decided, when and the verdict
// before and after, audited in the same transaction; a double submit decides once.

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

  // The decision's reads go through its own transaction (see DecisionSources).
  const sources = (db: AppDeps['db']) => ({ profile: profileCompletenessSource(db), accounts: registeredAccountsSource(db) });

  app.post(`${PATH}/putus`, async (c) => {
    const form = await parseForm(c, decideDisputeFormSchema, ['disputeId', 'accept', 'note', 'publishedAt', 'correctedStatus']);
    if (!form.ok) {
      c.status(400);
      return render(c, [t(form.problems.some((p) => p.path === 'publishedAt') ? 'mon.error.published_at_required' : 'mon.error.invalid')]);
    }
    const r = await decideDisputeAsAdmin({ ...deps, sources }, { actor: c.get('actor')!, region: c.get('region'), form: form.data });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c);
      if (r.error === 'not_found' || r.error === 'already_decided') return c.redirect(`${PATH}?ok=${r.error}`, 303);
      c.status(400);
      return render(c, [t(`mon.error.${r.error}`)]);
    }
    return c.redirect(`${PATH}?ok=${r.value.dispute.status}`, 303);
  });

  return app;
}
