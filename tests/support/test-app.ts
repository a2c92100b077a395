import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config/index.js';
import { ensureDemoUsers, DEMO_PASSWORD } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type Services, composeServices } from '../../src/main/compose.js';
import { createApp, invalidatePublicPages } from '../../src/web/app.js';
import type { AppDeps } from '../../src/web/deps.js';
import { createTestDb, type TestDb } from './test-db.js';

export interface TestApp {
  t: TestDb;
  deps: AppDeps;
  /** What src/main composed for both roles (the worker's jobs take these). */
  services: Services;
  clock: FixedClock;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  /** Signs in through the real login form and returns the cookie header and CSRF token to use. */
  loginAs(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form?: Record<string, string | string[]>): Promise<Response>;
}

const cookieFrom = (res: Response): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [k, v] = pair!.split('=');
    out[k!.trim()] = v ?? '';
  }
  return out;
};

export const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export function formBody(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body;
}

export interface AppClient {
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  /** Signs in through the real login form; throws unless the form answers with a session. */
  loginAs(username: string, password?: string): Promise<Session>;
}

/** Requests to an app in process, and sign-ins through its real login form. */
export function appClient(app: { request(path: string, init?: RequestInit): Response | Promise<Response> }): AppClient {
  const request = (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (!headers.has('host')) headers.set('host', 'localhost');
    return Promise.resolve(app.request(path, { ...init, headers }));
  };

  let ipCounter = 0;
  const loginAs = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const ip = `127.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
    const form = await request('/admin/masuk', { headers: { 'x-forwarded-for': ip } });
    const pre = cookieFrom(form);
    const preCookie = `beranda_csrf=${pre.beranda_csrf}`;
    const res = await request('/admin/masuk', {
      method: 'POST',
      cookie: preCookie,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
      body: formBody({ _csrf: csrfFrom(await form.text()), username, password }),
    });
    const sessionCookie = cookieFrom(res).beranda_sesi;
    if (res.status !== 303 || !sessionCookie) throw new Error(`login as ${username} failed: ${res.status}`);
    const cookie = `beranda_sesi=${sessionCookie}`;
    const home = await request('/admin/akun/sandi', { cookie });
    const csrf = csrfFrom(await home.text());
    return {
      cookie,
      csrf,
      get: (path) => request(path, { cookie }),
      post: (path, formData = {}) =>
        request(path, {
          method: 'POST',
          cookie,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody({ _csrf: csrf, ...formData }),
        }),
    };
  };
  return { request, loginAs };
}

/** The whole app in process over a fresh test database with Pangkalpinang and demo logins. */
export async function createTestApp(overrides: Partial<Config> = {}, options: { clock?: FixedClock } = {}): Promise<TestApp> {
  const t = await createTestDb();
  const clock = options.clock ?? new FixedClock('2026-11-25T02:00:00Z');
  // Citizens' documents (issue 17) go to a fresh folder per test app, never into the worktree.
  const pelayananDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-pelayanan-'));
  const config = { ...loadConfig({ BERANDA_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' }), pelayananDir, ...overrides };
  await importRegion(t.db, config.region, clock);
  await ensureDemoUsers(t.db, clock, config.region);
  // With demo off these stand for a city's real staff: demo accounts could not sign in (issue 13).
  if (!config.demo) await t.db.updateTable('users').set({ is_demo: 0 }).execute();
  const services = composeServices({ db: t.db, clock, config, onPublicChange: invalidatePublicPages });
  const deps: AppDeps = { db: t.db, dialect: t.dialect, config, clock, logger: pino({ level: 'silent' }), services };
  const { request, loginAs } = appClient(createApp(deps));
  const close = async () => {
    await t.close();
    rmSync(pelayananDir, { recursive: true, force: true });
  };
  return { t, deps, services, clock, request, loginAs, close };
}

/** AppDeps for an app a test builds by hand: the services composed as src/main does. */
export function withServices<T extends Omit<AppDeps, 'services'>>(deps: T): T & { services: Services } {
  return { ...deps, services: composeServices({ db: deps.db, clock: deps.clock, config: deps.config, onPublicChange: invalidatePublicPages }) };
}
