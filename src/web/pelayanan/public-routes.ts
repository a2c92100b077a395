import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { type BodyBudget, CITIZEN_BODY_BUDGET, citizenBodyBudget } from './citizen-body.js';
import { complaintRoutes } from './complaint-routes.js';
import { requestRoutes } from './request-routes.js';
import { verifyRoutes } from './verify-routes.js';

/** Citizens' pelayanan pages, mounted before the public site (which serves GET pages only). */
export function pelayananPublicRoutes(deps: AppDeps, budget: BodyBudget = CITIZEN_BODY_BUDGET): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // One budget for the bodies of every form with documents (citizen-body.ts).
  const guard = citizenBodyBudget(budget);
  app.route('/', verifyRoutes(deps));
  app.route('/', requestRoutes(deps, guard));
  // After the requests: the tracking page hands complaint codes on to these routes.
  app.route('/', complaintRoutes(deps, guard));
  return app;
}
