// Minimal public pages written with the foundation (portal index and a unit page). The public
// sites work (issue 3) replaces this file with the full sites; keep the export's name and shape.
import { Hono } from 'hono';
import { findUnitBySlug, listUnitTree } from '../../modules/units/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderNotFound } from '../errors.js';
import { assetUrl } from '../assets-route.js';

export function siteRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const tree = await listUnitTree(deps.db, deps.config.region);
    return c.html(
      <html lang="id">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{tree.root?.name ?? 'Beranda'}</title>
          <link rel="stylesheet" href={assetUrl('staff.css')} />
        </head>
        <body>
          <main class="page">
            <h1>Pemerintah {tree.root?.name}</h1>
            {tree.kecamatan.map((k) => (
              <section>
                <h2>Kecamatan {k.unit.name}</h2>
                <ul>
                  {k.children.map((u) => (
                    <li>
                      <a href={`/${u.slug}`}>{u.name}</a>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </main>
        </body>
      </html>,
    );
  });
  app.get('/:slug', async (c) => {
    const unit = await findUnitBySlug(deps.db, deps.config.region, c.req.param('slug'));
    if (!unit) return renderNotFound(c);
    return c.html(
      <html lang="id">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{unit.name}</title>
          <link rel="stylesheet" href={assetUrl('staff.css')} />
        </head>
        <body>
          <main class="page">
            <h1>
              {unit.kind === 'desa' ? 'Desa' : unit.kind === 'opd' ? '' : 'Kelurahan'} {unit.name}
            </h1>
          </main>
        </body>
      </html>,
    );
  });
  return app;
}
