import { failure, httpRequest, retryAfterHeader, type HttpDeps } from './http.js';
import { asRecord, type JsonRecord, recordsOf } from '../../../shared/json-record.js';
import { idString, parsePlatformJson } from './platform-json.js';
import { type CallGate, RateGate, tokenWindowKey } from './rate-gate.js';
import type {
  FailureCode,
  PostVariant,
  ProviderAccount,
  ProviderFailure,
  ProviderResult,
  PublishContext,
  PublishOutcome,
  ReconcileOutcome,
  RecentPost,
  SocialProvider,
} from './social-provider.js';
import { pFail, pOk } from './social-provider.js';
import { irreversibleStep, onIrreversible, sameText } from './step.js';
import { tiktokPlatform } from './tiktok-platform.js';

export { tiktokPlatform };

// TikTok adapter (docs/reference/platform-apis.md §2c): creator_info → content/init (PHOTO, PULL_FROM_URL) →
// status/fetch. Post ids exceed 2^53, so every body is parsed with parsePlatformJson. An app
// that has not passed TikTok's audit may only post "SELF_ONLY" to private accounts; that is
// reported as data (visibility 'private_only', creatorInfo().privateOnly), never hidden.

export interface TikTokDeps extends HttpDeps {
  /** e.g. https://open.tiktokapis.com (config TIKTOK_API_BASE). */
  tiktokBase: string;
  /** Whether the city's TikTok app passed the Content Posting audit (admin setting). */
  audited?: boolean;
  pollIntervalMs?: number;
  maxPolls?: number;
  sleep?(ms: number): Promise<void>;
  now?(): number;
  /**
   * The call windows, shared so limits hold across deliveries: by the provider instances of one
   * process (RateGate) or by every worker on PostgreSQL (pgCallGate, issue 18).
   */
  gate?: CallGate;
}

/**
 * Documented limits, requests per one-minute sliding window (docs/reference/platform-apis.md §2c):
 * creator_info 20, content init 6, status fetch 30 per user token; video/list 600 (TikTok's
 * default per-endpoint limit).
 */
const LIMITS = { creator: 20, init: 6, status: 30, list: 600 } as const;
/**
 * The minute, counted a second longer: a call reaches TikTok a little after its reserved start
 * (a database round trip, a timer firing late), and TikTok's window is counted from arrival.
 */
const WINDOW_MS = 61_000;
/** A call that would wait longer for its window goes back to the queue rather than hold a worker. */
const MAX_GATE_WAIT_MS = 15_000;
const DAY = 86_400_000;

export interface TikTokCreatorInfo {
  username: string;
  nickname: string;
  avatarUrl: string | null;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  /** True when posts can only be "Hanya saya" (unaudited app): the composer must say so. */
  privateOnly: boolean;
}

export function classifyTikTokError(status: number, code: string, message: string, logId?: string, headers?: Headers): ProviderFailure {
  const extra = { platformCode: code || `http ${status}`, platformMessage: message, ...(logId ? { traceId: logId } : {}) };
  const f = (kind: ProviderFailure['kind'], c: FailureCode, retryAfterMs?: number) =>
    failure('tiktok', kind, c, retryAfterMs === undefined ? extra : { ...extra, retryAfterMs });
  if (code === 'access_token_invalid') return f('reauth_required', 'token_expired');
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed') return f('reauth_required', 'permission_missing');
  if (code === 'rate_limit_exceeded' || status === 429) {
    return f('retryable', 'rate_limited', (headers && retryAfterHeader(headers, new Date())) ?? 60_000);
  }
  if (code === 'spam_risk_too_many_posts' || code === 'spam_risk_too_many_pending_share') return f('retryable', 'daily_limit', DAY);
  if (code === 'reached_active_user_cap') return f('retryable', 'app_user_cap', DAY);
  if (code.startsWith('spam_risk')) return f('rejected', 'policy_blocked');
  if (code === 'unaudited_client_can_only_post_to_private_accounts') return f('rejected', 'private_account_required');
  if (code === 'url_ownership_unverified') return f('rejected', 'url_not_verified');
  if (code === 'privacy_level_option_mismatch') return f('rejected', 'privacy_mismatch');
  if (code === 'app_version_check_failed') return f('rejected', 'update_app');
  if (code.startsWith('invalid_param')) return f('rejected', 'invalid_request');
  if (code === 'internal_error' || code === 'internal' || status >= 500) return f('retryable', 'platform_error', 5 * 60_000);
  return f('rejected', 'unknown');
}

function classifyFailReason(reason: string): ProviderFailure {
  const extra = { platformCode: reason, platformMessage: reason };
  if (/size_check|format_check|frame_rate|duration_check/.test(reason)) return failure('tiktok', 'rejected', 'media_rejected', extra);
  if (/pull_failed/.test(reason)) return failure('tiktok', 'rejected', 'media_unreachable', extra);
  if (reason.startsWith('spam_risk')) return failure('tiktok', 'rejected', 'policy_blocked', extra);
  return failure('tiktok', 'retryable', 'platform_error', { ...extra, retryAfterMs: 5 * 60_000 });
}

