import { t } from '../../i18n/index.js';
import { platformName } from '../channels/index.js';

// What citizens can see of one delivery (#14 point 8), said the same way on every screen: the
// done page after "Terbitkan", the post's deliveries, the social-posts list. "Published" is not
// "public": a TikTok post of an app TikTok has not audited is visible to the account owner only,
// and it is never counted as shown to the public.

/** 'removed': it was out and has been deleted there through the API (#14 point 3). */
export type Audience = 'public' | 'owner_only' | 'waiting' | 'needs_person' | 'failed' | 'removed';

export interface AudienceInput {
  platform: string;
  state: string;
  visibility: string | null;
  reason: string | null;
  nextAttemptAt: string | null;
  /** The delivery's JSON snapshot (its TikTok privacy choice). */
  variant?: string | null;
  /** Whether the city's TikTok app passed TikTok's audit (config TIKTOK_APP_AUDITED). */
  tiktokAudited?: boolean;
}


export function audienceOf(d: Pick<AudienceInput, 'state' | 'visibility' | 'nextAttemptAt'>): Audience {
  switch (d.state) {
    case 'published':
      if (d.visibility === 'removed') return 'removed';
      return d.visibility === 'private_only' ? 'owner_only' : 'public';
    case 'failed':
      return 'failed';
    case 'manual_needed':
      return 'needs_person';
    case 'unconfirmed':
      // Beranda checks the account again by itself while a next check is planned.
      return d.nextAttemptAt ? 'waiting' : 'needs_person';
    default:
      return 'waiting';
  }
}

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

export interface AudienceCounts {
  total: number;
  public: number;
  ownerOnly: number;
  waiting: number;
  needsPerson: number;
  failed: number;
}

export function countAudiences(list: Pick<AudienceInput, 'state' | 'visibility' | 'nextAttemptAt'>[]): AudienceCounts {
  const c: AudienceCounts = { total: list.length, public: 0, ownerOnly: 0, waiting: 0, needsPerson: 0, failed: 0 };
  for (const d of list) {
    const a = audienceOf(d);
    if (a === 'public') c.public++;
    else if (a === 'owner_only') c.ownerOnly++;
    else if (a === 'waiting') c.waiting++;
    else if (a === 'needs_person') c.needsPerson++;
    // A copy deleted on purpose is neither shown nor a problem: only the total counts it.
    else if (a !== 'removed') c.failed++;
  }
  return c;
}

/** "2 dari 3 tampil untuk umum · 1 hanya pemilik akun": private posts are never counted as shown. */
export function audienceSummary(c: AudienceCounts): string {
  const parts = [t('delivery.summary.public', { n: c.public, total: c.total })];
  if (c.ownerOnly) parts.push(t('delivery.summary.owner_only', { n: c.ownerOnly }));
  if (c.waiting) parts.push(t('delivery.summary.waiting', { n: c.waiting }));
  if (c.needsPerson + c.failed) parts.push(t('delivery.summary.needs_person', { n: c.needsPerson + c.failed }));
  return parts.join(' · ');
}
