import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { can, publishingRightsOf } from '../../../modules/accounts/index.js';
import { type ChannelRow, listUnitChannels } from '../../../modules/channels/index.js';
import { contentRepository } from '../../../modules/content/index.js';
import {
  completeManualDeliveryAsStaff,
  getDeliveryVariant,
  listDeliveries,
  listUnitPosts,
  manualLinkSchema,
  resendDeliveryAsStaff,
  resendSchema,
  retryPostChangeAsStaff,
  signMediaUrl,
} from '../../../modules/publishing/index.js';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { parseForm } from '../../forms/parse-form.js';
import { publishGuard } from '../../middleware/publish-guard.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { assetUrl } from '../../assets-route.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { authorLookupOf } from './channels-deps.js';
import { PostDeliveries, UnitPosts } from './delivery-view.js';
import { ManualKit } from './manual-kit-view.js';
import { ON_DEMAND_JOBS } from '../../../jobs/job-names.js';
import { flashOf, kirimanUrl, kitUrl, platformLabel } from './paths.js';

// GET /admin/unit/:slug/kiriman                                   the unit's recent posts
// GET /admin/unit/:slug/kiriman/:postId                           where one post went
// POST …/kiriman/:postId/:deliveryId/ulang                        "Coba lagi"
// GET/POST …/kiriman/:postId/:deliveryId/manual                   the manual kit, "Sudah diposting"
// POST …/kiriman/:postId/:deliveryId/ubah-lagi                    "Coba lagi" on a failed edit/delete of a copy
// Deliveries are shown only through the unit's own channels, and the use cases check the unit
// again, so a delivery id from another unit is a 404 here, never a page.

/** The link check's code said with the platform and the registered account (the module names only the account the link is from). */
function manualLinkText(error: 'invalid_url' | 'wrong_platform' | 'wrong_account' | 'not_a_post', found: string | undefined, channel: ChannelRow | undefined): string {
  const platform = platformLabel(channel?.platform ?? '');
  if (error === 'wrong_account') return t('channels.manual.wrong_account', { found: `@${found ?? ''}`, handle: `@${(channel?.handle ?? '').replace(/^@/, '').toLowerCase()}` });
  return t(`channels.manual.${error}`, { platform });
}

