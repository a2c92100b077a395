import { t } from '../../i18n/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type ProviderFailure, type ProviderResult, getChannel, markNeedsReconnect, platformName, providerAccountOf } from '../channels/index.js';
import { DEFAULT_POLICY, type DeliveryPolicy, type PublishingDeps } from './deps.js';
import { getDelivery, updateDelivery } from './delivery-repo.js';
import { claimPostChange, finishPostChange, getPostChange, listDuePostChangeIds } from './post-change-repo.js';

// One run of one change to a social copy that is out (an edit of its text, or its deletion).
// Crash-safe by its row: the claim is a lease, so a run killed anywhere leaves the row "sending"
// with a lease that runs out, and the next run takes it again — nothing is lost. That re-run may
// repeat the platform call once (a crash after the call, before the answer was stored); both
// calls are harmless twice: the same text sent again leaves the same post, and deleting a post
// that is already gone answers "does not exist", which the provider counts as done.
// Failures: the platform down or slow → retried with backoff, then "failed" with "Coba lagi";
// the token gone → "failed" at once with the reconnect message, the channel flagged.

export type PostChangeOutcome = 'done' | 'failed' | 'queued';

export async function runPostChange(deps: PublishingDeps, deliveryId: string): Promise<Result<PostChangeOutcome, 'not_due'>> {
  const policy: DeliveryPolicy = { ...DEFAULT_POLICY, ...deps.policy };
  const { db, clock } = deps;
  const now = () => iso(clock.now());
  const at = (ms: number) => iso(new Date(clock.now().getTime() + ms));
  if (!(await claimPostChange(db, deliveryId, now(), at(policy.leaseMs)))) return err('not_due');
  const change = (await getPostChange(db, deliveryId))!;
  const d = await getDelivery(db, deliveryId);
  const platform = d?.platform ?? 'facebook';
  const reason = (code: string) => t(`channels.failure.${code}`, { platform: platformName(platform) });

  const finish = async (state: PostChangeOutcome, patch: Record<string, unknown> = {}) => {
    const applied = await finishPostChange(db, deliveryId, change.revision, { state, updated_at: now(), ...(state === 'done' ? { done_at: now(), reason_code: null, reason: null } : {}), ...patch });
    // A newer request came in during the run: it stands, queued for the next run.
    return ok(applied ? state : ('queued' as const));
  };
  const fail = (code: string, f?: ProviderFailure) =>
    finish('failed', { next_attempt_at: null, reason_code: code, reason: f?.reason ?? reason(code), platform_detail: f ? JSON.stringify({ code: f.platformCode, message: f.platformMessage, trace: f.traceId }) : null });

  if (!d?.platform_post_id) return fail('post_gone');
  const channel = await getChannel(db, d.channel_id);
  const provider = deps.providers[d.platform as keyof typeof deps.providers];
  const call = change.kind === 'edit' ? provider?.updatePostText : provider?.deletePost;
  if (!channel || !provider || !call || channel.state === 'registered') return fail('not_connected');
  if (channel.state === 'needs_reconnect') return fail('token_expired');
  if (channel.cooldown_until && channel.cooldown_until > now()) return finish('queued', { next_attempt_at: channel.cooldown_until });
  const account = providerAccountOf(channel, deps.tokenKey);
  if (!account) {
    await markNeedsReconnect(deps, channel);
    return fail('token_expired');
  }

  const r: ProviderResult<void> =
    change.kind === 'edit' ? await provider.updatePostText!(account, d.platform_post_id, change.message ?? '') : await provider.deletePost!(account, d.platform_post_id);
  // Crash-test seam: the call went out, its outcome is not stored yet.
  await deps.faults?.('sent:change', deliveryId);
  if (r.ok) {
    // Said honestly everywhere the copy is listed: no longer shown (idempotent if repeated).
    if (change.kind === 'delete') await updateDelivery(db, d.id, { visibility: 'removed', updated_at: now() });
    return finish('done');
  }
  const f = r.failure;
  if (f.kind === 'reauth_required') {
    await markNeedsReconnect(deps, channel);
    return fail(f.code, f);
  }
  if (f.kind === 'rejected') return fail(f.code, f);
  // Retryable, or an answer that was lost (repeating is harmless here, see above).
  const attempts = change.attempts + 1;
  if (attempts >= policy.maxAttempts) {
    return fail(f.code, { ...f, reason: t('channels.change.gave_up', { attempts, platform: platformName(platform) }) });
  }
  const jitter = 0.8 + 0.4 * (deps.random ?? Math.random)();
  const backoff = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempts - 1)) * jitter;
  return finish('queued', { attempts, next_attempt_at: at(Math.max(f.retryAfterMs ?? 0, backoff)), reason_code: f.code, reason: f.reason });
}

/** The job's sweep: every due change, one at a time (there are few; each is one call). */
export async function runDuePostChanges(deps: PublishingDeps, opts: { limit?: number; signal?: AbortSignal } = {}): Promise<{ ran: number; done: number; failed: number }> {
  const report = { ran: 0, done: 0, failed: 0 };
  for (const id of await listDuePostChangeIds(deps.db, iso(deps.clock.now()), opts.limit ?? 200)) {
    if (opts.signal?.aborted) break;
    const r = await runPostChange(deps, id);
    if (!r.ok) continue;
    report.ran++;
    if (r.value === 'done') report.done++;
    if (r.value === 'failed') report.failed++;
  }
  return report;
}

/** "Coba lagi" on a failed change of a copy of this unit; false when there is none to retry. */
export async function retryPostChange(deps: Pick<PublishingDeps, 'db' | 'clock'>, args: { unitId: string; deliveryId: string }): Promise<boolean> {
  const r = await deps.db
    .updateTable('delivery_changes')
    .set({ state: 'queued', attempts: 0, next_attempt_at: null, updated_at: iso(deps.clock.now()) })
    .where('delivery_id', '=', args.deliveryId)
    .where('unit_id', '=', args.unitId)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
