import { failure } from './http.js';
import { asRecord, recordsOf } from '../../../shared/json-record.js';
import { graphCall, graphTime, type GraphDeps } from './graph.js';
import type {
  PostVariant,
  ProviderAccount,
  ProviderResult,
  PublishContext,
  PublishOutcome,
  ReconcileOutcome,
  RecentPost,
  SocialProvider,
} from './social-provider.js';
import { pFail, pOk } from './social-provider.js';
import { instagramPlatform } from './instagram-platform.js';
import { irreversibleStep, onIrreversible, safeStep, sameText } from './step.js';

export { instagramPlatform };

// Instagram professional account adapter (docs/reference/platform-apis.md §2b): container → status poll →
// media_publish. Containers are invisible until published, so only media_publish is
// irreversible; a container's status_code PUBLISHED is the authoritative "already live" answer.
// Works for both Facebook Login (graph.facebook.com) and Instagram Login (graph.instagram.com):
// only the base URL and token differ.

export interface InstagramDeps extends GraphDeps {
  /** Between status polls within one run (default 5 s). Tests pass a few milliseconds. */
  pollIntervalMs?: number;
  /**
   * Polls per run before handing back "waiting" (default 3): a run holds a worker slot for
   * seconds, not minutes; the delivery comes back a minute later, as Postiz's 30 s polling would.
   */
  maxPolls?: number;
  sleep?(ms: number): Promise<void>;
}

const MAX_CAROUSEL = instagramPlatform.media.maxImages;

