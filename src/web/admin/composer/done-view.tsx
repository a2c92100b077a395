import { type Actor, can } from '../../../modules/accounts/index.js';
import type { Draft } from '../../../modules/composer/index.js';
import { type ChannelRow, platformName } from '../../../modules/channels/index.js';
import { type DeliveryView, countAudiences } from '../../../modules/publishing/index.js';
import { audienceSummary, audienceText } from '../channels/audience-words.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { ManagePublished, SocialCopies } from './after-publish-view.js';

/** After "Terbitkan": it worked, here it is, this is what happens on each channel, what next. */
export function DonePage(p: { actor: Actor; unit: UnitRow; csrf: string; draft: Draft; publicPath: string | null; deliveries: DeliveryView[]; channels: ChannelRow[]; canPublish: boolean; flash?: string | null }) {
  const handles = new Map(p.channels.map((ch) => [ch.id, ch.handle]));
  // Demo channels publish to the built-in simulated platforms: never shown as if citizens saw it.
  const simulated = new Set(p.channels.filter((ch) => ch.is_simulation).map((ch) => ch.id));
  const late = p.draft.lateNote ? (JSON.parse(p.draft.lateNote) as { minutes: number; at: string }) : null;
  return (
    <StaffLayout title={t('composer.done.title')} actor={p.actor} csrfToken={p.csrf} back={{ href: `/admin/unit/${p.unit.slug}`, label: p.unit.name }} flash={p.flash ? { kind: 'ok', text: p.flash } : null}>
      <div class="done-banner" role="status">
        <span class="done-mark" aria-hidden="true">
          ✔
        </span>
        <h1>{t('composer.done.title')}</h1>
      </div>
      <p>{t('composer.done.body', { title: p.draft.title })}</p>
      <p class="muted">{formatDateTime(p.draft.publishedAt ?? p.draft.publishAt ?? p.draft.updatedAt)}</p>
      {late ? <div class="flash flash-info">{t('composer.done.late', { minutes: late.minutes, time: formatDateTime(late.at) })}</div> : null}
      {p.publicPath ? (
        <p>
          <a class="button wide big" href={p.publicPath}>
            {t('composer.done.view')}
          </a>
        </p>
      ) : null}
      <h2>{t('composer.done.channels')}</h2>
      {p.deliveries.length === 0 ? (
        <p class="muted">{p.channels.length === 0 ? t('composer.done.no_channels') : '—'}</p>
      ) : (
        <>
          <p class="muted">{audienceSummary(countAudiences(p.deliveries))}</p>
          {/* One line per account, the platform named first, saying what citizens can see. */}
          <ul class="delivery-lines">
            {p.deliveries.map((d) => (
              <li class={`audience-${d.audience}`} data-platform={d.platform}>
                <span class="name">
                  {platformName(d.platform)} {handles.has(d.channelId) ? <span class="handle">@{handles.get(d.channelId)}</span> : null}{' '}
                  {simulated.has(d.channelId) ? <span class="badge">{t('kanal.simulation')}</span> : null}
                </span>
                <span class="audience">{audienceText(d)}</span>
                {d.permalink ? (
                  <a href={d.permalink} rel="noopener noreferrer">
                    {t('kiriman.permalink', { platform: platformName(d.platform) })}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.draft.contentId && p.deliveries.length > 0 ? (
        <p>
          <a class="button secondary wide" href={`/admin/unit/${p.unit.slug}/kiriman/${encodeURIComponent(p.draft.contentId)}`}>
            {t('kiriman.see')}
          </a>
        </p>
      ) : null}
      {/* After publishing, staff stay in control (#14 point 3). */}
      <ManagePublished unit={p.unit} draft={p.draft} canPublish={p.canPublish} />
      {p.deliveries.length > 0 && p.draft.contentId ? <SocialCopies deliveries={p.deliveries} slug={p.unit.slug} postId={p.draft.contentId} csrf={p.csrf} canPublish={p.canPublish} /> : null}
      <h2>{t('composer.done.next')}</h2>
      <ul class="link-list">
        {can(p.actor, 'write', p.unit) ? (
          <li>
            <a href={`/admin/unit/${p.unit.slug}/tulis`}>{t('composer.done.write_another')}</a>
          </li>
        ) : null}
        <li>
          <a href={`/admin/unit/${p.unit.slug}`}>{t('composer.done.home')}</a>
        </li>
      </ul>
    </StaffLayout>
  );
}

/** What read-only roles (pimpinan, camat) see of a draft that is not out yet. */
export function ReadOnlyDraft(p: { actor: Actor; unit: UnitRow; csrf: string; draft: Draft }) {
  return (
    <StaffLayout title={p.draft.title || t('composer.home.untitled')} actor={p.actor} csrfToken={p.csrf} back={{ href: `/admin/unit/${p.unit.slug}`, label: p.unit.name }}>
      <h1>{p.draft.title || t('composer.home.untitled')}</h1>
      <p class="muted">
        {t(`composer.tpl.${p.draft.template}`)} · {p.draft.publishAt ? t('composer.home.scheduled_at', { time: formatDateTime(p.draft.publishAt) }) : t('composer.home.saved_at', { time: formatDateTime(p.draft.updatedAt) })}
      </p>
      <p class="preview-text">{p.draft.body}</p>
      <p class="muted">{t('composer.home.read_only')}</p>
    </StaffLayout>
  );
}

/** A draft id that is not (or no longer) in this unit: 404, said plainly, with the way back. */
export function DraftGone(p: { actor: Actor; unit: UnitRow; csrf: string }) {
  return (
    <StaffLayout title={t('composer.error.not_found')} actor={p.actor} csrfToken={p.csrf} back={{ href: `/admin/unit/${p.unit.slug}`, label: p.unit.name }}>
      <h1>{t('composer.error.not_found')}</h1>
      <p>{t('composer.flash.draft_gone')}</p>
      <p>
        <a class="button wide" href={`/admin/unit/${p.unit.slug}`}>
          {t('composer.done.home')}
        </a>
      </p>
    </StaffLayout>
  );
}
