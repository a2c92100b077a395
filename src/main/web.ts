import type { ServerType } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DialogSimulator, invalidatePublicPages, setDialogSimulator } from '../web/app.js';
import type { AppDeps } from '../web/deps.js';
import { createWebListener } from '../web/server.js';

// The only file of src/main that reaches into src/web: it mounts the HTTP app. Everything the
// app needs is composed before (compose.ts) and passed in.

/** Drops a unit's pages from this process's page cache (tests; production goes through the port). */
export const publicPagesChanged = (unitId: string): void => invalidatePublicPages(unitId);

/** Starts the HTTP role; resolves once listening, with the bound address. */
export function startWeb(
  deps: AppDeps,
  options: { dialogSimulator?: DialogSimulator | null } = {},
): Promise<{ server: ServerType; port: number }> {
  // Demo mode without internet: OAuth buttons open the simulated consent screen of the fakes.
  setDialogSimulator(options.dialogSimulator ?? null);
  // Cached public pages are answered before the app (web/site/fast-path.ts).
  const { listener } = createWebListener(deps);
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
