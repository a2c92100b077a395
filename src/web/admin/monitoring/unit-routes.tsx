import { Hono } from 'hono';
import type { Context } from 'hono';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import { can } from '../../../modules/accounts/index.js';
import {
  getRule,
  getVerdictsForPeriod,
  listDisputes,
  openDisputeAsStaff,
  openDisputeFormSchema,
  periodContaining,
  previousPeriod,
} from '../../../modules/compliance/index.js';
import { reasonText } from '../../../i18n/monitoring-reasons.js';
import {
  AUTO_SOURCES,
  SOCIAL_PLATFORMS,
  accountFormSchema,
  listPresences,
  presenceIdFormSchema,
  registerPresenceAsStaff,
  registrationContext,
  removePresenceAsStaff,
  siteFormSchema,
} from '../../../modules/monitoring/index.js';
import { channelName } from '../../../modules/reports/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { fieldErrors, parseForm, type FormValues } from '../../forms/parse-form.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { RecheckButton, recheckFlash } from '../home/recheck-routes.js';
import { VerdictBadge, DashStyles } from '../../dashboard/components.js';
import { CsrfInput, ErrorSummary, Field } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';

// A unit's own monitoring page (issue 6, for the unit's staff): how the unit stands this week
// and why, the websites and accounts the checks look at, and the two ways to answer a verdict —
// send the link of a post the checks missed, or contest the verdict. Everyone whose role covers
// the unit reads it; the unit's staff, its pendamping and admin kota change it.

const base = (slug: string) => `/admin/unit/${slug}/pemantauan`;

