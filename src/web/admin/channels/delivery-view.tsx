import type { ChannelRow } from '../../../modules/channels/index.js';
import { type DeliveryView, type UnitPostSummary, countAudiences } from '../../../modules/publishing/index.js';
import { audienceSummary, audienceText } from './audience-words.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import { CsrfInput } from '../../views/form.js';
import { CopyChange } from './copy-change-view.js';
import { kirimanUrl, kitUrl, platformLabel } from './paths.js';

// Where a post went: one card per channel with its state in plain words, the link to the live
// post, the reason when something needs a person, and the one action that helps.

// What citizens can see decides the colour: only "Tampil untuk umum" is green.
const AUDIENCE_CLASS: Record<DeliveryView['audience'], string> = { public: 'ok', owner_only: 'warn', waiting: 'plain', needs_person: 'warn', failed: 'err', removed: 'plain' };

export function PostDeliveries(p: { slug: string; postId: string; title?: string; deliveries: DeliveryView[]; channels: Map<string, ChannelRow>; canWrite: boolean; canPublish: boolean; csrf: string }) {
  return (
    <>
      <h1>{t('kiriman.post_title')}</h1>
      {p.title ? <p class="post-title">{p.title}</p> : null}
      <p class="muted">{audienceSummary(countAudiences(p.deliveries))}</p>
      <ul class="delivery-list">
        {p.deliveries.map((d) => {
          const ch = p.channels.get(d.channelId);
          const name = platformLabel(d.platform);
          return (
            <li id={`kiriman-${d.id}`} class={`delivery state-${d.state}`} data-platform={d.platform}>
              <p class="channel-head">
                <span class="name">
                  {name} {ch ? <span class="handle">@{ch.handle}</span> : null} {ch?.is_simulation ? <span class="badge">{t('kanal.simulation')}</span> : null}
                </span>
                <span class={`badge badge-${AUDIENCE_CLASS[d.audience]}`}>{audienceText(d)}</span>
              </p>
              {d.permalink ? (
                <p>
                  <a class="permalink" href={d.permalink} rel="noopener noreferrer">
                    {t('kiriman.permalink', { platform: name })}
                  </a>
                </p>
              ) : null}
              {d.reason && d.audience !== 'failed' ? <p class="reason">{d.reason}</p> : null}
              {d.nextAttemptAt && d.state !== 'published' ? <p class="muted">{t('kiriman.next_try', { time: formatDateTime(d.nextAttemptAt) })}</p> : null}
              <CopyChange slug={p.slug} postId={p.postId} d={d} csrf={p.csrf} canPublish={p.canPublish} />
              {p.canWrite ? <Actions slug={p.slug} postId={p.postId} d={d} name={name} csrf={p.csrf} canPublish={p.canPublish} account={ch ? { url: ch.profile_url, handle: ch.handle } : null} /> : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a class="button secondary wide" href={kirimanUrl(p.slug, p.postId)}>
          {t('kiriman.refresh')}
        </a>
      </p>
    </>
  );
}

function Actions(p: { slug: string; postId: string; d: DeliveryView; name: string; csrf: string; canPublish: boolean; account: { url: string; handle: string } | null }) {
  const { d } = p;
  // "Belum pasti" or a run that may have reached the platform: a person looks first, or the
  // post could appear twice (resendDelivery refuses without this tick).
  const mustCheck = d.state === 'unconfirmed';
  return (
    <div class="actions">
      {d.canResend && !p.canPublish ? <p class="muted">{t('kiriman.resend_publishers')}</p> : null}
      {d.canResend && p.canPublish ? (
        <form method="post" action={`${kirimanUrl(p.slug, p.postId)}/${d.id}/ulang`}>
          <CsrfInput token={p.csrf} />
          {mustCheck ? (
            <p class="check-first">
              {t('kiriman.retry_check_hint')}{' '}
              {p.account ? (
                <a class="account-link" href={p.account.url} target="_blank" rel="noopener noreferrer">
                  {t('kiriman.check_account_link', { platform: p.name, handle: p.account.handle })}
                </a>
              ) : null}
            </p>
          ) : null}
          {mustCheck ? (
            <label class="check">
              <input type="checkbox" name="checked" value="1" required /> {t('kiriman.retry_check', { platform: p.name })}
            </label>
          ) : null}
          <button type="submit" class="wide">
            {t('kiriman.retry')}
          </button>
        </form>
      ) : null}
      {d.canCompleteManually && !p.canPublish && !d.canResend ? <p class="muted">{t('kiriman.manual_publishers')}</p> : null}
      {d.canCompleteManually && p.canPublish ? (
        <a class={d.canResend ? 'button secondary wide' : 'button wide'} href={kitUrl(p.slug, p.postId, d.id)}>
          {t('kiriman.manual')}
        </a>
      ) : null}
    </div>
  );
}

export function UnitPosts(p: { slug: string; posts: UnitPostSummary[]; titles: Map<string, string> }) {
  return (
    <>
      <h1>{t('kiriman.title')}</h1>
      {p.posts.length === 0 ? <p class="card">{t('kiriman.none')}</p> : null}
      <ul class="unit-list">
        {p.posts.map((post) => (
          <li>
            <span class="name">{p.titles.get(post.postId) || post.excerpt || post.postId}</span>
            <span class="meta">
              {formatDateTime(post.createdAt)} · {audienceSummary(post.counts)}
            </span>
            {post.counts.needsPerson + post.counts.failed > 0 ? <span class="badge badge-warn">{t('kiriman.needs_person', { n: post.counts.needsPerson + post.counts.failed })}</span> : null}
            <div class="actions">
              <a href={kirimanUrl(p.slug, post.postId)}>{t('kiriman.see')}</a>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
