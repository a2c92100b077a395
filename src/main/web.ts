import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../web/app.js';
import type { AppDeps } from '../web/deps.js';

/** Starts the HTTP role; resolves once listening, with the bound address. */
export function startWeb(deps: AppDeps): Promise<{ server: ServerType; port: number }> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: deps.config.port, hostname: deps.config.host }, (info: AddressInfo) => {
      resolve({ server, port: info.port });
    });
    server.once('error', reject);
  });
}
