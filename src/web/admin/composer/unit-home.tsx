import { getRule } from '../../../modules/compliance/index.js';
import type { Context } from 'hono';
import { type Actor, can } from '../../../modules/accounts/index.js';
import { listChannelAlerts, listUnitChannels } from '../../../modules/channels/index.js';
import { type Draft, approvalRequired, listDrafts, onboardingChecklist, writerPowers } from '../../../modules/composer/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { LinkList, StaffLayout } from '../../views/staff-layout.js';
import { CsrfInput } from '../../views/form.js';
import { flashCode } from './composer-deps.js';
import { ReconnectWarning } from '../channels/reconnect-warning.js';
import { canHandle, inboxBadge } from '../../../modules/pelayanan/index.js';
import { PelayananHomeButton } from '../pelayanan/home-button.js';
import { discardUrl, draftUrl, homeFlash } from './paths.js';
import { socialLeftNote } from './after-publish-routes.js';
import { OnboardingView } from '../home/onboarding-view.js';
import { RecheckButton, recheckFlash } from '../home/recheck-routes.js';
import { UnitMenu, UnitMoreLinks } from '../home/unit-menu.js';
import { dashboardReaches, unitHeading } from '../home/words.js';

/**
 * The unit's staff home: one big "Tulis kabar", then what needs the user (returned drafts,
 * approvals, reconnects), unfinished drafts, what is scheduled, the last posts, and the
 * onboarding checklist with progress. Mounted by home-routes.tsx at GET /admin/unit/:slug.
 */
