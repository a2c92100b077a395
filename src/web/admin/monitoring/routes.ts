import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { monitoringCheckAllRoutes } from './check-all-routes.js';
import { monitoringCityRoutes } from './city-routes.js';
import { monitoringDisputeRoutes } from './dispute-routes.js';
import { monitoringUnitRoutes } from './unit-routes.js';

/** Staff pages of the monitoring engine: a unit's own page, the city rule, disputes, "periksa semua". */
export function monitoringAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', monitoringUnitRoutes(deps));
  app.route('/', monitoringCityRoutes(deps));
  app.route('/', monitoringCheckAllRoutes(deps));
  app.route('/', monitoringDisputeRoutes(deps));
  return app;
}
