import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { can } from '../../../modules/accounts/index.js';
import {
  type ChannelRow,
  disconnectChannel,
  facebookAuthorizationUrl,
  getChannel,
  listUnitChannels,
  registerChannelAsStaff,
  tiktokAuthorizationUrl,
} from '../../../modules/channels/index.js';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { parseForm } from '../../forms/parse-form.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { startPendingConnect } from '../../integrations/oauth-state.js';
import { metaAppOf, publishingDepsOf, redirectUriOf, tiktokAppOf } from './channels-deps.js';
import { flashOf, kanalUrl, platformLabel } from './paths.js';
import { RegistryView, type RegistryViewProps } from './registry-view.js';

// GET/POST /admin/unit/:slug/kanal: the registry; POST …/:id/hubungkan starts an OAuth dialog;
// POST …/:id/putuskan disconnects. unitGuard authorises (read for GET, write otherwise) and
// every channel id from the URL is checked to belong to the guarded unit.

const registerSchema = z.object({
  platform: z.enum(['facebook', 'instagram', 'tiktok']),
  url: z.string().trim().min(1).max(500),
  official: z.string().optional(),
});

/** Platforms with a configured OAuth app (Instagram goes through the Meta app). */
export function connectablePlatforms(deps: AppDeps): Set<string> {
  const s = new Set<string>();
  if (metaAppOf(deps.config)) s.add('facebook').add('instagram');
  if (tiktokAppOf(deps.config)) s.add('tiktok');
  return s;
}

/** The channel named in the URL, only when it belongs to the unit the guard resolved. */
export async function ownChannel(deps: AppDeps, unitId: string, id: string): Promise<ChannelRow | null> {
  const ch = await getChannel(deps.db, id);
  return ch && ch.unit_id === unitId ? ch : null;
}

export function registryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, form?: RegistryViewProps['form'], status: 200 | 422 = 200) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const channels = await listUnitChannels(deps.db, unit.id);
    c.status(status);
    return c.html(
      <StaffLayout
        title={t('kanal.title')}
        actor={actor}
        csrfToken={c.get('csrfToken')}
        flash={form ? null : flashOf(c, 'kanal')}
        back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}
      >
        <RegistryView
          slug={unit.slug}
          channels={channels}
          canWrite={can(actor, 'write', unit)}
          csrf={c.get('csrfToken')}
          connectable={connectablePlatforms(deps)}
          form={form}
        />
      </StaffLayout>,
    );
  };

  app.get('/admin/unit/:slug/kanal', unitGuard(deps), (c) => page(c));

  app.post('/admin/unit/:slug/kanal', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const parsed = await parseForm(c, registerSchema, ['platform', 'url', 'official']);
    const platform = parsed.values.platform || 'facebook';
    const url = parsed.values.url!.slice(0, 500);
    const official = parsed.values.official === '1';
    if (!parsed.ok) {
      return page(c, { platform, url, official, error: t('kanal.register.error.invalid_url') }, 422);
    }
    const r = await registerChannelAsStaff(deps, { actor: c.get('actor')!, unit, platform: parsed.data.platform, profileUrl: parsed.data.url, isOfficial: official });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c);
      return page(c, { platform, url, official, error: t(`kanal.register.error.${r.error}`, { platform: platformLabel(platform) }) }, 422);
    }
    return c.redirect(kanalUrl(unit.slug, 'registered'), 303);
  });

  app.post('/admin/unit/:slug/kanal/:id/putuskan', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const r = await disconnectChannel(publishingDepsOf(deps), { actor: c.get('actor')!, unit, channelId: c.req.param('id') });
    if (r.ok) return c.redirect(kanalUrl(unit.slug, 'disconnected'), 303);
    if (r.error === 'forbidden') return renderForbidden(c);
    return c.redirect(kanalUrl(unit.slug, r.error, r.error === 'revoke_failed' ? 'tiktok' : undefined), 303);
  });

  app.post('/admin/unit/:slug/kanal/:id/hubungkan', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const ch = await ownChannel(deps, unit.id, c.req.param('id'));
    if (!ch || !['facebook', 'instagram', 'tiktok'].includes(ch.platform)) return c.redirect(kanalUrl(unit.slug, 'not_found'), 303);
    const platform = ch.platform as 'facebook' | 'instagram' | 'tiktok';
    const meta = metaAppOf(deps.config);
    const tiktok = tiktokAppOf(deps.config);
    if ((platform === 'tiktok' && !tiktok) || (platform !== 'tiktok' && !meta)) return c.redirect(kanalUrl(unit.slug, 'no_app'), 303);
    const pending = startPendingConnect(c, {
      secret: deps.config.secret,
      secure: deps.config.secureCookies,
      sessionId: c.get('sessionId')!,
      now: deps.clock.now(),
      unitSlug: unit.slug,
      channelId: ch.id,
      platform,
    });
    const target =
      platform === 'tiktok'
        ? tiktokAuthorizationUrl({ wwwBase: tiktok!.wwwBase, clientKey: tiktok!.clientKey, redirectUri: redirectUriOf(deps.config, 'tiktok'), state: pending.state })
        : facebookAuthorizationUrl({
            wwwBase: meta!.wwwBase,
            graphVersion: meta!.graphVersion,
            clientId: meta!.clientId,
            redirectUri: redirectUriOf(deps.config, 'facebook'),
            state: pending.state,
          });
    return c.redirect(target, 303);
  });

  return app;
}
