import { t } from '../../../i18n/index.js';
import { platformName } from '../../../modules/channels/index.js';
import { type AudienceCounts, type AudienceInput, audienceOf } from '../../../modules/publishing/index.js';

// What citizens can see of a delivery, in words (issue 19 point 3: the publishing module answers
// the audience as a code, audienceOf; the done page, the post's deliveries and the social-posts
// list say it here, the same way everywhere).

/** The status in plain words, without the platform ("Tampil untuk umum", "Gagal: …"). */
export function audienceText(d: AudienceInput): string {
  const platform = platformName(d.platform);
  switch (audienceOf(d)) {
    case 'public':
      return t('delivery.audience.public');
    case 'owner_only':
      // An unaudited TikTok app can post "Hanya saya" only, whatever was chosen: that is the reason.
      if (d.platform === 'tiktok' && !d.tiktokAudited) return t('delivery.audience.owner_only_tiktok');
      return privacyChosen(d.variant) === 'SELF_ONLY' ? t('delivery.audience.owner_only_chosen') : t('delivery.audience.owner_only');
    case 'removed':
      return t('delivery.audience.removed', { platform });
    case 'failed':
      return d.reason ? t('delivery.audience.failed_reason', { reason: d.reason }) : t('delivery.audience.failed');
    case 'needs_person':
      return d.state === 'manual_needed' ? t('delivery.audience.manual') : t('delivery.audience.unsure', { platform });
    default:
      return d.state === 'waiting_platform' ? t('delivery.audience.waiting_platform', { platform }) : d.state === 'unconfirmed' ? t('delivery.audience.checking') : t('delivery.audience.waiting');
  }
}

/** One line, the platform's name first: "TikTok: Hanya pemilik akun (TikTok belum diaudit)". */
export const audienceLine = (d: AudienceInput): string => t('delivery.audience.line', { platform: platformName(d.platform), text: audienceText(d) });

function privacyChosen(variant: string | null | undefined): string | null {
  if (!variant) return null;
  try {
    return (JSON.parse(variant) as { privacyLevel?: string }).privacyLevel ?? null;
  } catch {
    return null;
  }
}

/** "2 dari 3 tampil untuk umum · 1 hanya pemilik akun": private posts are never counted as shown. */
export function audienceSummary(c: AudienceCounts): string {
  const parts = [t('delivery.summary.public', { n: c.public, total: c.total })];
  if (c.ownerOnly) parts.push(t('delivery.summary.owner_only', { n: c.ownerOnly }));
  if (c.waiting) parts.push(t('delivery.summary.waiting', { n: c.waiting }));
  if (c.needsPerson + c.failed) parts.push(t('delivery.summary.needs_person', { n: c.needsPerson + c.failed }));
  return parts.join(' · ');
}
