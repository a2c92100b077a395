/** @jsxImportSource #html-jsx */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Child } from '#html-jsx/jsx-runtime';
import { raw } from '#html-jsx/jsx-runtime';
import { t } from '../../i18n/index.js';
import { ensureServiceCatalogue } from '../../modules/services/index.js';
import type { Challenge, PelayananDeps } from '../../modules/pelayanan/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { type UnitCtx, loadUnitCtx } from '../site/context.js';
import { Crumbs } from '../views/site/components.js';
import { Layout } from '../views/site/layout.js';
import { PELAYANAN_PUBLIC_CSS } from './public-css.js';

// Pieces shared by the citizens' pelayanan pages: the unit's site frame, the signed cookies that
// stand in for an account (the tracking session after code + PIN; the PIN shown once after
// sending), and the module's dependencies built from the app's.

const stores = new WeakMap<object, PelayananDeps>();

/** The pelayanan module's dependencies for this app: documents in the private store (a folder outside MEDIA_DIR, or the bucket's private prefix). */
export function pelayananDeps(deps: AppDeps): PelayananDeps {
  let p = stores.get(deps);
  if (!p) {
    p = { db: deps.db, clock: deps.clock, store: deps.services.privateStore, secret: deps.config.secret, region: deps.config.region, words: deps.services.pelayananWords };
    stores.set(deps, p);
  }
  return p;
}

const catalogues = new WeakMap<object, Promise<unknown>>();

/** The layanan catalogue is seeded on first use (as the public site does), once per app. */
export function catalogueReady(deps: AppDeps): Promise<unknown> {
  let p = catalogues.get(deps);
  if (!p) {
    p = ensureServiceCatalogue(deps.db, deps.clock).catch((e) => {
      catalogues.delete(deps);
      throw e;
    });
    catalogues.set(deps, p);
  }
  return p;
}

export async function unitCtxOf(c: Context<AppEnv>, deps: AppDeps): Promise<UnitCtx | null> {
  const slug = c.req.param('unit');
  if (!slug) return null;
  await catalogueReady(deps);
  const ctx = await loadUnitCtx(deps, slug, c.get('hostSlug') ? 'host' : 'path', deps.clock.now());
  // OPD and kecamatan sites take complaints but not online letters; all are units of this city.
  return ctx && ctx.unit.region_code === deps.config.region ? ctx : null;
}

/** A citizens' page: never cached (it holds a form's answers or a tracking view), never indexed when personal. */
export function respond(c: Context<AppEnv>, body: Child, status = 200) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(`<!doctype html>${String(body)}`, status as 200);
}

export function PublicPage(p: { ctx: UnitCtx; title: string; crumbs: [string, string | null][]; children?: Child; path: string }) {
  const { ctx } = p;
  return (
    <Layout meta={{ title: p.title, description: p.title, canonical: ctx.links.canonical(p.path), noindex: true }} chrome={{ ...ctx.chrome, active: 'layanan' }}>
      <style>{raw(PELAYANAN_PUBLIC_CSS)}</style>
      <Crumbs items={[[t('site.nav.home'), ctx.links.href('/')], ...p.crumbs]} />
      {p.children}
    </Layout>
  );
}

// ---- Signed cookies --------------------------------------------------------------------------

const TRACK_COOKIE = 'beranda_lacak';
const PIN_COOKIE = 'beranda_pin';
const TRACK_TTL_MS = 2 * 3600_000;
const KNOWN_COOKIE = 'beranda_kenal';
const KNOWN_TTL_MS = 365 * 24 * 3600_000;
/** Codes remembered per browser (a family's few requests; the cookie stays far below readSigned's 400 characters). */
const KNOWN_MAX = 8;

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`pelayanan-cookie|${payload}`).digest('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function readSigned(c: Context<AppEnv>, deps: AppDeps, name: string): string[] | null {
  const v = getCookie(c, name);
  if (!v || v.length > 400) return null;
  const i = v.lastIndexOf('.');
  if (i < 0) return null;
  const payload = v.slice(0, i);
  if (!same(v.slice(i + 1), sign(deps.config.secret, `${name}|${payload}`))) return null;
  const parts = payload.split('.');
  if (Number(parts[parts.length - 1]) < deps.clock.now().getTime()) return null;
  return parts;
}