export function unitHome(deps: AppDeps) {
  return async (c: Context<AppEnv>) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const approval = await approvalRequired(deps.db, unit.id);
    const powers = writerPowers(actor, unit, approval);
    const [lists, onboarding, alerts, channels] = await Promise.all([
      listDrafts(deps.db, unit.id),
      getRule(deps.db, c.get('region')).then((rule) => onboardingChecklist(deps.db, { unitId: unit.id, now: deps.clock.now(), profileDoneMin: rule.profileCompletenessMin })),
      listChannelAlerts(deps.db, unit.id),
      listUnitChannels(deps.db, unit.id),
    ]);
    // Citizens' requests (issue 17): the unit's operators and head get a button to their inbox.
    const pelayanan = canHandle(actor, unit) ? await inboxBadge(deps.db, unit.id, deps.clock.now()) : null;
    const code = flashCode(c);
    let flash = recheckFlash(c, code) ?? (code ? homeFlash(code, deps, lists) : null);
    // A post taken back: its copies on social media stay, and the flash names where.
    const left = flash && (code === 'unpublished' || code === 'post_deleted') ? socialLeftNote(c.req.query('sosmed'), c.req.query('sosmed_hapus')) : null;
    if (flash && left) flash = { ...flash, text: `${flash.text} ${left}` };
    const slug = unit.slug;
    const late = lists.published.filter((d) => d.lateNote);
    const menu = { slug, canWrite: powers.canEdit, dashboard: dashboardReaches(actor, unit) };

    return c.html(
      <StaffLayout title={unit.name} actor={actor} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{unitHeading(unit)}</h1>
        <UnitMenu {...menu} />
        <PelayananHomeButton slug={slug} badge={pelayanan} />
        {powers.canEdit ? null : <p class="muted">{t('composer.home.read_only')}</p>}
        <OnboardingView slug={slug} steps={onboarding.steps} done={onboarding.done} total={onboarding.total} canWrite={powers.canEdit} />

        <ReconnectWarning slug={slug} data={{ alerts, channels: new Map(channels.map((ch) => [ch.id, ch])) }} canWrite={powers.canEdit} />
        {late.map((d) => (
          <div class="flash flash-info">
            <strong>{d.title}</strong>: {t('composer.home.late', { minutes: JSON.parse(d.lateNote!).minutes })}
          </div>
        ))}

        {lists.waiting.length > 0 ? (
          <section>
            <h2>{t('composer.home.waiting')}</h2>
            <DraftList slug={slug} drafts={lists.waiting} action={powers.canDecide ? t('composer.home.check') : t('composer.home.continue')} />
          </section>
        ) : null}

        {powers.canEdit ? (
          <section>
            <h2>{t('composer.home.drafts')}</h2>
            {lists.drafts.length === 0 ? <p class="muted">{t('composer.home.nothing')}</p> : <DraftList slug={slug} drafts={lists.drafts} action={t('composer.home.continue')} discard />}
          </section>
        ) : null}

        {lists.scheduled.length > 0 ? (
          <section>
            <h2>{t('composer.home.scheduled')}</h2>
            <ul class="draft-list">
              {lists.scheduled.map((d) => (
                <li>
                  <span class="name">{d.title}</span>
                  <span class="meta">{t('composer.home.scheduled_at', { time: formatDateTime(d.publishAt!) })}</span>
                  {powers.canEdit ? (
                    <a class="button secondary" href={draftUrl(slug, d.id)}>
                      {t('composer.home.change')}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {lists.published.length > 0 ? (
          <section>
            <h2>{t('composer.home.recent')}</h2>
            <ul class="draft-list">
              {lists.published.map((d) => (
                <li>
                  <span class="name">{d.title}</span>
                  <span class="meta">{formatDateTime(d.publishedAt ?? d.publishAt!)}</span>
                  <a href={draftUrl(slug, d.id)}>{t('composer.home.view')}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {can(actor, 'approve', unit) ? (
          <section class="card">
            <h2>{t('composer.home.approval_title')}</h2>
            <p>{approval ? t('composer.home.approval_on') : t('composer.home.approval_off')}</p>
            <form method="post" action={`/admin/unit/${slug}/persetujuan`}>
              <CsrfInput token={c.get('csrfToken')} />
              <input type="hidden" name="on" value={approval ? '0' : '1'} />
              <button type="submit" class="secondary">
                {approval ? t('composer.home.approval_turn_off') : t('composer.home.approval_turn_on')}
              </button>
            </form>
          </section>
        ) : null}

        {can(actor, 'write', unit) ? <RecheckButton slug={slug} csrf={c.get('csrfToken')} /> : null}

        <UnitMoreLinks {...menu} />
      </StaffLayout>,
    );
  };
}

/** `discard`: each draft also offers "Hapus draf" (only for the list of unfinished drafts). */
function DraftList(p: { slug: string; drafts: Draft[]; action: string; discard?: boolean }) {
  return (
    <ul class="draft-list">
      {p.drafts.map((d) => (
        <li class={d.status === 'returned' ? 'returned' : undefined}>
          <span class="name">{d.title.trim() || t('composer.home.untitled')}</span>
          <span class="meta">
            {t(`composer.tpl.${d.template}`)} · {d.status === 'returned' ? t('composer.home.returned') : t('composer.home.saved_at', { time: formatDateTime(d.updatedAt) })}
          </span>
          <div class="draft-actions">
            <a class="button secondary" href={draftUrl(p.slug, d.id)}>
              {p.action}
            </a>
            {p.discard ? (
              <a class="button secondary danger-outline" href={discardUrl(p.slug, d.id, true)} aria-label={`${t('composer.discard.link')}: ${d.title.trim() || t('composer.home.untitled')}`}>
                {t('composer.discard.link')}
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** On /admin: the pendamping's list and admin kota's broadcast, one tap from the start page. */
export function ComposerShortcuts({ actor }: { actor: Actor }) {
  const links: [string, string][] = [];
  if (actor.role === 'pendamping' || actor.role === 'admin_kota') links.push(['/admin/pendampingan', t('composer.nav.assist')]);
  if (actor.role === 'admin_kota') links.push(['/admin/siaran', t('composer.nav.broadcast')]);
  links.push(['/admin/panduan', t('composer.nav.guide')]);
  return <LinkList links={links} />;
}
