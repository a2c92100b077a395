import { Hono } from 'hono';
import type { AppEnv } from './context.js';
import type { AppDeps } from './deps.js';
import { renderNotFound, renderServerError } from './errors.js';
import { resolveClientIp } from './client-ip.js';
import { assetRoutes } from './assets-route.js';
import { signedMediaRoutes } from './integrations/media-route.js';
import { mediaRoutes } from './media/media-route.js';
import { healthRoutes } from './health.js';
import { bodyLimit } from './middleware/body-limit.js';
import { csrf } from './middleware/csrf.js';
import { idempotency } from './middleware/idempotency.js';
import { requestContext } from './middleware/request-context.js';
import { servedRegion } from './middleware/served-region.js';
import { scopeRoutes } from './admin/scope-routes.js';
import { requireLogin } from './middleware/require-login.js';
import { securityHeaders } from './middleware/security-headers.js';
import { session } from './middleware/session.js';
import { setResponseHeader } from './middleware/response-headers.js';
import { accountRoutes } from './admin/account-routes.js';
import { auditRoutes } from './admin/audit-routes.js';
import { channelsRoutes } from './admin/channels/routes.js';
import { composerRoutes } from './admin/composer/routes.js';
import { contentAdminRoutes } from './admin/content/routes.js';
import { profileAdminRoutes } from './admin/profile/routes.js';
import { homeRoutes } from './admin/home-routes.js';
import { loginRoutes } from './admin/login-routes.js';
import { setupRoutes } from './admin/setup-routes.js';
import { leaversRoutes } from './admin/leavers-routes.js';
import { staffImportRoutes } from './admin/staff-import-routes.js';
import { unitsRoutes } from './admin/units-routes.js';
import { usersRoutes } from './admin/users-routes.js';
import { throttleRoutes } from './admin/throttle-routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { monitoringAdminRoutes } from './admin/monitoring/routes.js';
import { transparencyRoutes } from './dashboard/transparency-routes.js';
import { remindersAdminRoutes } from './admin/reminders/routes.js';
import { pelayananPublicRoutes } from './pelayanan/public-routes.js';
import { pelayananAdminRoutes } from './admin/pelayanan/routes.js';
import { cardRoutes } from './site/card-route.js';
import { siteRoutes } from './site/routes.js';
import { type PageCache, invalidateUnit } from './site/page-cache.js';
import { slugFromHost } from './site/urls.js';
import { regionTerms, servedRegionTerms } from './terms.js';

// What src/main needs besides createApp to mount the web role: the page cache's local "a unit's
// public pages changed" (tests subscribe it) and the demo's OAuth dialogs.
export { invalidateUnit as invalidatePublicPages } from './site/page-cache.js';
export { setDialogSimulator, type DialogSimulator } from './admin/channels/channels-deps.js';

// Paths shared by every host: a request to bacang.{SITE_DOMAIN}/assets/x is the same asset.
// Staff paths a visitor who is not signed in may use.
const OPEN_PATHS = ['/admin/masuk', '/admin/keluar', '/admin/pasang'];

const SHARED_PREFIXES = ['/assets/', '/healthz', '/admin', '/media/', '/api/', '/integrations/'];

/**
 * Builds the HTTP application. Requests on {slug}.{SITE_DOMAIN} are routed as /{slug}/… so a
 * unit's site has one set of routes for both addressing modes; `hostSlug` tells pages which
 * mode the visitor used (for links and canonical URLs).
 */
export function createApp(deps: AppDeps, options: { pageCache?: PageCache | false } = {}): Hono<AppEnv> {
  // Every change announced on the page-invalidation port, by this process or another, drops the
  // unit's pages from this process's caches (a Set: subscribing twice is harmless).
  deps.services.pages.subscribe(invalidateUnit);
  const app = new Hono<AppEnv>({
    getPath: (req) => {
      const url = new URL(req.url);
      const slug = slugFromHost(req.headers.get('host') ?? url.host, deps.config.siteDomain);
      if (!slug || SHARED_PREFIXES.some((p) => url.pathname.startsWith(p))) return url.pathname;
      return url.pathname === '/' ? `/${slug}` : `/${slug}${url.pathname}`;
    },
  });

  app.use('*', async (c, next) => {
    c.set('hostSlug', slugFromHost(c.req.header('host'), deps.config.siteDomain));
    c.set('region', deps.config.region);
    await next();
  });
  app.use('*', resolveClientIp(deps.config));
  app.use('*', requestContext(deps.logger));
  app.use('*', securityHeaders({ https: deps.config.publicUrl.startsWith('https://') }));
  app.route('/', healthRoutes(deps));
  app.route('/', assetRoutes());
  // Signed links for the platforms first (channels), then the private-until-published route.
  app.route('/', signedMediaRoutes(deps));
  app.route('/', mediaRoutes(deps));
  // The region's words (kota/kabupaten, kelurahan/desa) for every text the request renders.
  app.use('*', regionTerms(deps));

  // Every body is bounded and counted as it streams (middleware/body-limit.ts).
  app.use('*', bodyLimit());
  // Staff area, in this order so a stranger's request is answered before its body is read:
  // session → anonymous to the login page (except the login form itself) → CSRF (header, or the
  // first form field) → routes.
  app.use('/admin/*', session(deps));
  app.use('/admin', session(deps));
  // The regency the staff screens serve: the actor's own, or a province admin's choice (0017).
  app.use('/admin/*', servedRegion(deps));
  app.use('/admin', servedRegion(deps));
  app.use('/admin/*', servedRegionTerms(deps));
  app.use('/admin', servedRegionTerms(deps));
  app.use('/admin', requireLogin(OPEN_PATHS));
  app.use('/admin/*', requireLogin(OPEN_PATHS));
  app.use('/admin/*', csrf(deps));
  app.use('/admin/*', idempotency(deps));
  app.route('/', loginRoutes(deps));
  app.route('/', setupRoutes(deps));
  app.use('/admin/*', async (c, next) => {
    await next();
    // Staff pages are personal: never cached by a browser or a proxy.
    setResponseHeader(c, 'Cache-Control', 'no-store');
  });
  app.route('/', homeRoutes(deps));
  app.route('/', accountRoutes(deps));
  // Before usersRoutes: /admin/pengguna/:id would take "diperlambat" for a user id.
  app.route('/', throttleRoutes(deps));
  // Before the users routes: /admin/pengguna/impor is not a user id (/admin/pengguna/:id).
  app.route('/', staffImportRoutes(deps));
  app.route('/', leaversRoutes(deps));
  app.route('/', usersRoutes(deps));
  app.route('/', unitsRoutes(deps));
  app.route('/', scopeRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', channelsRoutes(deps));
  app.route('/', composerRoutes(deps));
  app.route('/', profileAdminRoutes(deps));
  app.route('/', contentAdminRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/', monitoringAdminRoutes(deps));
  app.route('/', remindersAdminRoutes(deps));
  app.route('/', transparencyRoutes(deps));

  app.route('/', pelayananAdminRoutes(deps));
  app.route('/', pelayananPublicRoutes(deps));
  // The generated share cards of units and the portal (og:image's last resort), before the site's slugs.
  app.route('/', cardRoutes(deps));
  app.route('/', siteRoutes(deps, { cache: options.pageCache ?? true }));

  app.notFound((c) => renderNotFound(c));
  app.onError((error, c) => renderServerError(c, error));
  return app;
}
