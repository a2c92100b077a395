import type { ChannelRow } from '../../../modules/channels/index.js';
import { formatDate, formatDateTime, t } from '../../../i18n/index.js';
import { CsrfInput, IdempotencyInput, ErrorSummary } from '../../views/form.js';
import { assetUrl } from '../../assets-route.js';
import { CONNECTABLE, REGISTRABLE, platformLabel } from './paths.js';

// The unit's social accounts: what is registered, what is connected, until when, and the one
// button that matters for each (connect, reconnect, or post by hand).

export interface RegistryViewProps {
  slug: string;
  channels: ChannelRow[];
  canWrite: boolean;
  csrf: string;
  /** Platforms whose OAuth app is configured (the others offer manual posting only). */
  connectable: Set<string>;
  form?: { platform: string; url: string; official: boolean; error: string | null };
}

export function RegistryView(p: RegistryViewProps) {
  return (
    <>
      <link rel="stylesheet" href={assetUrl('channels.css')} />
      <h1>{t('kanal.title')}</h1>
      <p class="muted">{t('kanal.intro')}</p>
      {p.channels.length === 0 ? <p class="card">{t('kanal.empty')}</p> : null}
      <ul class="channel-list">
        {p.channels.map((ch) => (
          <ChannelItem ch={ch} slug={p.slug} canWrite={p.canWrite} csrf={p.csrf} connectable={p.connectable.has(ch.platform)} />
        ))}
      </ul>
      {p.canWrite ? <RegisterForm slug={p.slug} csrf={p.csrf} form={p.form} /> : null}
    </>
  );
}

function ChannelItem(p: { ch: ChannelRow; slug: string; canWrite: boolean; csrf: string; connectable: boolean }) {
  const { ch } = p;
  const name = platformLabel(ch.platform);
  const stateClass = ch.state === 'connected' ? 'ok' : ch.state === 'needs_reconnect' ? 'err' : 'plain';
  return (
    <li id={`kanal-${ch.id}`} class={`channel state-${ch.state}`}>
      <p class="channel-head">
        <span class="name">
          {name} <span class="handle">@{ch.handle}</span>
        </span>
        <span class={`badge badge-${stateClass}`}>{t(`kanal.state.${ch.state}`)}</span>
        {ch.is_simulation ? <span class="badge">{t('kanal.simulation')}</span> : null}
      </p>
      {ch.display_name ? <p class="meta">{ch.display_name}</p> : null}
      <ul class="facts">
        <li>{ch.is_official ? t('kanal.official') : t('kanal.not_official')}</li>
        {ch.state === 'connected' ? (
          <li>{ch.token_expires_at ? t('kanal.token_expires', { date: formatDate(ch.token_expires_at) }) : t('kanal.token_no_expiry')}</li>
        ) : null}
        <li>
          {ch.last_post_seen_at ? (
            ch.last_post_url ? (
              <a href={ch.last_post_url} rel="noopener noreferrer">
                {t('kanal.last_post', { date: formatDateTime(ch.last_post_seen_at) })}
              </a>
            ) : (
              t('kanal.last_post', { date: formatDateTime(ch.last_post_seen_at) })
            )
          ) : (
            t('kanal.last_post_none')
          )}
        </li>
        <li>
          <a href={ch.profile_url} rel="noopener noreferrer">
            {t('kanal.open_profile')}
          </a>
        </li>
      </ul>
      {p.canWrite && CONNECTABLE.has(ch.platform) ? (
        <div class="actions">
          {ch.state !== 'connected' ? (
            p.connectable ? (
              <form method="post" action={`/admin/unit/${p.slug}/kanal/${ch.id}/hubungkan`}>
                <CsrfInput token={p.csrf} />
                <button type="submit" class="wide">
                  {ch.state === 'needs_reconnect' ? t('kanal.reconnect') : t('kanal.connect', { platform: name })}
                </button>
              </form>
            ) : (
              <p class="muted">{t('kanal.no_app', { platform: name })}</p>
            )
          ) : null}
          {ch.state !== 'registered' ? (
            <form method="post" action={`/admin/unit/${p.slug}/kanal/${ch.id}/putuskan`}>
              <CsrfInput token={p.csrf} />
              <button type="submit" class="secondary wide">
                {t('kanal.disconnect')}
              </button>
              <p class="hint muted">{t('kanal.disconnect_hint')}</p>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function RegisterForm(p: { slug: string; csrf: string; form?: RegistryViewProps['form'] }) {
  const f = p.form ?? { platform: 'facebook', url: '', official: true, error: null };
  return (
    <section class="card" aria-labelledby="daftar-akun">
      <h2 id="daftar-akun">{t('kanal.register.title')}</h2>
      <ErrorSummary errors={f.error ? [f.error] : []} />
      <form method="post" action={`/admin/unit/${p.slug}/kanal`}>
        <CsrfInput token={p.csrf} />
        <IdempotencyInput />
        <fieldset>
          <legend>{t('kanal.register.platform')}</legend>
          {REGISTRABLE.map((pl) => (
            <label class="check">
              <input type="radio" name="platform" value={pl} checked={f.platform === pl} /> {platformLabel(pl)}
            </label>
          ))}
        </fieldset>
        <div class={f.error ? 'field has-error' : 'field'}>
          <label for="f-url">{t('kanal.register.url')}</label>
          <p class="hint" id="f-url-hint">
            {t('kanal.register.url_hint')}
          </p>
          <input id="f-url" name="url" type="url" inputmode="url" value={f.url} required aria-describedby="f-url-hint" aria-invalid={f.error ? 'true' : undefined} />
        </div>
        <label class="check">
          <input type="checkbox" name="official" value="1" checked={f.official} /> {t('kanal.register.official')}
        </label>
        <button type="submit" class="wide">
          {t('kanal.register.submit')}
        </button>
      </form>
    </section>
  );
}