function writeSigned(c: Context<AppEnv>, deps: AppDeps, name: string, parts: string[], ttlMs: number): void {
  const payload = [...parts, String(deps.clock.now().getTime() + ttlMs)].join('.');
  setCookie(c, name, `${payload}.${sign(deps.config.secret, `${name}|${payload}`)}`, { httpOnly: true, sameSite: 'Lax', secure: deps.config.secureCookies, path: '/', maxAge: Math.floor(ttlMs / 1000) });
}

/**
 * After code + PIN (or right after sending): this browser may see this one request for two hours,
 * and is remembered as one that knows the code, so strangers' wrong PINs never slow it
 * (modules/pelayanan/pin-throttle.ts).
 */
export function grantTracking(c: Context<AppEnv>, deps: AppDeps, code: string): void {
  writeSigned(c, deps, TRACK_COOKIE, [code], TRACK_TTL_MS);
  const known = (readSigned(c, deps, KNOWN_COOKIE) ?? []).slice(0, -1).filter((k) => k !== code);
  writeSigned(c, deps, KNOWN_COOKIE, [code, ...known].slice(0, KNOWN_MAX), KNOWN_TTL_MS);
}

/** True when this browser sent or opened the code before (a signed cookie, so it cannot be made up). */
export const knowsCode = (c: Context<AppEnv>, deps: AppDeps, code: string): boolean => (readSigned(c, deps, KNOWN_COOKIE) ?? []).slice(0, -1).includes(code);

export function trackingGranted(c: Context<AppEnv>, deps: AppDeps, code: string): boolean {
  const parts = readSigned(c, deps, TRACK_COOKIE);
  return parts !== null && parts[0] === code;
}

export const endTracking = (c: Context<AppEnv>, deps: AppDeps) => deleteCookie(c, TRACK_COOKIE, { path: '/', secure: deps.config.secureCookies });

/** The PIN is shown once on the page after sending, then the cookie is gone. */
export const stashPin = (c: Context<AppEnv>, deps: AppDeps, code: string, pin: string) => writeSigned(c, deps, PIN_COOKIE, [code, pin], 10 * 60_000);

export function takePin(c: Context<AppEnv>, deps: AppDeps, code: string): string | null {
  const parts = readSigned(c, deps, PIN_COOKIE);
  if (!parts || parts[0] !== code) return null;
  deleteCookie(c, PIN_COOKIE, { path: '/', secure: deps.config.secureCookies });
  return parts[1] ?? null;
}

// ---- Forms -----------------------------------------------------------------------------------

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Reads a multipart/urlencoded body; a malformed body is an empty form, not a 500. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string | File>> {
  try {
    return (await c.req.parseBody()) as Record<string, string | File>;
  } catch {
    return {};
  }
}

export const isFile = (v: unknown): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v && typeof (v as File).size === 'number';

/** The Indonesian message for a field error code. */
export const errText = (code: string, params: Record<string, string | number> = {}) => t(`pel.err.${code}`, params);

export function FieldError(p: { id: string; error?: string | null }) {
  return p.error ? <p class="pel-err" id={`${p.id}-err`}>{p.error}</p> : null;
}

export function ErrorSummary(p: { errors: [string, string][] }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="pel-summary" role="alert" tabindex={-1} id="kesalahan">
      <h2>{t('pel.form.fix_title')}</h2>
      <ul>
        {p.errors.map(([id, text]) => (
          <li>
            <a href={`#${id}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The two checks against robots on every citizen form, with no script: a field people never see
 * (robots fill it) and a small sum bound to a signed token.
 */
export function RobotCheck(p: { challenge: Challenge }) {
  return (
    <>
      <div class="pel-hp" aria-hidden="true">
        <label for="f-situs">{t('pel.form.honeypot')}</label>
        <input id="f-situs" type="text" name="situs_web" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class="pel-f">
        <label for="f-jawaban">{t('pel.form.challenge', { a: p.challenge.a, b: p.challenge.b })}</label>
        <span class="hint">{t('pel.form.challenge_hint')}</span>
        <input id="f-jawaban" type="text" name="jawaban" inputmode="numeric" maxlength={3} autocomplete="off" value="" />
        <input type="hidden" name="uji" value={p.challenge.token} />
      </div>
    </>
  );
}
