import { readPeerCertificate } from '../fetcher.js';
import type { Observation, TlsValue } from '../observation.js';
import type { SiteContext } from '../site-context.js';

// An expired certificate makes every browser show a full-page warning: for a citizen the site
// is gone. Checked separately from the page fetch so we can read the expiry date even when the
// certificate is not trusted.

const DAY = 24 * 3600_000;
export const TLS_WARN_DAYS = 14;

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
  let state: TlsValue['state'] = 'ok';
  if (daysLeft < 0 || r.cert.authorizationError === 'CERT_HAS_EXPIRED') state = 'expired';
  else if (!r.cert.authorized) state = 'invalid';
  else if (daysLeft < TLS_WARN_DAYS) state = 'expiring';
  const value: TlsValue = { state, validTo: r.cert.validTo, daysLeft, authorizationError: r.cert.authorizationError };
  return {
    ...base,
    value,
    evidence: {
      codes: [`tls_${state}`],
      facts: { validTo: r.cert.validTo, subject: r.cert.subject, issuer: r.cert.issuer, authorizationError: r.cert.authorizationError },
    },
  };
}
