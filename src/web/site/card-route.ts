import { Hono } from 'hono';
import { renderCard } from '../../modules/cards/index.js';
import { findUnitById } from '../../modules/units/index.js';
import type { AppDeps } from '../deps.js';
import { cityName, unitTitle } from './context.js';
import { CARD_PATH } from './share-image.js';

// GET /_kartu/<unit id>.png and /_kartu/portal.png: the generated share card of a unit (the last
// link of the share-picture chain, share-image.ts) or of the city portal. Drawn once per process
// and name, kept in memory (a few hundred kB each, bounded), public and cacheable: only link
// previewers ask for it, never a page render.
const MAX_CARDS = 300;
const MAX_AGE_S = 86_400;

export function cardRoutes(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>): Hono {
  const app = new Hono();
  const cards = new Map<string, Promise<Buffer>>();

  app.get(`${CARD_PATH}/:file{[\\w-]+\\.png}`, async (c) => {
    const id = c.req.param('file').slice(0, -'.png'.length);
    let title: string;
    let sub: string;
    if (id === 'portal') {
      const city = await cityName(deps);
      title = `Pemerintah ${city}`;
      sub = 'Portal resmi';
    } else {
      const unit = await findUnitById(deps.db, id);
      // Any imported regency's unit has a public site (decision 0017), so a card too.
      if (!unit || unit.kind === 'kota' || unit.kind === 'kabupaten') return c.notFound();
      title = unitTitle(unit);
      sub = `Pemerintah ${await cityName(deps, unit.region_code)}`;
    }
    const key = `${id}|${title}|${sub}`;
    let png = cards.get(key);
    if (!png) {
      png = renderCard({ template: 'berita', size: 'og', title, text: sub, date: deps.clock.now(), unitName: title, siteLabel: deps.config.publicUrl.replace(/^https?:\/\//, '') }).then((r) => r.data);
      png.catch(() => cards.delete(key));
      if (cards.size >= MAX_CARDS) cards.delete(cards.keys().next().value!);
      cards.set(key, png);
    }
    const body = await png;
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': 'image/png',
      'Content-Length': String(body.length),
      'Cache-Control': `public, max-age=${MAX_AGE_S}`,
    });
  });
  return app;
}
