import type { FetchResult } from '../fetcher.js';
import { pageOf } from '../html.js';
import type { AvailabilityValue, Observation, SiteState } from '../observation.js';
import { gamblingSignal, pageSignals, scanUrl } from '../page-signals.js';
import type { SiteContext } from '../site-context.js';
import { errorPagePhrase, looksNotFound, similarity } from '../text-rules.js';
import { hostOf, sameSite } from '../url-tools.js';
import type { MonitorCheck } from './check.js';

// Is the site there, is it really the unit's site, and what would a person see? A 200 can be a
// parked domain, a soft-404, a suspension notice, a bot challenge or an empty script shell
// (docs/reference/freshness.md §3.2), so the home page is classified, not just status-checked.
// Where visitors are sent elsewhere — by a redirect, a meta refresh or a script — the page they
// land on is read once (same limits, same address guard): a gambling, parked or suspended
// landing page is its own state. Down is declared only after retries (Uptime Kuma semantics),
// and a server that asks to be asked later (429/503 + Retry-After) is asked later.

/** An answer worth asking again: no answer, a timeout, a dropped connection or a 5xx. */
export const transientAnswer = (r: { end: FetchResult['end'] | string; status: number | null }) =>
  (r.end !== 'complete' && r.end !== 'offsite_redirect' && r.end !== 'tls_error' && r.end !== 'too_large' && r.end !== 'address_refused' && r.end !== 'dns_error' && r.end !== 'invalid_url') ||
  r.status === null ||
  r.status >= 500;
const transient = transientAnswer;

/** A first look found the site down in a way a later look may not (see transientAnswer). */
export const transientlyDown = (o: Observation) => o.kind === 'availability' && o.value.state === 'down' && transientAnswer(o.value);

const DOWN_CODE: Partial<Record<FetchResult['end'], string>> = {
  timeout_connect: 'timeout',
  timeout_total: 'timeout',
  dns_error: 'dns_error',
  connection_refused: 'connection_refused',
  connection_error: 'connection_error',
  redirect_loop: 'redirect_loop',
  too_many_redirects: 'too_many_redirects',
  invalid_url: 'invalid_url',
};

const CHALLENGE_HEADERS = (r: FetchResult) => r.headers['cf-mitigated'] === 'challenge' || /^(cloudflare|ddos-guard)/i.test(r.headers.server ?? '') || 'x-sucuri-id' in r.headers;

/**
 * A web application firewall refusing the monitor, not the site failing: 406 on a plain GET is
 * ModSecurity's answer on shared hosting, and the firewalls name themselves on the page.
 */
const FIREWALL = /mod_?security|imunify360|wordfence|sucuri website firewall|request (has been )?(rejected|blocked)|access denied by (the )?(firewall|security policy)|web application firewall/i;

type Landing = NonNullable<AvailabilityValue['landing']>;

/** Reads the page an off-site redirect leads to and says what it is. */
async function readLanding(ctx: SiteContext, to: string): Promise<Landing> {
  const urlHit = scanUrl(to);
  const r = await ctx.get(to);
  ctx.shared.landing = r;
  // A landing page may itself redirect once more within its own site; that is followed.
  const finalUrl = r.end === 'offsite_redirect' && r.offsiteLocation ? r.offsiteLocation : r.finalUrl;
  if (r.end !== 'complete' && r.end !== 'too_large') {
    const kind = urlHit.spam.length > 0 || (r.offsiteLocation && scanUrl(r.offsiteLocation).spam.length > 0) ? 'gambling' : 'unreachable';
    return { url: finalUrl, status: r.status, title: '', kind };
  }
  const page = pageOf(r);
  const signals = pageSignals(page, r.finalUrl);
  const gambling = gamblingSignal(page, r.finalUrl);
  const kind: Landing['kind'] =
    gambling.strength !== 'none' || urlHit.spam.length > 0 ? 'gambling' : signals.suspended.length > 0 ? 'suspended' : signals.parked.length > 0 ? 'parked' : 'other';
  return { url: r.finalUrl, status: r.status, title: page.title.slice(0, 160), kind };
}

