// What citizens can see of one delivery (#14 point 8), as a code the web says the same way on
// every screen (src/web/admin/channels/audience-words.ts): the done page after "Terbitkan", the
// post's deliveries, the social-posts list. "Published" is not
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
