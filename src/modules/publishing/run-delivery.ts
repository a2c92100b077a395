import { t } from '../../i18n/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import {
  type ChannelRow,
  type PostVariant,
  type ProviderFailure,
  type PublishContext,
  type PublishedPost,
  type SocialProvider,
  getChannel,
  platformName,
  insertActivity,
  markNeedsReconnect,
  pendingAttempts,
  providerAccountOf,
  refreshChannelToken,
  updateChannel,
} from '../channels/index.js';
import { captionProblemTexts, checkCaption } from '../publishing-captions/index.js';
import { DEFAULT_POLICY, type DeliveryPolicy, type PublishingDeps } from './deps.js';
import { type DeliveryRow, claimDelivery, forgetSteps, getDelivery, loadSteps, recordStep, updateDelivery } from './delivery-repo.js';

// One run of one delivery: a step machine that may be interrupted anywhere and resumed by
// another worker. Safety rests on three rules:
// - every id the platform returns is written to delivery_steps before the next step
//   (ctx.record awaits the database write; see the SocialProvider contract);
// - an irreversible call is preceded by a stored "attempt" marker; a run that finds a marker
//   without an id reconciles against the account (read-only) before anything is sent again;
// - only `retryable` failures are retried, with backoff or the platform's own wait, and a rate
//   limit cools down the whole account so sibling deliveries do not hammer it.
// Safe to run twice, concurrently or after a crash: the lease in claimDelivery admits one run.

export type RunDeliveryError = 'not_found' | 'not_due';

export interface RunOutcome {
  state: DeliveryRow['state'];
  reasonCode: string | null;
  permalink: string | null;
}

const COOL_DOWN_CODES = new Set(['rate_limited', 'daily_limit', 'app_user_cap']);
const MANUAL_CODES = new Set(['private_account_required', 'url_not_verified']);