export async function checkAvailability(ctx: SiteContext): Promise<Observation> {
  const { retries, retryDelayMs, probeToken, firstLook } = ctx.settings;
  let home = await ctx.polite(ctx.siteUrl, firstLook);
  let attempts = 1;
  while (transient(home) && !home.retryAfterAt && attempts <= retries) {
    await new Promise((r) => setTimeout(r, retryDelayMs));
    home = await ctx.fresh(ctx.siteUrl);
    attempts++;
  }
  const codes: string[] = [];
  const facts: Record<string, unknown> = {};
  let state: SiteState = 'up';
  let landing: Landing | undefined;
  let offsite = home.end === 'offsite_redirect' ? home.offsiteLocation : null;

  if (home.status === 200 && (home.end === 'complete' || home.end === 'too_large')) {
    let page = pageOf(home);
    let signals = pageSignals(page, home.finalUrl);
    // A near-empty page that moves visitors on with a meta refresh or a script: follow it.
    if (signals.pageRedirect && signals.words < 80) {
      if (!sameSite(signals.pageRedirect, home.finalUrl)) offsite = signals.pageRedirect;
      else {
        const next = await ctx.get(signals.pageRedirect);
        if (next.status === 200 && next.end === 'complete') {
          home = { ...next, redirects: [...home.redirects, { url: home.finalUrl, status: 200, location: signals.pageRedirect }] };
          page = pageOf(home);
          signals = pageSignals(page, home.finalUrl);
        } else if (next.end === 'offsite_redirect') offsite = next.offsiteLocation;
      }
    }
    if (offsite) {
      // handled below
    } else if (signals.suspended.length > 0) {
      state = 'suspended';
      facts.phrases = signals.suspended;
    } else if (signals.challenge.length > 0) {
      state = 'bot_challenge';
      facts.phrases = signals.challenge;
    } else if (signals.parked.length >= 2 || (signals.parked.length === 1 && signals.words < 300)) {
      state = 'parked';
      facts.phrases = signals.parked;
    } else if (signals.words < 80 && (home.body.trim() === '' || errorPagePhrase(`${page.title} ${page.text}`))) {
      // The web server answers, the application behind it does not: people see nothing either.
      state = 'error_page';
      facts.message = errorPagePhrase(`${page.title} ${page.text}`) ?? '';
    } else if (signals.scriptOnly) {
      state = 'script_only';
      facts.words = signals.words;
    } else if (home.end === 'too_large') {
      state = 'too_large';
      facts.readBytes = home.body.length;
    } else if (looksNotFound(page.title) || looksNotFound(page.text.slice(0, 300))) {
      // Two independent signals, never one (squirrelscan crawl/soft-404): "not found" wording
      // plus either near-empty content or being indistinguishable from a certainly-missing page.
      const probe = await ctx.get(new URL(`/${probeToken}-tidak-ada`, home.finalUrl).toString());
      ctx.shared.soft404Probe = probe;
      const sim = probe.end === 'complete' && probe.status === 200 ? similarity(page.text, pageOf(probe).text) : 0;
      facts.soft404ProbeStatus = probe.status;
      if (signals.words < 80 || sim >= 0.9) {
        state = 'soft404_home';
        facts.title = page.title;
        facts.words = signals.words;
        facts.similarityToMissingPage = Math.round(sim * 100) / 100;
      }
    }
  } else if (home.end === 'address_refused') {
    state = 'address_refused';
    facts.addressClass = home.refusedClass ?? null;
  } else if (home.end === 'tls_error') {
    state = 'tls_error';
  } else if (home.end === 'too_large') {
    state = 'too_large';
  } else if (home.retryAfterAt || (home.status === 429 && home.end === 'complete')) {
    state = 'rate_limited';
    facts.retryAt = home.retryAfterAt ?? null;
    facts.status = home.status;
  } else if (home.end === 'complete' && home.status !== null && (home.status === 401 || home.status === 403 || home.status === 503) && (CHALLENGE_HEADERS(home) || pageSignals(pageOf(home), home.finalUrl).challenge.length > 0)) {
    state = 'bot_challenge';
    facts.status = home.status;
  } else if (home.end === 'complete' && home.status !== null && (home.status === 401 || home.status === 403 || home.status === 406 || (home.status >= 400 && FIREWALL.test(home.body.slice(0, 20_000))))) {
    state = 'blocked';
    facts.status = home.status;
  } else if (home.end !== 'offsite_redirect') {
    state = 'down';
    codes.push(home.end === 'complete' ? `http_${home.status}` : (DOWN_CODE[home.end] ?? 'connection_error'));
  }

  if (offsite) {
    landing = await readLanding(ctx, offsite);
    state = landing.kind === 'gambling' ? 'redirected_gambling' : landing.kind === 'parked' ? 'redirected_parked' : landing.kind === 'suspended' ? 'redirected_suspended' : 'redirected_offsite';
    facts.location = offsite;
    facts.landing = landing.url;
    if (landing.title) facts.landingTitle = landing.title;
  }
  codes.unshift(state);
  if (home.errorCode && home.errorCode !== 'BUDGET') facts.errorCode = home.errorCode;
  if (home.status !== null) facts.status = home.status;
  if (home.redirects.length) facts.redirects = home.redirects.slice(0, 12).map((h) => `${h.status} ${h.url} → ${h.location}`);
  ctx.shared.home = home;
  if ((home.status === 200 || home.end === 'too_large') && home.body) ctx.shared.homePage = pageOf(home);

  const value: AvailabilityValue = {
    state,
    status: home.status,
    latencyMs: home.latencyMs,
    attempts,
    end: home.end,
    errorCode: home.errorCode,
    finalUrl: home.finalUrl,
    finalHost: hostOf(offsite ?? home.finalUrl),
    redirects: home.redirects,
    offsiteLocation: offsite,
    ...(landing ? { landing } : {}),
    ...(home.retryAfterAt ? { retryAt: home.retryAfterAt } : {}),
  };
  return {
    kind: 'availability',
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: home.fetchedAt,
    source: 'http',
    confidence: 'high',
    value,
    evidence: { codes, facts },
  };
}

export const availabilityCheck: MonitorCheck = {
  name: 'availability',
  scope: 'website',
  shouldRun: () => true,
  run: async (r) => [await checkAvailability(r.site!)],
};
