import { failure } from './http.js';
import { type JsonRecord, recordsOf } from '../../../shared/json-record.js';
import { graphCall, graphTime, type GraphDeps } from './graph.js';
import type {
  PostVariant,
  ProviderAccount,
  ProviderResult,
  PublishContext,
  PublishOutcome,
  PublishedPost,
  ReconcileOutcome,
  RecentPost,
  SocialProvider,
} from './social-provider.js';
import { pFail, pOk } from './social-provider.js';
import { facebookPlatform } from './facebook-platform.js';
import { irreversibleStep, onIrreversible, safeStep, sameText } from './step.js';

export { facebookPlatform };

// Facebook Page adapter (docs/reference/platform-apis.md §2a): text/link posts on /feed, one photo on /photos,
// several photos as unpublished uploads attached to one /feed post. Unpublished photos are
// invisible until attached, so only the final call is irreversible.

export interface FacebookDeps extends GraphDeps {}

/** Graph's "Object does not exist, cannot be loaded …" (code 100, subcode 33) for a post id. */
const isGone = (platformCode: string | undefined) => platformCode === '100/33';

const MAX_PHOTOS = facebookPlatform.media.maxImages;

export function facebookProvider(deps: FacebookDeps): SocialProvider {
  const call = (method: 'GET' | 'POST' | 'DELETE', path: string, token: string, params?: Record<string, unknown>) =>
    graphCall('facebook', deps, method, path, token, params);

  async function permalinkOf(token: string, postId: string, fallback?: string): Promise<string> {
    if (fallback) return fallback;
    const r = await call('GET', postId, token, { fields: 'permalink_url' });
    // The post exists either way; a permalink we could not read must not fail the delivery.
    return r.ok && r.value.permalink_url ? String(r.value.permalink_url) : `https://www.facebook.com/${postId}`;
  }

  async function listRecent(account: ProviderAccount, opts: { limit?: number } = {}): Promise<ProviderResult<RecentPost[]>> {
    const r = await call('GET', `${account.platformAccountId}/published_posts`, account.accessToken, {
      fields: 'id,message,created_time,permalink_url',
      limit: opts.limit ?? 25,
    });
    if (!r.ok) return r;
    const data = recordsOf(r.value.data);
    return pOk(
      data.map((p) => ({
        platformPostId: String(p.id),
        permalink: p.permalink_url ? String(p.permalink_url) : null,
        text: String(p.message ?? ''),
        publishedAt: graphTime(p.created_time),
      })),
    );
  }

  return {
    platform: 'facebook',
    listRecent,

    // After publishing (#14 point 3, docs/reference/platform-apis.md §2a "Changing a post").
    async updatePostText(account: ProviderAccount, platformPostId: string, text: string): Promise<ProviderResult<void>> {
      const r = await call('POST', platformPostId, account.accessToken, { message: text });
      if (r.ok) return pOk(undefined);
      // Gone (deleted on Facebook): nothing left to correct — a refusal, not a retry.
      if (isGone(r.failure.platformCode)) return pFail(failure('facebook', 'rejected', 'post_gone', { platformCode: r.failure.platformCode ?? '', platformMessage: r.failure.platformMessage ?? '' }));
      return r;
    },

    async deletePost(account: ProviderAccount, platformPostId: string): Promise<ProviderResult<void>> {
      const r = await call('DELETE', platformPostId, account.accessToken);
      // Already gone (deleted on Facebook, or our earlier call went through and its answer was
      // lost): what was asked is true, so it counts as done.
      if (r.ok || isGone(r.failure.platformCode)) return pOk(undefined);
      return r;
    },

    async publish(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<PublishOutcome>> {
      const { platformAccountId: page, accessToken: token } = ctx.account;
      const images = variant.imageUrls;
      if (images.length > MAX_PHOTOS) return pFail(failure('facebook', 'rejected', 'too_many_images'));
      let permalinkHint: string | undefined;

      const photoIds: string[] = [];
      if (images.length > 1) {
        for (let i = 0; i < images.length; i++) {
          const r = await safeStep(ctx, `photo:${i}`, async () => {
            const res = await call('POST', `${page}/photos`, token, {
              url: images[i],
              published: false,
              ...(variant.altTexts?.[i] ? { alt_text_custom: variant.altTexts[i] } : {}),
            });
            return res.ok ? pOk(String(res.value.id)) : res;
          });
          if (!r.ok) return r;
          photoIds.push(r.value);
        }
      }

      const posted = await irreversibleStep('facebook', ctx, 'post', async () => {
        let res: ProviderResult<JsonRecord>;
        if (images.length === 1) {
          res = await call('POST', `${page}/photos`, token, {
            url: images[0],
            caption: variant.caption,
            published: true,
            ...(variant.altTexts?.[0] ? { alt_text_custom: variant.altTexts[0] } : {}),
          });
          if (res.ok) return pOk(String(res.value.post_id ?? `${page}_${res.value.id}`));
        } else {
          const body: Record<string, unknown> = { message: variant.caption, fields: 'id,permalink_url' };
          if (variant.link) body.link = variant.link;
          if (photoIds.length > 0) body.attached_media = photoIds.map((id) => ({ media_fbid: id }));
          res = await call('POST', `${page}/feed`, token, body);
          if (res.ok) {
            if (res.value.permalink_url) permalinkHint = String(res.value.permalink_url);
            return pOk(String(res.value.id));
          }
        }
        return pFail(onIrreversible('facebook', res.failure));
      });
      if (!posted.ok) return posted;
      const post: PublishedPost = {
        platformPostId: posted.value,
        permalink: await permalinkOf(token, posted.value, permalinkHint),
        visibility: 'public',
      };
      return pOk({ status: 'published', post });
    },

    async reconcile(variant: PostVariant, ctx: PublishContext): Promise<ProviderResult<ReconcileOutcome>> {
      const known = ctx.steps.post;
      if (known) {
        return pOk({ status: 'found', post: { platformPostId: known, permalink: await permalinkOf(ctx.account.accessToken, known) } });
      }
      const since = Date.parse(ctx.steps['post:attempt'] ?? '') || 0;
      const recent = await listRecent(ctx.account, { limit: 25 });
      if (!recent.ok) return recent;
      // Two minutes of slack for clock skew between us and Meta.
      const match = recent.value.find((p) => sameText(p.text, variant.caption) && Date.parse(p.publishedAt) >= since - 120_000);
      if (match) {
        await ctx.record('post', match.platformPostId);
        return pOk({ status: 'found', post: { platformPostId: match.platformPostId, permalink: match.permalink, visibility: 'public' } });
      }
      // Page posts are listed as soon as the publish call returns, so absence here is conclusive.
      await ctx.forget(['post:attempt']);
      return pOk({ status: 'absent' });
    },

  };
}
