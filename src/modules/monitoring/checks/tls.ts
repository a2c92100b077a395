import { readPeerCertificate } from '../peer-certificate.js';
import type { Observation, TlsValue } from '../observation.js';
import type { SiteContext } from '../site-context.js';
import type { MonitorCheck } from './check.js';

// An expired, self-signed or wrong-name certificate makes every browser show a full-page
// warning: for a citizen the site is gone. Each has a different fix (renew; install a
// certificate from a trusted issuer; install one that covers this name), so each is its own
// state. Read separately from the page fetch so the certificate is seen even when it is not
// trusted; expiring soon is a warning, not a failure.

const DAY = 24 * 3600_000;
export const TLS_WARN_DAYS = 14;

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const WRONG_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/** `target` is the https address actually served (an http site may redirect to https). */
export async function checkTls(ctx: SiteContext, target: string = ctx.siteUrl): Promise<Observation> {
  const base = {
    kind: 'tls' as const,
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: ctx.now.toISOString(),
    source: 'tls',
    confidence: 'high' as const,
  };
  if (!target.startsWith('https:')) {
    const value: TlsValue = { state: 'not_https', validTo: null, daysLeft: null, authorizationError: null };
    return { ...base, value, evidence: { codes: ['not_https'], facts: {} } };
  }
  const r = await readPeerCertificate(target, { ...ctx.fetcher.options, guard: ctx.fetcher.guard });
  if (!r.ok) {
    const value: TlsValue = { state: 'unreachable', validTo: null, daysLeft: null, authorizationError: r.errorCode };
    return { ...base, value, evidence: { codes: ['tls_unreachable'], facts: { end: r.end, errorCode: r.errorCode } } };
  }
  const daysLeft = Math.floor((new Date(r.cert.validTo).getTime() - ctx.now.getTime()) / DAY);
  const error = r.cert.authorizationError;
  let state: TlsValue['state'] = 'ok';
  if (daysLeft < 0 || error === 'CERT_HAS_EXPIRED') state = 'expired';
  else if (error && SELF_SIGNED.has(error)) state = 'self_signed';
  else if (error && WRONG_NAME.has(error)) state = 'wrong_name';
  else if (!r.cert.authorized) state = 'untrusted';
  else if (daysLeft < TLS_WARN_DAYS) state = 'expiring';
  const value: TlsValue = { state, validTo: r.cert.validTo, daysLeft, authorizationError: error };
  return {
    ...base,
    value,
    evidence: {
      codes: [`tls_${state}`],
      facts: { validTo: r.cert.validTo, daysLeft, subject: r.cert.subject, altNames: r.cert.altNames, issuer: r.cert.issuer, authorizationError: error, host: new URL(target).hostname },
    },
  };
}

export const tlsCheck: MonitorCheck = {
  name: 'tls',
  scope: 'website',
  shouldRun: (r) => {
    const served = r.site!.shared.home?.finalUrl ?? r.site!.siteUrl;
    return r.site!.siteUrl.startsWith('https:') || served.startsWith('https:');
  },
  run: async (r) => {
    const ctx = r.site!;
    const served = ctx.shared.home?.finalUrl ?? ctx.siteUrl;
    return [await checkTls(ctx, ctx.siteUrl.startsWith('https:') ? ctx.siteUrl : served)];
  },
};
