import type { ChannelRow, PostVariant } from '../../../modules/channels/index.js';
import type { DeliveryView } from '../../../modules/publishing/index.js';
import { t } from '../../../i18n/index.js';
import { assetUrl } from '../../assets-route.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { platformLabel } from './paths.js';

// The manual posting kit (docs/reference/platform-apis.md §3): the photos already in the platform's size, the
// caption ready to copy, a button that opens the platform, and "Sudah diposting" with the link,
// which the server checks against the registered account before recording it.

export interface KitProps {
  action: string;
  delivery: DeliveryView;
  channel: ChannelRow;
  variant: PostVariant;
  /** Signed, same-origin URLs of the variant's photos. */
  images: string[];
  csrf: string;
  canWrite: boolean;
  link: string;
  error: string | null;
}

export function ManualKit(p: KitProps) {
  const name = platformLabel(p.channel.platform);
  const caption = p.channel.platform === 'tiktok' && p.variant.title ? `${p.variant.title}\n\n${p.variant.caption}` : p.variant.caption;
  const done = p.delivery.state === 'published';
  return (
    <>
      <link rel="stylesheet" href={assetUrl('channels.css')} />
      <h1>{t('kit.title', { platform: name })}</h1>
      <p class="muted">{t('kit.account', { handle: `@${p.channel.handle}` })}</p>
      {done ? (
        <p class="flash flash-ok">
          {t('kit.done', { link: '' })}
          <a href={p.delivery.permalink ?? '#'} rel="noopener noreferrer">
            {p.delivery.permalink}
          </a>
        </p>
      ) : (
        <p>{p.delivery.reason ?? t('kit.intro', { platform: name })}</p>
      )}
      <ErrorSummary errors={p.error ? [p.error] : []} />

      <section class="kit-step" aria-labelledby="langkah-1">
        <h2 id="langkah-1">{t('kit.step1')}</h2>
        {p.images.length === 0 ? (
          <p>{t('kit.no_images')}</p>
        ) : (
          <>
            <p class="muted">{t('kit.step1_hint', { platform: name })}</p>
            <div class="kit-images">
              {p.images.map((src, i) => (
                <figure>
                  <img src={src} alt={p.variant.altTexts?.[i] || t('kit.download', { n: i + 1 })} loading="lazy" />
                  <a href={src} download={`foto-${i + 1}.jpg`}>
                    {t('kit.download', { n: i + 1 })}
                  </a>
                </figure>
              ))}
            </div>
          </>
        )}
      </section>

      <section class="kit-step" aria-labelledby="langkah-2">
        <h2 id="langkah-2">{t('kit.step2')}</h2>
        <label for="teks-kit">{t('kit.caption_label', { platform: name })}</label>
        <p class="hint muted">{t('kit.step2_hint')}</p>
        <textarea id="teks-kit" class="kit-caption" readonly>
          {caption}
        </textarea>
        <button type="button" class="secondary wide" data-copy="teks-kit" data-copied={t('kit.copied')} hidden>
          {t('kit.copy')}
        </button>
      </section>

      <section class="kit-step" aria-labelledby="langkah-3">
        <h2 id="langkah-3">{t('kit.step3')}</h2>
        <p>
          <a class="button secondary wide" href={p.channel.profile_url} rel="noopener noreferrer" target="_blank">
            {t('kit.open', { platform: name })}
          </a>
        </p>
        {p.canWrite && !done ? (
          <form method="post" action={p.action}>
            <CsrfInput token={p.csrf} />
            <div class={p.error ? 'field has-error' : 'field'}>
              <label for="f-link">{t('kit.link_label')}</label>
              <p class="hint" id="f-link-hint">
                {t('kit.link_hint')}
              </p>
              <input id="f-link" name="link" type="url" inputmode="url" value={p.link} required aria-describedby="f-link-hint" aria-invalid={p.error ? 'true' : undefined} />
            </div>
            <button type="submit" class="wide">
              {t('kit.submit')}
            </button>
          </form>
        ) : null}
      </section>
      <script src={assetUrl('copy-text.js')} defer></script>
    </>
  );
}
