import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { oauthRoutes } from '../../integrations/oauth-routes.js';
import { simulatedDialogRoutes } from '../../integrations/simulated-dialog.js';
import { connectRoutes } from './connect-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { registryRoutes } from './registry-routes.js';

/**
 * Everything of the social channels at the HTTP edge, mounted with one line in app.tsx before
 * the site routes: the staff pages under /admin/unit/:slug/{kanal,kiriman}, the OAuth callbacks
 * and the demo's simulated consent under /integrations (the signed /media/ links are mounted in
 * app.tsx, before the private-until-published media route).
 */
export function channelsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', oauthRoutes(deps));
  app.route('/', simulatedDialogRoutes(deps));
  app.route('/', registryRoutes(deps));
  app.route('/', connectRoutes(deps));
  app.route('/', deliveryRoutes(deps));
  return app;
}