export function tiktokProvider(deps: TikTokDeps) {
  const base = deps.tiktokBase.replace(/\/+$/, '');
  const pollMs = deps.pollIntervalMs ?? 3_000; // 30 status calls/min per token allows one per 2 s
  // A few polls per run, then "waiting": moderation can take minutes, a worker slot must not.
  const maxPolls = deps.maxPolls ?? 4;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const gate = deps.gate ?? new RateGate(deps.now);

  async function api(
    kind: keyof typeof LIMITS,
    path: string,
    token: string,
    body: unknown,
    irreversible = false,
  ): Promise<ProviderResult<JsonRecord>> {
    // Short waits are sat out; a long one is answered the way TikTok's own rate_limit_exceeded is
    // (retryable, rate_limited, with the wait), so the delivery cools the channel down and retries.
    const slot = await gate.reserve(tokenWindowKey(token, kind), LIMITS[kind], WINDOW_MS, MAX_GATE_WAIT_MS);
    if (!slot.reserved) return pFail(failure('tiktok', 'retryable', 'rate_limited', { retryAfterMs: slot.waitMs }));
    if (slot.waitMs > 0) await sleep(slot.waitMs);
    const t = await httpRequest(
      `${base}${path}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
        body: body === undefined ? '' : JSON.stringify(body),
      },
      deps,
    );
    if (!t.ok) {
      return pFail(
        irreversible
          ? failure('tiktok', 'unconfirmed', 'outcome_unknown', { platformMessage: `${t.error}: ${t.message}` })
          : failure('tiktok', 'retryable', 'network', { platformMessage: `${t.error}: ${t.message}`, retryAfterMs: 60_000 }),
      );
    }
    let parsed: unknown = null;
    try {
      parsed = parsePlatformJson(t.res.text);
    } catch {
      parsed = null;
    }
    if (t.res.status >= 200 && t.res.status < 300 && (!parsed || typeof parsed !== 'object')) {
      // TikTok answered 2xx but the body cannot be read: it may have acted. Never a refusal; on
      // content/init the outcome is unknown, so the delivery looks for the post before any retry.
      const f = failure('tiktok', 'retryable', 'platform_error', { platformCode: `http ${t.res.status}`, platformMessage: `unreadable ${t.res.status} body: ${t.res.text.slice(0, 200)}`, retryAfterMs: 60_000 });
      return pFail(irreversible ? onIrreversible('tiktok', f) : f);
    }
    const error = asRecord(asRecord(parsed)?.error);
    const code = String(error?.code ?? (t.res.status === 200 ? 'ok' : ''));
    // `data` that is not an object has no fields to read: the same as an empty one.
    if (t.res.status === 200 && code === 'ok' && parsed) return pOk(asRecord(asRecord(parsed)?.data) ?? {});
    const f = classifyTikTokError(t.res.status, code, String(error?.message ?? ''), error?.log_id ? String(error.log_id) : undefined, t.res.headers);
    return pFail(irreversible ? onIrreversible('tiktok', f) : f);
  }

  async function creatorInfo(account: ProviderAccount): Promise<ProviderResult<TikTokCreatorInfo>> {
    const r = await api('creator', '/v2/post/publish/creator_info/query/', account.accessToken, undefined);
    if (!r.ok) return r;
    const d = r.value;
    const options: string[] = Array.isArray(d.privacy_level_options) ? d.privacy_level_options.map(String) : [];
    return pOk({
      username: String(d.creator_username ?? ''),
      nickname: String(d.creator_nickname ?? ''),
      avatarUrl: d.creator_avatar_url ? String(d.creator_avatar_url) : null,
      privacyLevelOptions: options,
      commentDisabled: d.comment_disabled === true,
      duetDisabled: d.duet_disabled === true,
      stitchDisabled: d.stitch_disabled === true,
      privateOnly: deps.audited !== true || (options.length > 0 && options.every((o) => o === 'SELF_ONLY')),
    });
  }

  async function listRecent(account: ProviderAccount, opts: { limit?: number } = {}): Promise<ProviderResult<RecentPost[]>> {
    const r = await api('list', '/v2/video/list/?fields=id,create_time,title,video_description,share_url', account.accessToken, {
      max_count: Math.min(20, opts.limit ?? 20),
    });
    if (!r.ok) return r;
    const videos = recordsOf(r.value.videos);
    return pOk(
      videos.map((v) => ({
        platformPostId: idString(v.id) ?? '',
        permalink: v.share_url ? String(v.share_url) : null,
        text: String(v.video_description || v.title || ''),
        publishedAt: new Date(Number(v.create_time) * 1000).toISOString(),
      })),
    );
  }

  const provider: SocialProvider & { creatorInfo: typeof creatorInfo } = {
    platform: 'tiktok',
    listRecent,
    creatorInfo,

    async publish(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<PublishOutcome>> {
      const token = ctx.account.accessToken;
      if (variant.imageUrls.length === 0) return pFail(failure('tiktok', 'rejected', 'no_images'));
      if (variant.imageUrls.length > tiktokPlatform.media.maxImages) return pFail(failure('tiktok', 'rejected', 'too_many_images'));

      if (!ctx.steps.publish_id && !ctx.steps['publish_id:attempt']) {
        const info = await creatorInfo(ctx.account);
        if (!info.ok) return info;
        // Unaudited apps may only post SELF_ONLY; otherwise the user's choice, which has no default.
        const privacy = info.value.privateOnly ? 'SELF_ONLY' : variant.privacyLevel;
        if (!privacy) return pFail(failure('tiktok', 'rejected', 'privacy_required'));
        if (info.value.privacyLevelOptions.length > 0 && !info.value.privacyLevelOptions.includes(privacy)) {
          return pFail(failure('tiktok', 'rejected', 'privacy_mismatch'));
        }
        if (ctx.steps.privacy !== privacy) await ctx.record('privacy', privacy);
        if (info.value.username && ctx.steps.username !== info.value.username) await ctx.record('username', info.value.username);
      }

      const pub = await irreversibleStep('tiktok', ctx, 'publish_id', async () => {
        const r = await api(
          'init',
          '/v2/post/publish/content/init/',
          token,
          {
            media_type: 'PHOTO',
            post_mode: 'DIRECT_POST',
            post_info: {
              // The runner refused anything longer before this call; no silent cut here.
              title: variant.title ?? variant.caption.slice(0, tiktokPlatform.caption.titleMaxChars!),
              description: variant.caption,
              privacy_level: ctx.steps.privacy,
              disable_comment: false,
              auto_add_music: true,
              brand_content_toggle: false,
              brand_organic_toggle: false,
            },
            source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: variant.imageUrls },
          },
          true,
        );
        if (!r.ok) return r;
        const id = idString(r.value.publish_id);
        return id ? pOk(id) : pFail(failure('tiktok', 'unconfirmed', 'outcome_unknown', { platformMessage: 'no publish_id' }));
      });
      if (!pub.ok) return pub;

      const privateOnly = ctx.steps.privacy === 'SELF_ONLY';
      for (let poll = 0; poll < maxPolls; poll++) {
        if (poll > 0) await sleep(pollMs);
        await ctx.checkpoint?.('poll:publish_id');
        await ctx.renew?.();
        const s = await api('status', '/v2/post/publish/status/fetch/', token, { publish_id: pub.value });
        if (!s.ok) return s;
        const status = String(s.value.status ?? '');
        if (status === 'PUBLISH_COMPLETE') {
          const ids: unknown[] = Array.isArray(s.value.publicaly_available_post_id) ? s.value.publicaly_available_post_id : [];
          const postId = ids.length > 0 ? idString(ids[0]) : null;
          const handle = ctx.steps.username || ctx.account.handle;
          return pOk({
            status: 'published',
            post: {
              // SELF_ONLY posts never get a public id; the publish id is then the only handle we have.
              platformPostId: postId ?? pub.value,
              permalink: postId && handle ? `https://www.tiktok.com/@${handle}/photo/${postId}` : null,
              visibility: privateOnly ? 'private_only' : 'public',
            },
          });
        }
        if (status === 'FAILED') {
          // TikTok made no post; forget the attempt so a resend (automatic or by staff) starts fresh.
          await ctx.forget(['publish_id', 'publish_id:attempt']);
          return pFail(classifyFailReason(String(s.value.fail_reason ?? '')));
        }
      }
      return pOk({ status: 'waiting', retryAfterMs: Math.max(pollMs, 30_000) });
    },

    async reconcile(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<ReconcileOutcome>> {
      if (ctx.steps.publish_id) {
        // The publish id is known: publish() will follow it with status/fetch; nothing was lost.
        await ctx.forget(['publish_id:attempt']);
        return pOk({ status: 'absent' });
      }
      const since = Date.parse(ctx.steps['publish_id:attempt'] ?? '') || 0;
      const recent = await listRecent(ctx.account);
      if (!recent.ok) return recent;
      const match = recent.value.find(
        (p) => (sameText(p.text, variant.caption) || sameText(p.text, variant.title)) && Date.parse(p.publishedAt) >= since - 120_000,
      );
      if (match) {
        return pOk({ status: 'found', post: { platformPostId: match.platformPostId, permalink: match.permalink, visibility: 'public' } });
      }
      // TikTok lists only public, moderated posts and has no idempotency key: absence proves nothing.
      return pOk({ status: 'unknown' });
    },
  };
  return provider;
}
