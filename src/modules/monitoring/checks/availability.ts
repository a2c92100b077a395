import type { FetchResult } from '../fetcher.js';
import { titleOf, visibleText } from '../html.js';
import type { AvailabilityValue, Observation, SiteState } from '../observation.js';
import type { SiteContext } from '../site-context.js';
import { looksNotFound, parkedPhrases, similarity, suspendedPhrases, wordCount } from '../text-rules.js';
import { hostOf } from '../url-tools.js';

// Is the site there, and is it really the unit's site? A 200 can be a parked domain, a
// soft-404 or a Kominfo suspension notice (reference §3.2), so the home page is classified,
// not just status-checked. Down is declared only after retries (Uptime Kuma semantics): one
// lost packet must not turn a kelurahan red.

export interface AvailabilityOptions {
  retries: number;
  retryDelayMs: number;
  /** Random path segment for the soft-404 probe; injected so tests are repeatable. */
  probeToken: string;
}

const failed = (r: FetchResult) =>
  (r.end !== 'complete' && r.end !== 'offsite_redirect') || r.status === null || r.status >= 500;

export async function checkAvailability(ctx: SiteContext, opts: AvailabilityOptions): Promise<Observation> {
  let home = await ctx.get(ctx.siteUrl);
  let attempts = 1;
  while (failed(home) && attempts <= opts.retries && home.end !== 'tls_error' && home.end !== 'too_large') {
    await new Promise((r) => setTimeout(r, opts.retryDelayMs));
    home = await ctx.fresh(ctx.siteUrl);
    attempts++;
  }
  ctx.shared.home = home;
  const codes: string[] = [];
  const facts: Record<string, unknown> = {};
  let state: SiteState = 'up';
  const text = visibleText(home.body);
  const title = titleOf(home.body);

  if (home.end === 'offsite_redirect') {
    state = 'redirected_offsite';
    codes.push('redirected_offsite');
    facts.location = home.offsiteLocation;
  } else if (home.end === 'tls_error') {
    state = 'tls_error';
    codes.push('tls_error');
  } else if (failed(home)) {
    state = 'down';
    codes.push(home.end === 'complete' ? `http_${home.status}` : home.end);
  } else if (home.status !== null && home.status >= 400) {
    state = 'down';
    codes.push(`http_${home.status}`);
  } else if (suspendedPhrases(text).length > 0) {
    state = 'suspended';
    codes.push('suspended');
    facts.phrases = suspendedPhrases(text);
  } else {
    const parked = parkedPhrases(`${title} ${text}`);
    const words = wordCount(text);
    if (parked.length >= 2 || (parked.length === 1 && words < 300)) {
      state = 'parked';
      codes.push('parked');
      facts.phrases = parked;
    } else if (looksNotFound(title) || looksNotFound(text.slice(0, 300))) {
      // Two independent signals, never one (squirrelscan crawl/soft-404): "not found" wording
      // plus either near-empty content or being indistinguishable from a certainly-missing page.
      // The probe costs a request, so it is made only when the wording already raised a doubt.
      const probeUrl = new URL(`/${opts.probeToken}-tidak-ada`, home.finalUrl).toString();
      const probe = await ctx.get(probeUrl);
      ctx.shared.soft404Probe = probe;
      const probeIs200 = probe.end === 'complete' && probe.status === 200;
      const sim = probeIs200 ? similarity(text, visibleText(probe.body)) : 0;
      facts.soft404ProbeStatus = probe.status;
      if (words < 80 || sim >= 0.9) {
        state = 'soft404_home';
        codes.push('soft404_home');
        facts.title = title;
        facts.words = words;
        facts.similarityToMissingPage = Math.round(sim * 100) / 100;
      }
    }
  }
  if (state === 'up') codes.push('up');
  if (home.errorCode) facts.errorCode = home.errorCode;
  if (home.status !== null) facts.status = home.status;
  if (home.redirects.length) facts.redirects = home.redirects.map((h) => `${h.status} ${h.url} → ${h.location}`);

  const value: AvailabilityValue = {
    state,
    status: home.status,
    latencyMs: home.latencyMs,
    attempts,
    end: home.end,
    errorCode: home.errorCode,
    finalUrl: home.finalUrl,
    finalHost: hostOf(home.offsiteLocation ?? home.finalUrl),
    redirects: home.redirects,
    offsiteLocation: home.offsiteLocation,
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
