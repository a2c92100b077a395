import type { ObservationOf } from '../monitoring/index.js';
import type { Reason } from './evaluate.js';

// What a website's latest checks mean for the rule, as reasons a person can act on (issue 15
// §5): a site that cannot be opened fails, each failure with its own reason and next step; a
// site that opens but that we cannot read (too heavy, a bot challenge, a script-only shell, a
// server that refused checkers or asked us to come back later) is "we cannot tell"; a
// certificate or domain about to expire is a warning that does not change the verdict.

export interface SiteAssessment {
  /** The site cannot be used by citizens: these reasons fail the website requirement. */
  failures: Reason[];
  /** The site opens, but its content could not be read: the verdict cannot be PASS or FAIL from it. */
  unreadable: Reason[];
  /** Worth fixing soon; no effect on the verdict. */
  warnings: Reason[];
}

const DOWN_REASON: Record<string, string> = {
  timeout: 'site_timeout',
  dns_error: 'site_dns_error',
  connection_refused: 'site_refused',
  connection_error: 'site_connection_error',
  redirect_loop: 'site_redirect_loop',
  too_many_redirects: 'site_too_many_redirects',
  invalid_url: 'site_invalid_url',
};

const TLS_REASON: Record<string, string> = {
  expired: 'tls_expired',
  self_signed: 'tls_self_signed',
  wrong_name: 'tls_wrong_name',
  untrusted: 'tls_untrusted',
  invalid: 'tls_invalid',
};

const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

export function assessSite(
  url: string,
  a: ObservationOf<'availability'> | undefined,
  t: ObservationOf<'tls'> | undefined,
  d: ObservationOf<'domain_expiry'> | undefined,
): SiteAssessment {
  const failures: Reason[] = [];
  const unreadable: Reason[] = [];
  const warnings: Reason[] = [];
  const state = a?.value.state;
  const code = a?.evidence.codes.find((c) => c in DOWN_REASON || /^http_\d+$/.test(c));
  switch (state) {
    case undefined:
    case 'up':
      break;
    case 'down': {
      const status = a!.value.status;
      if (code && DOWN_REASON[code]) failures.push({ code: DOWN_REASON[code]!, params: { url } });
      else if (status === 404 || status === 410) failures.push({ code: 'site_not_found', params: { url, status } });
      else if (status !== null && status >= 500) failures.push({ code: 'site_server_error', params: { url, status } });
      else if (status !== null) failures.push({ code: 'site_http_error', params: { url, status } });
      else failures.push({ code: 'site_down', params: { url } });
      break;
    }
    case 'tls_error': {
      const tls = t && TLS_REASON[t.value.state];
      failures.push({ code: tls ?? 'tls_invalid', params: { url, ...(t?.value.validTo ? { validTo: t.value.validTo } : {}), ...(t?.evidence.facts.altNames ? { names: String(t.evidence.facts.altNames).replace(/DNS:/g, '').slice(0, 120) } : {}) } });
      break;
    }
    case 'redirected_offsite':
    case 'redirected_parked':
    case 'redirected_suspended':
    case 'redirected_gambling':
      // Gambling: the integrity check makes it COMPROMISED; here it also fails the website.
      failures.push({ code: state, params: { url, to: a!.value.landing?.url ?? a!.value.offsiteLocation ?? '' } });
      break;
    case 'address_refused':
      failures.push({ code: 'site_address_refused', params: { url } });
      break;
    case 'parked':
    case 'suspended':
    case 'soft404_home':
      failures.push({ code: state, params: { url } });
      break;
    case 'error_page': {
      const message = String(a!.evidence.facts.message ?? '');
      failures.push(message ? { code: 'error_page', params: { url, message } } : { code: 'blank_page', params: { url } });
      break;
    }
    case 'too_large':
      unreadable.push({ code: 'site_too_large', params: { url } });
      break;
    case 'bot_challenge':
      unreadable.push({ code: 'bot_challenge', params: { url } });
      break;
    case 'script_only':
      unreadable.push({ code: 'script_only', params: { url } });
      break;
    case 'blocked':
      unreadable.push({ code: 'site_blocked', params: { url, status: a!.value.status ?? 403 } });
      break;
    case 'rate_limited':
      unreadable.push({ code: 'site_rate_limited', params: { url } });
      break;
  }
  // A certificate problem the page fetch did not trip over (an http site served over https too).
  if (state !== 'tls_error' && t && TLS_REASON[t.value.state] && (state === 'up' || state === undefined)) {
    failures.push({ code: TLS_REASON[t.value.state]!, params: { url, ...(t.value.validTo ? { validTo: t.value.validTo } : {}) } });
  }
  if (t?.value.state === 'expiring') warnings.push({ code: 'tls_expiring', params: { url, days: t.value.daysLeft ?? 0, validTo: dayOf(t.value.validTo) } });
  if (d?.value.state === 'expired' && !failures.some((f) => f.code.startsWith('redirected_') || f.code === 'parked')) failures.push({ code: 'domain_expired', params: { url, domain: d.value.domain } });
  else if (d?.value.state === 'expired') warnings.push({ code: 'domain_expired', params: { url, domain: d.value.domain } });
  if (d?.value.state === 'expiring') warnings.push({ code: 'domain_expiring', params: { url, domain: d.value.domain, days: d.value.daysLeft ?? 0 } });
  return { failures, unreadable, warnings };
}
