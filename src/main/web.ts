import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { type DialogSimulator, createApp, invalidatePublicPages, setDialogSimulator } from '../web/app.js';
import type { AppDeps } from '../web/deps.js';

// The only file of src/main that reaches into src/web: it mounts the HTTP app. Everything the
// app needs is composed before (compose.ts) and passed in.

/** Tells the web role's page cache that a unit's public pages changed (no-op without a web role). */
export const publicPagesChanged = (unitId: string): void => invalidatePublicPages(unitId);

/** Starts the HTTP role; resolves once listening, with the bound address. */
export function startWeb(
  deps: AppDeps,
  options: { dialogSimulator?: DialogSimulator | null } = {},
): Promise<{ server: ServerType; port: number }> {
  // Demo mode without internet: OAuth buttons open the simulated consent screen of the fakes.
  setDialogSimulator(options.dialogSimulator ?? null);
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: deps.config.port, hostname: deps.config.host }, (info: AddressInfo) => {
      resolve({ server, port: info.port });
    });
    server.once('error', reject);
  });
}