export function instagramProvider(deps: InstagramDeps): SocialProvider {
  const pollMs = deps.pollIntervalMs ?? 5_000;
  const maxPolls = deps.maxPolls ?? 3;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const call = (method: 'GET' | 'POST', path: string, token: string, params?: Record<string, unknown>) =>
    graphCall('instagram', deps, method, path, token, params);

  async function containerStatus(token: string, id: string): Promise<ProviderResult<{ code: string; status: string }>> {
    const r = await call('GET', id, token, { fields: 'status_code,status' });
    if (!r.ok) return r;
    return pOk({ code: String(r.value.status_code ?? ''), status: String(r.value.status ?? '') });
  }

  async function listRecent(account: ProviderAccount, opts: { limit?: number } = {}): Promise<ProviderResult<RecentPost[]>> {
    const r = await call('GET', `${account.platformAccountId}/media`, account.accessToken, {
      fields: 'id,caption,media_type,permalink,timestamp',
      limit: opts.limit ?? 25,
    });
    if (!r.ok) return r;
    const data = recordsOf(r.value.data);
    return pOk(
      data.map((m) => ({
        platformPostId: String(m.id),
        permalink: m.permalink ? String(m.permalink) : null,
        text: String(m.caption ?? ''),
        publishedAt: graphTime(m.timestamp),
      })),
    );
  }

  async function permalinkOf(token: string, mediaId: string): Promise<string | null> {
    const r = await call('GET', mediaId, token, { fields: 'id,permalink,timestamp' });
    return r.ok && r.value.permalink ? String(r.value.permalink) : null;
  }

  return {
    platform: 'instagram',
    listRecent,

    async publish(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<PublishOutcome>> {
      const { platformAccountId: ig, accessToken: token } = ctx.account;
      const images = variant.imageUrls;
      if (images.length === 0) return pFail(failure('instagram', 'rejected', 'no_images'));
      if (images.length > MAX_CAROUSEL) return pFail(failure('instagram', 'rejected', 'too_many_images'));
      if (ctx.steps['publish:attempt'] && !ctx.steps.publish) {
        return pFail(failure('instagram', 'unconfirmed', 'outcome_unknown'));
      }

      // 1. Containers (safe: an unpublished container expires unseen after 24 h).
      const childKeys: string[] = [];
      const children: string[] = [];
      if (images.length > 1) {
        for (let i = 0; i < images.length; i++) {
          childKeys.push(`child:${i}`);
          const r = await safeStep(ctx, `child:${i}`, async () => {
            const res = await call('POST', `${ig}/media`, token, {
              image_url: images[i],
              is_carousel_item: true,
              ...(variant.altTexts?.[i] ? { alt_text: variant.altTexts[i] } : {}),
            });
            return res.ok ? pOk(String(res.value.id)) : res;
          });
          if (!r.ok) return r;
          children.push(r.value);
        }
      }
      const container = await safeStep(ctx, 'container', async () => {
        const params: Record<string, unknown> =
          images.length > 1
            ? { media_type: 'CAROUSEL', children: children.join(','), caption: variant.caption }
            : { image_url: images[0], caption: variant.caption, ...(variant.altTexts?.[0] ? { alt_text: variant.altTexts[0] } : {}) };
        const res = await call('POST', `${ig}/media`, token, params);
        return res.ok ? pOk(String(res.value.id)) : res;
      });
      if (!container.ok) return container;

      // 2. Wait until Instagram has fetched and processed the images.
      if (!ctx.steps['container:ready']) {
        let ready = false;
        for (let poll = 0; poll < maxPolls && !ready; poll++) {
          if (poll > 0) await sleep(pollMs);
          await ctx.checkpoint?.('poll:container');
          await ctx.renew?.();
          const s = await containerStatus(token, container.value);
          if (!s.ok) return s;
          if (s.value.code === 'FINISHED') ready = true;
          else if (s.value.code === 'ERROR') {
            // A failed container can never be published; forget it so a manual resend starts fresh.
            await ctx.forget(['container', ...childKeys]);
            return pFail(failure('instagram', 'rejected', 'container_failed', { platformCode: s.value.status, platformMessage: s.value.status }));
          } else if (s.value.code === 'EXPIRED') {
            await ctx.forget(['container', ...childKeys]);
            return pFail(failure('instagram', 'retryable', 'container_expired', { retryAfterMs: 0 }));
          } else if (s.value.code === 'PUBLISHED') {
            // Only reachable if our record of the publish was lost: never publish twice.
            return pFail(failure('instagram', 'unconfirmed', 'outcome_unknown'));
          }
        }
        if (!ready) return pOk({ status: 'waiting', retryAfterMs: Math.max(pollMs, 60_000) });
        await ctx.record('container:ready', ctx.now().toISOString());
      }

      // 3. The rolling 24-hour publishing limit, read from the API (the number differs by source).
      if (!ctx.steps.publish) {
        const q = await call('GET', `${ig}/content_publishing_limit`, token, { fields: 'quota_usage,config' });
        if (!q.ok) return q;
        const row = asRecord(Array.isArray(q.value.data) ? q.value.data[0] : undefined);
        const used = Number(row?.quota_usage);
        const total = Number(asRecord(row?.config)?.quota_total);
        if (Number.isFinite(used) && Number.isFinite(total) && used >= total) {
          return pFail(failure('instagram', 'retryable', 'daily_limit', { retryAfterMs: 3_600_000, platformMessage: `quota ${used}/${total}` }));
        }
      }

      // 4. The irreversible step.
      const published = await irreversibleStep('instagram', ctx, 'publish', async () => {
        const res = await call('POST', `${ig}/media_publish`, token, { creation_id: container.value });
        return res.ok ? pOk(String(res.value.id)) : pFail(onIrreversible('instagram', res.failure));
      });
      if (!published.ok) return published;
      return pOk({
        status: 'published',
        post: { platformPostId: published.value, permalink: await permalinkOf(token, published.value), visibility: 'public' },
      });
    },

    async reconcile(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<ReconcileOutcome>> {
      const token = ctx.account.accessToken;
      if (ctx.steps.publish) {
        return pOk({ status: 'found', post: { platformPostId: ctx.steps.publish, permalink: await permalinkOf(token, ctx.steps.publish) } });
      }
      const containerId = ctx.steps.container;
      if (!containerId) {
        await ctx.forget(['publish:attempt']);
        return pOk({ status: 'absent' });
      }
      const s = await containerStatus(token, containerId);
      if (!s.ok) return s;
      if (s.value.code !== 'PUBLISHED') {
        // A container that is not PUBLISHED was never made visible: safe to publish it (again).
        await ctx.forget(['publish:attempt']);
        return pOk({ status: 'absent' });
      }
      // Live, but the container does not name its media id: find it among recent media.
      const since = Date.parse(ctx.steps['publish:attempt'] ?? '') || 0;
      const recent = await listRecent(ctx.account, { limit: 25 });
      if (!recent.ok) return recent;
      const match = recent.value.find((p) => sameText(p.text, variant.caption) && Date.parse(p.publishedAt) >= since - 120_000);
      if (!match) return pOk({ status: 'unknown' });
      await ctx.record('publish', match.platformPostId);
      return pOk({ status: 'found', post: { platformPostId: match.platformPostId, permalink: match.permalink, visibility: 'public' } });
    },
  };
}
