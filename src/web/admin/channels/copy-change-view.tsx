import type { DeliveryView } from '../../../modules/publishing/index.js';
import { t } from '../../../i18n/index.js';
import { CsrfInput } from '../../views/form.js';
import { kirimanUrl, platformLabel } from './paths.js';

// The status of the change asked of a social copy that is out (#14 point 3): "Teks di Facebook
// sudah diperbarui", "Gagal memperbarui di Facebook: …" with "Coba lagi" for those who may
// publish. Shown on the post's done page and on its Kiriman page (which stays after a delete).

export const changeRetryUrl = (slug: string, postId: string, deliveryId: string) => `${kirimanUrl(slug, postId)}/${deliveryId}/ubah-lagi`;

export function CopyChange(p: { slug: string; postId: string; d: DeliveryView; csrf: string; canPublish: boolean }) {
  const ch = p.d.change;
  if (!ch) return null;
  const platform = platformLabel(p.d.platform);
  const state = ch.state === 'sending' ? 'queued' : ch.state;
  // A queued change with a reason has failed once and waits for its next try.
  const key = state === 'queued' && ch.reasonCode ? 'retrying' : state;
  return (
    <div class={`copy-change change-${state}`} data-change={`${ch.kind}-${state}`}>
      <p class={state === 'failed' ? 'reason error' : 'reason'} role="status">
        {t(`social_change.${ch.kind}.${key}`, { platform, reason: ch.reason ?? '' })}
      </p>
      {state === 'failed' && p.canPublish ? (
        <form method="post" action={changeRetryUrl(p.slug, p.postId, p.d.id)}>
          <CsrfInput token={p.csrf} />
          <button type="submit" class="wide">
            {t('social_change.retry')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
