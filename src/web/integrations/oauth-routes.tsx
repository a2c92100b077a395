import { Hono } from 'hono';
import type { Context } from 'hono';
import { can, recordAudit } from '../../modules/accounts/index.js';
import {
  connectChannelAsStaff,
  decryptToken,
  encryptToken,
  exchangeFacebookCode,
  exchangeTikTokCode,
  missingTikTokScopes,
} from '../../modules/channels/index.js';
import { findUnitBySlug } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderForbidden } from '../errors.js';
import { session } from '../middleware/session.js';
import { ErrorPage } from '../views/error-page.js';
import { dialogSimulator, metaAppOf, redirectUriOf, tiktokAppOf } from '../admin/channels/channels-deps.js';
import { ownChannel } from '../admin/channels/registry-routes.js';
import { kanalUrl } from '../admin/channels/paths.js';
import { type PendingConnect, clearPendingConnect, readPendingConnect, writePendingConnect } from './oauth-state.js';

// The platforms send the browser back here after their consent dialog:
//   GET /integrations/oauth/facebook/callback?code=…&state=…  (or ?error=access_denied&state=…)
//   GET /integrations/oauth/tiktok/callback?code=…&scopes=…&state=…
// These are outside /admin (the URIs registered with Meta and TikTok are fixed), so the session
// is resolved here, `state` must match the pending connection of THIS session, and the actor
// must still be allowed to change the unit. Platform errors never reach the page: the log keeps
// them, staff read a plain sentence.

/** Key context for the Facebook user token parked in the pending-connection cookie. */
export const userTokenContext = (p: PendingConnect) => `oauth-user:${p.sid}:${p.channelId}`;

export function oauthRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/integrations/oauth/*', session(deps));

  const bad = (c: Context<AppEnv>) => {
    clearPendingConnect(c, deps.config.secureCookies);
    c.status(400);
    return c.html(<ErrorPage status={400} title={t('kanal.oauth.bad_title')} body={t('kanal.oauth.bad_body')} home="/admin" />);
  };

  /** Session, state, unit, channel and permission: everything a callback must check first. */
  async function checked(c: Context<AppEnv>, platforms: PendingConnect['platform'][]) {
    const actor = c.get('actor');
    if (!actor) {
      const back = c.req.path + (new URL(c.req.url).search || '');
      return { response: c.redirect(`/admin/masuk?alasan=required&kembali=${encodeURIComponent(back)}`, 303) };
    }
    const pending = readPendingConnect(c, { secret: deps.config.secret, sessionId: c.get('sessionId'), now: deps.clock.now(), state: c.req.query('state') ?? null });
    if (!pending.ok || !platforms.includes(pending.value.platform)) {
      c.get('logger').warn({ reason: pending.ok ? 'wrong_platform' : pending.error, user: actor.username }, 'oauth callback refused');
      return { response: bad(c) };
    }
    const unit = await findUnitBySlug(deps.db, deps.config.region, pending.value.unitSlug);
    if (!unit || !can(actor, 'write', unit)) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit?.id ?? null, target: c.req.path });
      return { response: renderForbidden(c) };
    }
    const channel = await ownChannel(deps, unit.id, pending.value.channelId);
    if (!channel) return { response: bad(c) };
    return { actor, pending: pending.value, unit, channel };
  }

  app.get('/integrations/oauth/facebook/callback', async (c) => {
    const ok = await checked(c, ['facebook', 'instagram']);
    if ('response' in ok) return ok.response;
    const { pending, unit } = ok;
    const platform = pending.platform;
    if (c.req.query('error') || !c.req.query('code')) {
      clearPendingConnect(c, deps.config.secureCookies);
      return c.redirect(kanalUrl(unit.slug, 'denied', platform), 303);
    }
    const meta = metaAppOf(deps.config);
    if (!meta) return c.redirect(kanalUrl(unit.slug, 'no_app'), 303);
    const tokens = await exchangeFacebookCode({ ...meta, clock: deps.clock }, c.req.query('code')!, redirectUriOf(deps.config, 'facebook'));
    if (!tokens.ok) {
      c.get('logger').warn({ failure: tokens.failure }, 'facebook code exchange failed');
      clearPendingConnect(c, deps.config.secureCookies);
      return c.redirect(kanalUrl(unit.slug, 'oauth_failed', platform), 303);
    }
    // The user token stays encrypted in the (signed, session-bound) cookie only while the user
    // picks a Page; Page tokens are fetched again on the choice, never sent to the browser.
    const sealed = encryptToken(deps.services.tokenKey, tokens.value.accessToken, userTokenContext(pending));
    writePendingConnect(c, deps.config.secret, deps.config.secureCookies, { ...pending, userToken: sealed });
    return c.redirect(`/admin/unit/${unit.slug}/kanal/${pending.channelId}/pilih`, 303);
  });

  app.get('/integrations/oauth/tiktok/callback', async (c) => {
    const ok = await checked(c, ['tiktok']);
    if ('response' in ok) return ok.response;
    const { unit, channel, actor } = ok;
    clearPendingConnect(c, deps.config.secureCookies);
    if (c.req.query('error') || !c.req.query('code')) return c.redirect(kanalUrl(unit.slug, 'denied', 'tiktok'), 303);
    const app = tiktokAppOf(deps.config);
    if (!app) return c.redirect(kanalUrl(unit.slug, 'no_app'), 303);
    const tokens = await exchangeTikTokCode({ ...app, clock: deps.clock }, c.req.query('code')!, redirectUriOf(deps.config, 'tiktok'));
    if (!tokens.ok) {
      c.get('logger').warn({ failure: tokens.failure }, 'tiktok code exchange failed');
      return c.redirect(kanalUrl(unit.slug, 'oauth_failed', 'tiktok'), 303);
    }
    // Users can untick scopes on TikTok's screen; without video.publish nothing can be posted.
    if (missingTikTokScopes(tokens.value.scopes).length > 0 || !tokens.value.openId) {
      return c.redirect(kanalUrl(unit.slug, 'missing_scopes', 'tiktok'), 303);
    }
    const done = await connectChannelAsStaff({ db: deps.db, clock: deps.clock, tokenKey: deps.services.tokenKey }, {
      actor,
      unit,
      channelId: channel.id,
      platformAccountId: tokens.value.openId,
      tokens: tokens.value,
      simulation: dialogSimulator() !== null,
    });
    if (!done.ok) return done.error === 'forbidden' ? renderForbidden(c) : bad(c);
    return c.redirect(kanalUrl(unit.slug, 'connected', 'tiktok'), 303);
  });

  return app;
}

/** The Facebook user token parked by the callback, for the Page choice; null when absent or tampered. */
export function parkedUserToken(deps: AppDeps, p: PendingConnect): string | null {
  return p.userToken ? decryptToken(deps.services.tokenKey, p.userToken, userTokenContext(p)) : null;
}
