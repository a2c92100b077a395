// The port every social platform adapter implements. Adapters speak HTTP to one platform and
// return our own outcome kinds; they know nothing of the job system or the database.
//
// IDEMPOTENCY CONTRACT (why no delivery is ever posted twice):
// 1. A publish is a sequence of named steps (e.g. "photo:0", "container", "publish"). Every id a
//    platform returns is handed to `ctx.record(key, id)`, which the caller persists durably BEFORE
//    the promise resolves; the adapter takes the next step only after that. On a re-run, a step
//    whose key is already in `ctx.steps` is never sent again: its recorded id is reused.
// 2. Before the one irreversible call (the call that makes the post visible), the adapter records
//    "<key>:attempt". If a re-run finds that marker without the step's id, the answer of the last
//    attempt was lost: the adapter refuses to send (returns `unconfirmed`), and the caller must
//    call `reconcile`, which only reads the platform (container status, recent posts). Only when
//    reconcile concludes "absent" may the marker be dropped and the call sent again.
// 3. A transport failure on the irreversible call (timeout, reset, 5xx) is `unconfirmed`, never
//    `retryable`, because the platform may have acted on it.
// Retry contract: `retryable` failures may be retried after `retryAfterMs` (the platform's own
// hint where it gives one); `reauth_required` and `rejected` must not be retried automatically.

export type Platform = 'facebook' | 'instagram' | 'tiktok';

export type FailureKind = 'retryable' | 'reauth_required' | 'rejected' | 'unconfirmed';

/** Stable reason codes; the Indonesian text lives in src/i18n/messages/channels.ts. */
export type FailureCode =
  | 'token_expired'
  | 'permission_missing'
  | 'rate_limited'
  | 'daily_limit'
  | 'platform_error'
  | 'network'
  | 'outcome_unknown'
  | 'duplicate'
  | 'media_rejected'
  | 'media_unreachable'
  | 'url_not_verified'
  | 'caption_too_long'
  | 'too_many_images'
  | 'policy_blocked'
  | 'container_failed'
  | 'container_expired'
  | 'private_account_required'
  | 'privacy_mismatch'
  | 'privacy_required'
  | 'app_user_cap'
  | 'update_app'
  | 'invalid_request'
  | 'no_images'
  | 'stuck'
  | 'not_connected'
  | 'post_gone'
  | 'unknown';

export interface ProviderFailure {
  kind: FailureKind;
  code: FailureCode;
  /** Plain Indonesian for staff. */
  reason: string;
  /** From the platform (Retry-After, estimated_time_to_regain_access, quota window) where it says. */
  retryAfterMs?: number;
  /** For logs and support only, never shown as the reason: the platform's code, message and trace id. */
  platformCode?: string;
  platformMessage?: string;
  traceId?: string;
}

export type ProviderResult<T> = { ok: true; value: T } | { ok: false; failure: ProviderFailure };

export const pOk = <T>(value: T): ProviderResult<T> => ({ ok: true, value });
export const pFail = <T = never>(failure: ProviderFailure): ProviderResult<T> => ({ ok: false, failure });

/** The connected account as the adapter needs it: platform-side id and a decrypted token. */
export interface ProviderAccount {
  /** Page id (Facebook), IG user id (Instagram), open_id (TikTok). */
  platformAccountId: string;
  accessToken: string;
  /** Username without "@", for permalinks and matching. */
  handle?: string;
}

/** What to publish on one channel, already tailored to the platform by the composer. */
export interface PostVariant {
  caption: string;
  link?: string;
  /** Public URLs the platform can fetch (signed, time-limited media URLs). */
  imageUrls: string[];
  altTexts?: string[];
  /** TikTok photo title (≤ 90 characters). */
  title?: string;
  /** TikTok: one of creator_info.privacy_level_options, chosen by the user (no default). */
  privacyLevel?: string;
}

export interface PublishedPost {
  platformPostId: string;
  permalink: string | null;
  publishedAt?: string;
  /** 'private_only': visible to the owner only (unaudited TikTok app), shown to staff, not hidden. */
  visibility?: 'public' | 'private_only';
}

export type PublishOutcome =
  | { status: 'published'; post: PublishedPost }
  /** The platform is still processing; call publish again later with the same steps. */
  | { status: 'waiting'; retryAfterMs: number };

export type ReconcileOutcome =
  | { status: 'found'; post: PublishedPost }
  /**
   * Nothing was lost: either proven not posted (the adapter dropped the stale marker through
   * ctx.forget) or the recorded ids suffice for publish() to carry on without resending.
   */
  | { status: 'absent' }
  /** Cannot tell (yet): keep the delivery "belum pasti" and check again later or ask a human. */
  | { status: 'unknown' };

export interface RecentPost {
  platformPostId: string;
  permalink: string | null;
  text: string;
  publishedAt: string;
}

export interface PublishContext {
  account: ProviderAccount;
  /** Ids and markers recorded by earlier runs of this delivery (read-only view; record to change). */
  readonly steps: Readonly<Record<string, string>>;
  /** Persist durably, then resolve. The adapter must not take the next step before this resolves. */
  record(key: string, value: string): Promise<void>;
  /** Remove keys (markers proven stale by reconcile, containers that expired). */
  forget(keys: string[]): Promise<void>;
  now(): Date;
  /** Tells the caller the run is alive (between status polls), so its hold on the delivery lasts. */
  renew?(): Promise<void>;
  /**
   * Test seam for crash tests: called at every step boundary ("before:<key>", "attempted:<key>",
   * "sent:<key>", "stored:<key>", "poll:<key>"). Production passes nothing.
   */
  checkpoint?(boundary: string): void | Promise<void>;
}

export interface SocialProvider {
  readonly platform: Platform;
  publish(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<PublishOutcome>>;
  /** Read-only: did an attempt whose answer was lost actually create the post? */
  reconcile(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<ReconcileOutcome>>;
  listRecent(account: ProviderAccount, opts?: { limit?: number }): Promise<ProviderResult<RecentPost[]>>;
  /**
   * TikTok only: the account's creator info, queried when the post is written, so the composer
   * offers exactly the privacy levels TikTok allows this account (and says when only "Hanya saya"
   * is possible). Added by staff-compose for #14 point 8; other platforms leave it out.
   */
  /**
   * Change the text of a post that is out (only where the descriptor's afterPublish.editText).
   * Safe to repeat: sending the same text twice leaves the same post.
   */
  updatePostText?(account: ProviderAccount, platformPostId: string, text: string): Promise<ProviderResult<void>>;
  /**
   * Delete a post that is out (only where afterPublish.delete). A post that no longer exists
   * counts as deleted, so a repeated call after a lost answer ends well.
   */
  deletePost?(account: ProviderAccount, platformPostId: string): Promise<ProviderResult<void>>;
  creatorInfo?(account: ProviderAccount): Promise<ProviderResult<{ privacyLevelOptions: string[]; privateOnly: boolean }>>;
}

/** True when an earlier run attempted an irreversible step and never learnt its result. */
export function pendingAttempts(steps: Readonly<Record<string, string>>): string[] {
  return Object.keys(steps)
    .filter((k) => k.endsWith(':attempt'))
    .map((k) => k.slice(0, -':attempt'.length))
    .filter((k) => steps[k] === undefined);
}