export function deliveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function unitDeliveries(c: Context<AppEnv>) {
    const unit = c.get('unit');
    const channels = new Map<string, ChannelRow>((await listUnitChannels(deps.db, unit.id)).map((ch) => [ch.id, ch]));
    const all = await listDeliveries(deps.db, c.req.param('postId')!, { tiktokAudited: deps.config.tiktokAudited });
    return { channels, deliveries: all.filter((d) => channels.has(d.channelId)) };
  }

  /** The delivery the route names, if it belongs to this unit's post and accounts. */
  async function namedDelivery(c: Context<AppEnv>) {
    const { channels, deliveries } = await unitDeliveries(c);
    return { channels, d: deliveries.find((x) => x.id === c.req.param('deliveryId')) };
  }

  const frame = (c: Context<AppEnv>, title: string, back: { href: string; label: string }, body: Child, flash = flashOf(c, 'kiriman')) =>
    c.html(
      <StaffLayout title={title} actor={c.get('actor')} csrfToken={c.get('csrfToken')} flash={flash} back={back}>
        <link rel="stylesheet" href={assetUrl('channels.css')} />
        {body}
      </StaffLayout>,
    );

  app.get('/admin/unit/:slug/kiriman', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const posts = await listUnitPosts(deps.db, unit.id);
    // Each post by its title (the content module's), not by the first line of a caption.
    const titles = new Map((await contentRepository.titlesOf(deps.db, unit.id, posts.map((p) => p.postId))).map((r) => [r.id, r.title]));
    return frame(c, t('kiriman.title'), { href: `/admin/unit/${unit.slug}`, label: unit.name }, <UnitPosts slug={unit.slug} posts={posts} titles={titles} />);
  });

  app.get('/admin/unit/:slug/kiriman/:postId', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const { channels, deliveries } = await unitDeliveries(c);
    if (deliveries.length === 0) return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    return frame(
      c,
      t('kiriman.post_title'),
      { href: kirimanUrl(unit.slug), label: t('kiriman.title') },
      <PostDeliveries slug={unit.slug} postId={c.req.param('postId')} title={(await contentRepository.byId(deps.db, unit.id, c.req.param('postId')))?.title} deliveries={deliveries} channels={channels} canWrite={can(c.get('actor')!, 'write', unit)} canPublish={(await publishingRightsOf(deps.db, c.get('actor')!, unit)).canPublish} csrf={c.get('csrfToken')} />,
    );
  });

  // "Kirim ulang" publishes on the unit's account: those who may publish (the one publishing
  // policy), asked before anything is looked up; and not for a post taken off the website.
  app.post('/admin/unit/:slug/kiriman/:postId/:deliveryId/ulang', unitGuard(deps), publishGuard(deps), async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const postId = c.req.param('postId');
    const { d } = await namedDelivery(c);
    if (!d) return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    // (Taking a post back removes its deliveries that never went out; this stops the few left.)
    const item = await contentRepository.byId(deps.db, unit.id, postId);
    if (item && item.status !== 'published') return c.redirect(kirimanUrl(unit.slug, postId, 'not_public'), 303);
    const form = await parseForm(c, resendSchema, ['checked']);
    const checkedAccount = form.ok && form.data.checked === '1';
    const r = await resendDeliveryAsStaff(deps, { actor, unit, deliveryId: d.id, checkedAccount });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c, 'publish.refused');
      if (r.error === 'check_account_first') return c.redirect(kirimanUrl(unit.slug, postId, 'check_first'), 303);
      if (r.error === 'not_allowed') return c.redirect(kirimanUrl(unit.slug, postId, 'not_allowed'), 303);
      return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    }
    // The runner's minute slot would do; sent now so "Coba lagi" does not wait for it.
    await deps.jobs?.send(ON_DEMAND_JOBS.runDeliveries, {}).catch((e) => c.get('logger').warn({ err: e }, 'could not wake the delivery runner'));
    return c.redirect(kirimanUrl(unit.slug, postId, 'retry'), 303);
  });

  // "Coba lagi" after a failed edit or delete of a copy that is out (#14 point 3): it acts on
  // the unit's account, so those who may publish (the one publishing policy), asked first.
  app.post('/admin/unit/:slug/kiriman/:postId/:deliveryId/ubah-lagi', unitGuard(deps), publishGuard(deps), async (c) => {
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const postId = c.req.param('postId');
    const { d } = await namedDelivery(c);
    if (!d) return c.redirect(kirimanUrl(unit.slug, undefined, 'not_found'), 303);
    const r = await retryPostChangeAsStaff(deps, { actor, unit, deliveryId: d.id });
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c, 'publish.refused') : c.redirect(kirimanUrl(unit.slug, postId), 303);
    await deps.jobs?.send(ON_DEMAND_JOBS.runPostChanges, {}).catch((e) => c.get('logger').warn({ err: e }, 'could not wake the social changes runner'));
    return c.redirect(kirimanUrl(unit.slug, postId, 'change_retried'), 303);
  });

  async function kit(c: Context<AppEnv>, link = '', error: string | null = null, status: 200 | 422 = 200) {
    const unit = c.get('unit');
    const { channels, d } = await namedDelivery(c);
    const channel = d ? channels.get(d.channelId) : undefined;
    if (!d || !channel || !(d.canCompleteManually || d.state === 'published')) return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    const variant = await getDeliveryVariant(deps.db, unit.id, d.id);
    if (!variant) return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    c.status(status);
    return frame(
      c,
      t('kit.title', { platform: platformLabel(channel.platform) }),
      { href: kirimanUrl(unit.slug, c.req.param('postId')), label: t('kiriman.post_title') },
      <ManualKit
        action={kitUrl(unit.slug, c.req.param('postId')!, d.id)}
        delivery={d}
        channel={channel}
        variant={variant}
        images={variant.imageUrls.map((u) => staffImageUrl(deps, u))}
        csrf={c.get('csrfToken')}
        canWrite={can(c.get('actor')!, 'write', unit)}
        link={link}
        error={error}
      />,
      null,
    );
  }

  // The kit is a tool for posting by hand on the unit's account, and "Sudah diposting" counts
  // that post as the unit's: like "Kirim ulang", only those the one publishing policy lets
  // publish open it and complete it (a pendamping prepares, the unit publishes — #14).
  app.get('/admin/unit/:slug/kiriman/:postId/:deliveryId/manual', unitGuard(deps, 'write'), publishGuard(deps), async (c) => kit(c));

  app.post('/admin/unit/:slug/kiriman/:postId/:deliveryId/manual', unitGuard(deps), publishGuard(deps), async (c) => {
    const unit = c.get('unit');
    const postId = c.req.param('postId');
    const { channels, d } = await namedDelivery(c);
    if (!d) return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
    const form = await parseForm(c, manualLinkSchema, ['link']);
    const link = form.values.link!.trim().slice(0, 1000);
    if (!form.ok) return kit(c, link, t('kanal.register.error.invalid_url'), 422);
    const r = await completeManualDeliveryAsStaff(deps, { actor: c.get('actor')!, unit, deliveryId: d.id, url: form.data.link, lookup: authorLookupOf(deps.config) });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c, 'publish.refused');
      if (r.error === 'not_found') return c.redirect(kirimanUrl(c.get('unit').slug, undefined, 'not_found'), 303);
      if (r.error === 'already_published') return c.redirect(kirimanUrl(unit.slug, postId), 303);
      return kit(c, link, manualLinkText(r.error, r.detail, channels.get(d.channelId)), 422);
    }
    return c.redirect(kirimanUrl(unit.slug, postId, r.value.accountChecked ? 'manual_done' : 'manual_done_unchecked'), 303);
  });

  return app;
}

/**
 * The kit shows the delivery's own photos: our /media/ links get a short-lived signature and
 * become same-origin paths (the staff phone may reach Beranda under another name than
 * PUBLIC_URL); other URLs are shown as they are.
 */
export function staffImageUrl(deps: AppDeps, url: string): string {
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/media/`)) return url;
  const signed = new URL(signMediaUrl({ publicUrl: base, secret: deps.config.secret }, new URL(url).pathname, deps.clock.now(), 2 * 3_600_000));
  return `${signed.pathname}${signed.search}`;
}
