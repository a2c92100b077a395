import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { afterPublishRoutes } from './after-publish-routes.js';
import { assistRoutes } from './assist-routes.js';
import { broadcastRoutes } from './broadcast-routes.js';
import { discardRoutes } from './discard-routes.js';
import { editorRoutes } from './editor-routes.js';
import { guideRoutes } from './guide-routes.js';
import { libraryRoutes } from './library-routes.js';
import { uploadRoutes } from './upload-route.js';
import { writeRoutes } from './write-routes.js';

/** Every composer route; mounted once in src/web/app.tsx. The unit home lives in unit-home.tsx. */
export function composerRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', writeRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', editorRoutes(deps));
  app.route('/', discardRoutes(deps));
  app.route('/', afterPublishRoutes(deps));
  app.route('/', libraryRoutes(deps));
  app.route('/', assistRoutes(deps));
  app.route('/', broadcastRoutes(deps));
  app.route('/', guideRoutes());
  return app;
}
