import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { cityRoutes } from './city-routes.js';
import { complaintAdminRoutes } from './complaint-routes.js';
import { formsRoutes } from './forms-routes.js';
import { inboxRoutes } from './inbox-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { pelayananDashboardRoutes } from '../../dashboard/pelayanan-view.js';

/** Staff routes of pelayanan digital (issue 17). Fixed paths before the ones with a request id. */
export function pelayananAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', cityRoutes(deps));
  app.route('/', pelayananDashboardRoutes(deps));
  app.route('/', settingsRoutes(deps));
  app.route('/', formsRoutes(deps));
  app.route('/', inboxRoutes(deps));
  app.route('/', complaintAdminRoutes(deps));
  return app;
}
