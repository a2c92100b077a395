import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { complaintRoutes } from './complaint-routes.js';
import { requestRoutes } from './request-routes.js';
import { verifyRoutes } from './verify-routes.js';

/** Citizens' pelayanan pages, mounted before the public site (which serves GET pages only). */
export function pelayananPublicRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', verifyRoutes(deps));
  app.route('/', requestRoutes(deps));
  // After the requests: the tracking page hands complaint codes on to these routes.
  app.route('/', complaintRoutes(deps));
  return app;
}
