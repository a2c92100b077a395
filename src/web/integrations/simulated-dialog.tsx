import { Hono } from 'hono';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import { getChannel } from '../../modules/channels/index.js';
import { t } from '../../i18n/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderNotFound } from '../errors.js';
import { session } from '../middleware/session.js';
import { assetUrl } from '../assets-route.js';
import { dialogSimulator, redirectUriOf } from '../admin/channels/channels-deps.js';
import { platformLabel } from '../admin/channels/paths.js';
import { readPendingConnect } from './oauth-state.js';

// Demo mode only: stands in for Facebook's and TikTok's consent dialogs, which cannot be reached
// offline. It answers only while the demo's fakes run (404 otherwise), only for the pending
// connection of this session, and only redirects to our own registered callback URIs.
//   GET /integrations/simulasi/facebook/:version/dialog/oauth?redirect_uri&state…
//   GET /integrations/simulasi/tiktok/v2/auth/authorize/?redirect_uri&state…

export function simulatedDialogRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/integrations/simulasi/*', session(deps));

  async function show(c: Context<AppEnv>, kind: 'facebook' | 'tiktok') {
    const sim = dialogSimulator();
    const state = c.req.query('state') ?? '';
    if (!sim || c.req.query('redirect_uri') !== redirectUriOf(deps.config, kind)) return renderNotFound(c);
    const pending = readPendingConnect(c, { secret: deps.config.secret, sessionId: c.get('sessionId'), now: deps.clock.now(), state });
    if (!pending.ok) return renderNotFound(c);
    const channel = await getChannel(deps.db, pending.value.channelId);
    if (!channel) return renderNotFound(c);
    const callback = redirectUriOf(deps.config, kind);
    const name = platformLabel(pending.value.platform);
    if (c.req.query('izin') === '1') {
      const code = sim.issueCode(pending.value.platform, channel.handle.toLowerCase());
      return c.redirect(`${callback}?${new URLSearchParams({ code, state })}`, 303);
    }
    if (c.req.query('izin') === '0') {
      return c.redirect(`${callback}?${new URLSearchParams({ error: 'access_denied', error_reason: 'user_denied', state })}`, 303);
    }
    const here = new URL(c.req.url);
    const withChoice = (v: string) => {
      const q = new URLSearchParams(here.search);
      q.set('izin', v);
      return `${here.pathname}?${q}`;
    };
    return c.html(
      <>
        {raw('<!DOCTYPE html>')}
        <html lang="id">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>{t('sim.title', { platform: name })}</title>
            <link rel="stylesheet" href={assetUrl('staff.css')} />
          </head>
          <body>
            <main class="page">
              <h1>{t('sim.title', { platform: name })}</h1>
              <p class="flash flash-info">{t('sim.body', { platform: name })}</p>
              <p>@{channel.handle}</p>
              <p>
                <a class="button wide" href={withChoice('1')}>
                  {t('sim.allow')}
                </a>
              </p>
              <p>
                <a class="button secondary wide" href={withChoice('0')}>
                  {t('sim.deny')}
                </a>
              </p>
            </main>
          </body>
        </html>
      </>,
    );
  }

  app.get('/integrations/simulasi/facebook/:version/dialog/oauth', (c) => show(c, 'facebook'));
  app.get('/integrations/simulasi/tiktok/v2/auth/authorize/', (c) => show(c, 'tiktok'));
  app.get('/integrations/simulasi/tiktok/v2/auth/authorize', (c) => show(c, 'tiktok'));
  return app;
}
