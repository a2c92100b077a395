import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from './context.js';
import type { AppDeps } from './deps.js';

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    const started = performance.now();
    try {
      await sql`select 1`.execute(deps.db);
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok', database: { engine: deps.dialect, reachable: true, ms: Math.round(performance.now() - started) } });
    } catch (error) {
      c.get('logger').error({ err: error }, 'health check: database unreachable');
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'error', database: { engine: deps.dialect, reachable: false } }, 503);
    }
  });
  return app;
}