export async function runDelivery(deps: PublishingDeps, deliveryId: string): Promise<Result<RunOutcome, RunDeliveryError>> {
  const policy: DeliveryPolicy = { ...DEFAULT_POLICY, ...deps.policy };
  const { db, clock } = deps;
  const start = clock.now();
  if (!(await claimDelivery(db, deliveryId, iso(start), iso(new Date(start.getTime() + policy.leaseMs))))) {
    return (await getDelivery(db, deliveryId)) ? err('not_due') : err('not_found');
  }
  const d = (await getDelivery(db, deliveryId))!;
  const now = () => clock.now();
  const at = (ms: number) => iso(new Date(now().getTime() + ms));
  const platformLabel = platformName(d.platform);

  async function finish(patch: Parameters<typeof updateDelivery>[2]): Promise<Result<RunOutcome, RunDeliveryError>> {
    await updateDelivery(db, d.id, { ...patch, locked_until: null, updated_at: iso(now()) });
    const after = (await getDelivery(db, d.id))!;
    return ok({ state: after.state, reasonCode: after.reason_code, permalink: after.permalink });
  }
  const reason = (code: string) => t(`channels.failure.${code}`, { platform: platformLabel });

  let channel: ChannelRow | undefined = await getChannel(db, d.channel_id);
  const provider: SocialProvider | undefined = deps.providers[d.platform as keyof typeof deps.providers];
  if (!channel || !provider || channel.state === 'registered') {
    return finish({ state: 'manual_needed', reason_code: 'not_connected', reason: reason('not_connected'), next_attempt_at: null });
  }
  if (channel.state === 'needs_reconnect') {
    return finish({ state: 'failed', reason_code: 'token_expired', reason: reason('token_expired'), next_attempt_at: null });
  }
  if (channel.cooldown_until && channel.cooldown_until > iso(now())) {
    return finish({ state: d.state === 'sending' ? 'queued' : d.state, next_attempt_at: channel.cooldown_until });
  }
  if (channel.platform === 'tiktok' && channel.token_expires_at && Date.parse(channel.token_expires_at) - now().getTime() < policy.refreshBeforeMs) {
    await refreshChannelToken(deps, channel.id);
    channel = (await getChannel(db, channel.id))!;
  }
  let account = providerAccountOf(channel, deps.tokenKey);
  if (!account) {
    await markNeedsReconnect(deps, channel);
    return finish({ state: 'failed', reason_code: 'token_expired', reason: reason('token_expired'), next_attempt_at: null });
  }

  // Progress renews the lease; a run that stops (crash) lets it lapse within leaseMs.
  const renew = () => updateDelivery(db, d.id, { locked_until: at(policy.leaseMs) });
  const variant = JSON.parse(d.variant) as PostVariant;
  const steps = await loadSteps(db, d.id);
  const ctx: PublishContext = {
    get account() {
      return account!;
    },
    get steps() {
      return steps;
    },
    async record(key, value) {
      await recordStep(db, d.id, key, value, iso(now()));
      steps[key] = value;
      await renew();
    },
    renew,
    async forget(keys) {
      await forgetSteps(db, d.id, keys);
      for (const k of keys) delete steps[k];
    },
    now,
    ...(deps.faults ? { checkpoint: (b: string) => deps.faults!(b, d.id) } : {}),
  };
  if (d.state === 'queued') await updateDelivery(db, d.id, { state: 'sending', updated_at: iso(now()) });

  async function published(post: PublishedPost): Promise<Result<RunOutcome, RunDeliveryError>> {
    const publishedAt = post.publishedAt ?? iso(now());
    await insertActivity(db, {
      unit_id: d.unit_id,
      channel_id: d.channel_id,
      platform: d.platform,
      platform_post_id: post.platformPostId,
      permalink: post.permalink,
      excerpt: variant.caption.slice(0, 280),
      published_at: publishedAt,
      source: 'beranda',
      delivery_id: d.id,
      created_at: iso(now()),
    });
    await updateChannel(db, d.channel_id, { last_post_seen_at: publishedAt, ...(post.permalink ? { last_post_url: post.permalink } : {}) });
    const privateOnly = post.visibility === 'private_only';
    return finish({
      state: 'published',
      platform_post_id: post.platformPostId,
      permalink: post.permalink,
      visibility: post.visibility ?? 'public',
      published_at: publishedAt,
      next_attempt_at: null,
      waiting_since: null,
      reason_code: privateOnly ? 'private_only' : null,
      reason: privateOnly ? t('channels.notice.private_only') : null,
    });
  }

  async function failed(f: ProviderFailure): Promise<Result<RunOutcome, RunDeliveryError>> {
    const detail = JSON.stringify({ code: f.platformCode, message: f.platformMessage, trace: f.traceId });
    const base = { reason_code: f.code as string, reason: f.reason, platform_detail: detail };
    if (f.kind === 'reauth_required') {
      await markNeedsReconnect(deps, channel!);
      return finish({ ...base, state: 'failed', next_attempt_at: null });
    }
    if (f.kind === 'rejected') {
      return finish({ ...base, state: MANUAL_CODES.has(f.code) ? 'manual_needed' : 'failed', next_attempt_at: null });
    }
    if (f.kind === 'unconfirmed') {
      return finish({ ...base, state: 'unconfirmed', next_attempt_at: at(policy.unconfirmedCheckMs) });
    }
    // retryable
    const cooling = COOL_DOWN_CODES.has(f.code);
    if (cooling && f.retryAfterMs) await updateChannel(db, d.channel_id, { cooldown_until: at(f.retryAfterMs) });
    const attempts = d.attempts + (cooling ? 0 : 1);
    if (attempts >= policy.maxAttempts) {
      return finish({
        ...base,
        attempts,
        state: 'failed',
        next_attempt_at: null,
        reason_code: 'gave_up',
        reason: t('channels.delivery.gave_up', { attempts }),
      });
    }
    const jitter = 0.8 + 0.4 * (deps.random ?? Math.random)();
    const backoff = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempts - 1)) * jitter;
    const wait = Math.max(f.retryAfterMs ?? 0, cooling ? 0 : backoff);
    return finish({
      ...base,
      attempts,
      state: pendingAttempts(steps).length > 0 ? 'unconfirmed' : 'queued',
      next_attempt_at: at(wait),
    });
  }

  // An earlier answer was lost: look at the account before sending anything again.
  if (pendingAttempts(steps).length > 0 || d.state === 'unconfirmed') {
    const rec = await provider.reconcile(variant, ctx);
    if (!rec.ok) return failed(rec.failure);
    if (rec.value.status === 'found') return published(rec.value.post);
    if (rec.value.status === 'unknown') {
      const checks = d.unconfirmed_checks + 1;
      if (checks >= policy.maxUnconfirmedChecks) {
        // Only a person can tell now (TikTok cannot list private posts): never resend on a guess.
        return finish({ state: 'unconfirmed', unconfirmed_checks: checks, next_attempt_at: null, reason_code: 'outcome_unknown_check', reason: reason('outcome_unknown_check') });
      }
      return finish({
        state: 'unconfirmed',
        unconfirmed_checks: checks,
        next_attempt_at: at(policy.unconfirmedCheckMs * 2 ** (checks - 1)),
        reason_code: 'outcome_unknown',
        reason: reason('outcome_unknown'),
      });
    }
  }

  // Every documented caption limit is checked before the first call: a caption the platform
  // would refuse (Instagram: 2,200 characters, 30 hashtags, 20 mentions; TikTok: title 90,
  // description 4,000) fails here with the numbers, and nothing is sent.
  if (Object.keys(steps).length === 0) {
    const check = checkCaption(d.platform as 'facebook' | 'instagram' | 'tiktok', variant.caption, d.platform === 'tiktok' ? (variant.title ?? '') : null);
    const refused = check.problems.filter((p) => p !== 'empty');
    if (refused.length > 0) {
      const texts = captionProblemTexts(platformLabel, { ...check, problems: refused });
      return finish({ state: 'failed', next_attempt_at: null, reason_code: `caption_${refused[0]}`, reason: texts.join(' ') });
    }
  }

  let r = await provider.publish(variant, ctx);
  if (!r.ok && r.failure.kind === 'reauth_required' && channel.platform === 'tiktok' && channel.refresh_token_enc) {
    // TikTok: refresh once, then give up on the token (docs/reference/platform-apis.md §2c error table).
    if ((await refreshChannelToken(deps, channel.id)) === 'refreshed') {
      channel = (await getChannel(db, channel.id))!;
      account = providerAccountOf(channel, deps.tokenKey);
      if (account) r = await provider.publish(variant, ctx);
    }
  }
  if (!r.ok) return failed(r.failure);
  if (r.value.status === 'published') return published(r.value.post);

  const waitingSince = d.waiting_since ?? iso(now());
  if (now().getTime() - Date.parse(waitingSince) > policy.maxWaitingMs) {
    return finish({ state: 'failed', next_attempt_at: null, waiting_since: waitingSince, reason_code: 'stuck', reason: reason('stuck') });
  }
  return finish({
    state: 'waiting_platform',
    waiting_since: waitingSince,
    next_attempt_at: at(r.value.retryAfterMs),
    reason_code: null,
    reason: null,
  });
}
