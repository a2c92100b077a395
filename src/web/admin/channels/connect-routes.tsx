import { Hono } from 'hono';
import type { Context } from 'hono';
import { can, recordAudit } from '../../../modules/accounts/index.js';
import { type ChannelRow, type FacebookPage, connectChannelAsStaff, listFacebookPages, pickPageSchema } from '../../../modules/channels/index.js';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { parseForm } from '../../forms/parse-form.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { assetUrl } from '../../assets-route.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { clearPendingConnect, readPendingConnect } from '../../integrations/oauth-state.js';
import { parkedUserToken } from '../../integrations/oauth-routes.js';
import { dialogSimulator, metaAppOf } from './channels-deps.js';
import { kanalUrl } from './paths.js';
import { ownChannel } from './registry-routes.js';

// After Facebook Login: GET/POST /admin/unit/:slug/kanal/:id/pilih. The user picks the Page (for
// a Facebook channel) or the Page whose Instagram professional account is the registered one (for
// an Instagram channel). The Pages and their tokens are fetched again from Meta on every request
// with the user token parked in the pending connection; the browser only ever sends a Page id.

interface Choice {
  value: string;
  label: string;
  /** The account the choice would connect: Page username/id, or IG username. */
  handle: string;
  accountId: string;
  disabled: boolean;
}

function choicesFor(channel: ChannelRow, pages: FacebookPage[]): Choice[] {
  if (channel.platform === 'instagram') {
    return pages
      .filter((p) => p.instagram)
      .map((p) => ({
        value: p.id,
        label: `@${p.instagram!.username ?? p.instagram!.id} — ${t('kanal.pick.via_page', { page: p.name })}`,
        handle: (p.instagram!.username ?? p.instagram!.id).toLowerCase(),
        accountId: p.instagram!.id,
        disabled: !p.canPublish,
      }));
  }
  return pages.map((p) => ({
    value: p.id,
    label: `${p.name}${p.username ? ` (@${p.username})` : ''}`,
    handle: (p.username ?? p.id).toLowerCase(),
    accountId: p.id,
    disabled: !p.canPublish,
  }));
}

/** A Facebook channel registered by profile.php?id=… has the Page id as its handle. */
const matches = (channel: ChannelRow, choice: Choice) => choice.handle === channel.handle.toLowerCase() || choice.accountId === channel.handle;

export function connectRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function load(c: Context<AppEnv>) {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    // Choosing connects an account: a write even on GET, so read-only roles stop here.
    if (!can(actor, 'write', unit)) {
      await recordAudit(deps.db, deps.clock, { actorUserId: actor.id, action: 'access.denied', unitId: unit.id, target: c.req.path });
      return { response: renderForbidden(c) };
    }
    const channel = await ownChannel(deps, unit.id, c.req.param('id')!);
    if (!channel || (channel.platform !== 'facebook' && channel.platform !== 'instagram')) return { response: c.redirect(kanalUrl(unit.slug, 'not_found'), 303) };
    const pending = readPendingConnect(c, { secret: deps.config.secret, sessionId: c.get('sessionId'), now: deps.clock.now() });
    const meta = metaAppOf(deps.config);
    const userToken = pending.ok && pending.value.channelId === channel.id ? parkedUserToken(deps, pending.value) : null;
    if (!meta || !userToken) return { response: c.redirect(kanalUrl(unit.slug, 'oauth_expired'), 303) };
    const pages = await listFacebookPages({ ...meta, clock: deps.clock }, userToken);
    if (!pages.ok) {
      c.get('logger').warn({ failure: pages.failure }, 'listing facebook pages failed');
      return { response: c.redirect(kanalUrl(unit.slug, 'oauth_failed', channel.platform), 303) };
    }
    return { channel, pages: pages.value, choices: choicesFor(channel, pages.value) };
  }

  const render = (c: Context<AppEnv>, channel: ChannelRow, choices: Choice[], error: string | null, status: 200 | 422 = 200) => {
    const unit = c.get('unit');
    const ig = channel.platform === 'instagram';
    const preselected = choices.find((ch) => !ch.disabled && matches(channel, ch))?.value;
    c.status(status);
    return c.html(
      <StaffLayout title={t(ig ? 'kanal.pick.title_ig' : 'kanal.pick.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: kanalUrl(unit.slug), label: t('kanal.title') }}>
        <link rel="stylesheet" href={assetUrl('channels.css')} />
        <h1>{t(ig ? 'kanal.pick.title_ig' : 'kanal.pick.title')}</h1>
        <p>{t(ig ? 'kanal.pick.intro_ig' : 'kanal.pick.intro', { handle: `@${channel.handle}` })}</p>
        <ErrorSummary errors={error ? [error] : []} />
        {choices.length === 0 ? (
          <p class="card">{t(ig ? 'kanal.pick.none_ig' : 'kanal.pick.none')}</p>
        ) : (
          <form method="post" action={`/admin/unit/${unit.slug}/kanal/${channel.id}/pilih`}>
            <CsrfInput token={c.get('csrfToken')} />
            <fieldset>
              <legend>{t(ig ? 'kanal.pick.title_ig' : 'kanal.pick.title')}</legend>
              {choices.map((ch) => (
                <label class="check">
                  <input type="radio" name="page" value={ch.value} checked={ch.value === preselected} disabled={ch.disabled} />
                  <span>
                    {ch.label}
                    {ch.disabled ? <span class="muted"> — {t('kanal.pick.cannot_publish')}</span> : null}
                  </span>
                </label>
              ))}
            </fieldset>
            <button type="submit" class="wide">
              {t('kanal.pick.submit')}
            </button>
          </form>
        )}
      </StaffLayout>,
    );
  };

  app.get('/admin/unit/:slug/kanal/:id/pilih', unitGuard(deps), async (c) => {
    const r = await load(c);
    if ('response' in r) return r.response;
    return render(c, r.channel, r.choices, null);
  });

  app.post('/admin/unit/:slug/kanal/:id/pilih', unitGuard(deps), async (c) => {
    const r = await load(c);
    if ('response' in r) return r.response;
    const form = await parseForm(c, pickPageSchema, ['page']);
    const choice = form.ok ? r.choices.find((ch) => ch.value === form.data.page && !ch.disabled) : undefined;
    if (!choice) return render(c, r.channel, r.choices, t('kanal.pick.error.choose'), 422);
    // Connecting a different account than the one registered would make the unit's registry lie.
    if (!matches(r.channel, choice)) {
      return render(c, r.channel, r.choices, t('kanal.pick.error.mismatch', { found: `@${choice.handle}`, handle: `@${r.channel.handle}` }), 422);
    }
    const page = r.pages.find((p) => p.id === choice.value)!;
    const unit = c.get('unit');
    const done = await connectChannelAsStaff(
      { db: deps.db, clock: deps.clock, tokenKey: deps.services.tokenKey },
      {
        actor: c.get('actor')!,
        unit,
        channelId: r.channel.id,
        platformAccountId: choice.accountId,
        // Page tokens from a long-lived user token do not expire; Instagram via Facebook Login
        // publishes with the Page token too. The daily debug_token check watches them.
        tokens: { accessToken: page.accessToken, expiresAt: null },
        displayName: page.name,
        simulation: dialogSimulator() !== null,
      },
    );
    clearPendingConnect(c, deps.config.secureCookies);
    if (!done.ok) return done.error === 'forbidden' ? renderForbidden(c) : c.redirect(kanalUrl(unit.slug, 'not_found'), 303);
    return c.redirect(kanalUrl(unit.slug, 'connected', r.channel.platform), 303);
  });

  return app;
}
