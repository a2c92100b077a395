import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppDeps } from './deps.js';
import { cachedPageResponder } from './site/fast-path.js';
import { PageCache } from './site/page-cache.js';

/**
 * The web role's node:http request listener: a cached public page is answered from its bytes
 * (site/fast-path.ts); every other request goes through the app. Both share one page cache,
 * so what the app renders and caches is what the fast path answers next time.
 */
export function createWebListener(deps: AppDeps): { listener: RequestListener; pageCache: PageCache | null } {
  // PAGE_CACHE=0: every page is rendered (the benchmark's "uncached" figures).
  if (deps.config.pageCache === false) return { listener: getRequestListener(createApp(deps, { pageCache: false }).fetch), pageCache: null };
  const pageCache = new PageCache();
  const app = createApp(deps, { pageCache });
  const viaApp = getRequestListener(app.fetch);
  const cached = cachedPageResponder(pageCache, deps);
  return {
    pageCache,
    listener: (req, res) => {
      if (!cached(req, res)) void viaApp(req, res);
    },
  };
}
