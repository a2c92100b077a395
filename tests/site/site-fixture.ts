import { Hono } from 'hono';
import { seedSiteDemo } from '../../src/main/demo/site-content.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type SiteRouteOptions, siteRoutes } from '../../src/web/site/routes.js';
import { type TestDb, createTestDb } from '../support/test-db.js';

export interface SiteFixture {
  t: TestDb;
  clock: FixedClock;
  app: Hono;
  config: { publicUrl: string; siteDomain: string | null; region: string };
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  unitId(slug: string): Promise<string>;
}

/** A migrated database with Pangkalpinang imported and the demo content, behind the site routes. */
export async function createSiteFixture(opts: SiteRouteOptions & { siteDomain?: string | null } = {}): Promise<SiteFixture> {
  const t = await createTestDb();
  const clock = new FixedClock('2026-03-10T03:00:00Z');
  const imported = await importRegion(t.db, '19.71', clock);
  if (!imported.ok) throw new Error('region import failed');
  await seedSiteDemo(t.db, clock);
  const config = { publicUrl: 'https://portal.example.go.id', siteDomain: opts.siteDomain ?? 'pangkalpinangkota.go.id', region: '19.71' };
  const app = new Hono();
  app.route('/', siteRoutes({ db: t.db, clock, config }, opts));
  return {
    t,
    clock,
    app,
    config,
    get: (path, headers = {}) => Promise.resolve(app.request(`http://portal.example.go.id${path}`, { headers: { host: 'portal.example.go.id', ...headers } })),
    unitId: async (slug) => (await t.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id,
  };
}