export function monitoringUnitRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/unit/:slug/pemantauan', unitGuard(deps));
  app.use('/admin/unit/:slug/pemantauan/*', unitGuard(deps));

  const render = async (c: Context<AppEnv>, problems: string[] = [], values: FormValues = {}, errors: Record<string, string> = {}) => {
    const unit = c.get('unit');
    const rule = await getRule(deps.db, c.get('region'));
    const current = periodContaining(rule.periodKind, deps.clock.now());
    const last = previousPeriod(current);
    const [presences, verdicts, disputes] = await Promise.all([
      listPresences(deps.db, unit.id),
      getVerdictsForPeriod(deps.db, current.key, [unit.id]),
      listDisputes(deps.db, { unitIds: [unit.id] }),
    ]);
    const lastVerdict = (await getVerdictsForPeriod(deps.db, last.key, [unit.id]))[0];
    const v = verdicts[0];
    const okKey = c.req.query('ok');
    const flash =
      recheckFlash(c, c.req.query('pesan') ?? null) ?? (okKey && hasKey(`mon.flash.${okKey}`) ? { kind: 'ok' as const, text: t(`mon.flash.${okKey}`) } : null);
    const social = presences.filter((p) => p.kind === 'social');
    const sites = presences.filter((p) => p.kind !== 'social');
    return c.html(
      <StaffLayout title={t('mon.unit.title', { name: unit.name })} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}>
        <DashStyles />
        <h1>{t('mon.unit.title', { name: unit.name })}</h1>
        <ErrorSummary errors={problems} />
        <section class="card">
          <h2>{t('mon.unit.this_week')}</h2>
          {v ? (
            <>
              <VerdictBadge verdict={v.status} label={t(`monitoring.verdict.${v.status}`)} />
              <ul class="reasons">{v.reasons.map((r) => <li>{reasonText(r)}</li>)}</ul>
              <p class="muted">{t('dash.unit.evaluated', { time: formatDateTime(v.evaluatedAt) })}</p>
            </>
          ) : (
            <p>{t('mon.unit.no_verdict')}</p>
          )}
          {lastVerdict ? (
            <p>
              {t('mon.unit.last_week')} <VerdictBadge verdict={lastVerdict.status} label={t(`monitoring.verdict.${lastVerdict.status}`)} />
            </p>
          ) : null}
        </section>

        {can(c.get('actor')!, 'write', unit) ? <RecheckButton slug={unit.slug} csrf={c.get('csrfToken')} back="pemantauan" /> : null}

        <section class="card">
          <h2>{t('mon.link.title')}</h2>
          <p>{t('mon.link.intro')}</p>
          <form method="post" action={`${base(unit.slug)}/sanggahan`}>
            <CsrfInput token={c.get('csrfToken')} />
            <input type="hidden" name="kind" value="link" />
            <PeriodSelect id="link" current={current.key} last={last.key} value={values.periodKey} />
            <Field name="postUrl" label={t('mon.link.url')} type="url" inputmode="url" value={values.postUrl} error={errors.postUrl} hint={t('mon.link.url_hint')} required />
            <Field name="message" label={t('mon.link.message')} value={values.linkMessage} error={errors.linkMessage} hint={t('mon.link.message_hint')} required />
            <button type="submit" class="wide">{t('mon.link.submit')}</button>
          </form>
          <details open={values.contestMessage !== undefined}>
            <summary>{t('mon.contest.title')}</summary>
            <form method="post" action={`${base(unit.slug)}/sanggahan`}>
              <CsrfInput token={c.get('csrfToken')} />
              <input type="hidden" name="kind" value="contest" />
              <PeriodSelect id="contest" current={current.key} last={last.key} value={values.periodKey} />
              <div class={errors.contestMessage ? 'field has-error' : 'field'}>
                <label for="f-contest">{t('mon.contest.message')}</label>
                <p class="hint">{t('mon.contest.hint')}</p>
                {errors.contestMessage ? <p class="error" id="f-contest-err">{errors.contestMessage}</p> : null}
                <textarea id="f-contest" name="message" required aria-invalid={errors.contestMessage ? 'true' : undefined} aria-describedby={errors.contestMessage ? 'f-contest-err' : undefined}>{values.contestMessage ?? ''}</textarea>
              </div>
              <button type="submit" class="secondary wide">{t('mon.contest.submit')}</button>
            </form>
          </details>
          {disputes.length > 0 ? (
            <>
              <h3>{t('mon.unit.disputes')}</h3>
              <ul class="timeline">
                {disputes.reverse().map((d) => (
                  <li>
                    <time datetime={d.submittedAt}>{formatDateTime(d.submittedAt)}</time>
                    <span><strong>{t(`mon.dispute.status.${d.status}`)}</strong> · {t(`mon.dispute.kind.${d.kind}`)}</span>
                    {d.postUrl ? <span>{d.postUrl}</span> : null}
                    <span>{d.message}</span>
                    {d.decidedAt ? <span class="muted">{t('mon.dispute.decided', { time: formatDateTime(d.decidedAt), note: d.decisionNote ?? '' })}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section class="card">
          <h2>{t('mon.registry.title')}</h2>
          <p>{t('mon.registry.intro')}</p>
          <h3>{t('mon.registry.sites')}</h3>
          {sites.length === 0 ? <p>{t('dash.site.none')}</p> : null}
          <ul class="plain">
            {sites.map((p) => (
              <li class="registry-item">
                <span>{p.kind === 'beranda_site' ? t('mon.registry.beranda') : t('mon.registry.external')}: {p.url}</span>
                {isAuto(p.source) ? <span class="muted"> {t(`mon.registry.source.${p.source}`)}</span> : p.kind === 'website' ? <RemoveButton slug={unit.slug} id={p.id} csrf={c.get('csrfToken')} /> : null}
              </li>
            ))}
          </ul>
          <form method="post" action={`${base(unit.slug)}/situs`}>
            <CsrfInput token={c.get('csrfToken')} />
            <Field name="url" label={t('mon.registry.add_site')} type="url" inputmode="url" value={values.url} error={errors.url} hint={t('mon.registry.add_site_hint')} required />
            <button type="submit" class="secondary">{t('mon.registry.add_site_submit')}</button>
          </form>
          <h3>{t('mon.registry.accounts')}</h3>
          {social.length === 0 ? <p>{t('dash.social.none')}</p> : null}
          <ul class="plain">
            {social.map((p) => (
              <li class="registry-item">
                <span>{channelName(p.platform ?? '')}: @{p.handle}</span>
                {isAuto(p.source) ? <span class="muted"> {t(`mon.registry.source.${p.source}`)}</span> : <RemoveButton slug={unit.slug} id={p.id} csrf={c.get('csrfToken')} />}
              </li>
            ))}
          </ul>
          <form method="post" action={`${base(unit.slug)}/akun`}>
            <CsrfInput token={c.get('csrfToken')} />
            <div class="field">
              <label for="f-platform">{t('dash.filter.platform')}</label>
              <select id="f-platform" name="platform">
                {SOCIAL_PLATFORMS.map((p) => <option value={p} selected={values.platform === p}>{channelName(p)}</option>)}
              </select>
            </div>
            <Field name="handle" label={t('mon.registry.handle')} value={values.handle} error={errors.handle} hint={t('mon.registry.handle_hint')} required />
            <button type="submit" class="secondary">{t('mon.registry.add_account_submit')}</button>
          </form>
        </section>
      </StaffLayout>,
    );
  };

  const policy = registrationContext(deps.config).policy;
  /** A form sent back (400) with what was typed and a sentence next to each wrong field. */
  const bad = (c: Context<AppEnv>, problems: string[], values: FormValues = {}, errors: Record<string, string> = {}) => {
    c.status(400);
    return render(c, problems, values, errors);
  };

  app.get('/admin/unit/:slug/pemantauan', (c) => render(c));

  app.post('/admin/unit/:slug/pemantauan/situs', async (c) => {
    const unit = c.get('unit');
    const form = await parseForm(c, siteFormSchema, ['url']);
    const url = form.values.url!.trim();
    const r = form.ok ? await registerPresenceAsStaff(deps, { actor: c.get('actor')!, unit, input: { kind: 'website', url: form.data.url }, options: { source: 'manual', policy } }) : null;
    if (r?.ok) return c.redirect(`${base(unit.slug)}?ok=site_added`, 303);
    if (r?.error === 'forbidden') return renderForbidden(c);
    const detail = r?.detail && hasKey(`monitoring.address.${r.detail}`) ? t(`monitoring.address.${r.detail}`) : (r?.detail ?? '');
    const message = r && hasKey(`mon.error.url_${r.error}`) ? t(`mon.error.url_${r.error}`, { detail }) : t('mon.error.url');
    return bad(c, [message], { url }, { url: message });
  });

  app.post('/admin/unit/:slug/pemantauan/akun', async (c) => {
    const unit = c.get('unit');
    const form = await parseForm(c, accountFormSchema, ['platform', 'handle']);
    const r = form.ok ? await registerPresenceAsStaff(deps, { actor: c.get('actor')!, unit, input: { kind: 'social', ...form.data } }) : null;
    if (r?.ok) return c.redirect(`${base(unit.slug)}?ok=account_added`, 303);
    if (r?.error === 'forbidden') return renderForbidden(c);
    return bad(c, [t('mon.error.handle')], form.values, { handle: t('mon.error.handle') });
  });

  app.post('/admin/unit/:slug/pemantauan/hapus', async (c) => {
    const unit = c.get('unit');
    const form = await parseForm(c, presenceIdFormSchema, ['presenceId']);
    const r = form.ok ? await removePresenceAsStaff(deps, { actor: c.get('actor')!, unit, presenceId: form.data.presenceId }) : null;
    if (r && !r.ok && r.error === 'forbidden') return renderForbidden(c);
    return c.redirect(`${base(unit.slug)}?ok=${r?.ok ? 'removed' : 'not_found'}`, 303);
  });

  app.post('/admin/unit/:slug/pemantauan/sanggahan', async (c) => {
    const unit = c.get('unit');
    const form = await parseForm(c, openDisputeFormSchema, ['kind', 'periodKey', 'postUrl', 'message']);
    const v = form.values;
    const link = v.kind !== 'contest';
    // The link and the contest forms both name their note `message`; each is shown in its own form.
    const typed: FormValues = link ? { postUrl: v.postUrl!, linkMessage: v.message!, periodKey: v.periodKey! } : { contestMessage: v.message!, periodKey: v.periodKey! };
    const messageField = link ? 'linkMessage' : 'contestMessage';
    const toField = (path: string) => (path === 'message' ? messageField : path);
    if (!form.ok) {
      const errors = fieldErrors(form.problems, (p) => t(hasKey(`mon.link.error.${p.path}`) ? `mon.link.error.${p.path}` : 'mon.error.invalid'), toField);
      return bad(c, [t('mon.error.invalid')], typed, errors);
    }
    const r = await openDisputeAsStaff(deps, { actor: c.get('actor')!, unit, form: form.data });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c);
      const message = t(`mon.error.${r.error}`);
      return bad(c, [message], typed, r.error === 'link_not_official' ? { postUrl: message } : {});
    }
    return c.redirect(`${base(unit.slug)}?ok=${link ? 'link_sent' : 'contest_sent'}`, 303);
  });

  return app;
}

/** Entries registered from the unit's own data change there (OPD data, profile), not here. */
const isAuto = (source: string) => (AUTO_SOURCES as readonly string[]).includes(source);

function PeriodSelect({ id, current, last, value }: { id: string; current: string; last: string; value?: string }) {
  return (
    <div class="field">
      <label for={`f-period-${id}`}>{t('dash.period')}</label>
      <select id={`f-period-${id}`} name="periodKey">
        <option value={current} selected={value !== last}>{t('mon.period.this')}</option>
        <option value={last} selected={value === last}>{t('mon.period.last')}</option>
      </select>
    </div>
  );
}

function RemoveButton({ slug, id, csrf }: { slug: string; id: string; csrf: string }) {
  return (
    <form method="post" action={`${base(slug)}/hapus`} class="inline">
      <CsrfInput token={csrf} />
      <input type="hidden" name="presenceId" value={id} />
      <button type="submit" class="link-button danger-link">{t('mon.registry.remove')}</button>
    </form>
  );
}
