import type { FetchResult } from '../fetcher.js';
import type { DomainExpiryValue, Observation } from '../observation.js';
import type { SiteContext } from '../site-context.js';
import type { MonitorCheck } from './check.js';
import { hostOf, registrableDomain } from '../url-tools.js';
import { type RdapAnswer, type RdapAnswerStore, type RdapOutcome, keptAnswerStands } from './rdap-answers.js';

// Domain expiry through RDAP (RFC 9083). An expired go.id or desa.id domain is how parked and
// gambling sites take over a kelurahan's name. The base URL is injected: PANDI's server for .id
// in production (as Uptime Kuma does), the fixture fleet in tests.

const DAY = 24 * 3600_000;
export const DOMAIN_WARN_DAYS = 30;

/** Picks the RDAP server for a domain; null when we know none (then the check says unknown). */
export type RdapBaseFor = (domain: string) => string | null;

export const defaultRdapBase: RdapBaseFor = (domain) => (domain.endsWith('.id') ? 'https://rdap.pandi.id/rdap/' : null);

/**
 * Many kelurahan sites share one registrable domain (bacang.pangkalpinangkota.go.id): within one
 * worker's sweep, RDAP is asked (or the kept answer read) once per domain through this cache.
 */
export type RdapCache = Map<string, Promise<Asked>>;

interface Asked {
  answer: RdapAnswer;
  /** Why the answer is not a date, for the evidence (HTTP status and how the request ended). */
  facts: Record<string, unknown>;
  /** Read from the store rather than asked in this sweep. */
  kept: boolean;
}

function parseRdap(r: FetchResult, domain: string, url: string, askedAt: string): Asked {
  const answer = (outcome: RdapOutcome, expiresAt: string | null = null): RdapAnswer => ({ domain, askedAt, outcome, expiresAt, rdapUrl: url });
  if (r.end !== 'complete' || r.status !== 200) return { answer: answer('unavailable'), facts: { status: r.status, end: r.end }, kept: false };
  try {
    const json = JSON.parse(r.body) as { events?: { eventAction?: string; eventDate?: string }[] };
    const ev = json.events?.find((e) => e.eventAction === 'expiration');
    if (ev?.eventDate && !Number.isNaN(Date.parse(ev.eventDate))) return { answer: answer('found', new Date(ev.eventDate).toISOString()), facts: {}, kept: false };
  } catch {
    return { answer: answer('unreadable'), facts: {}, kept: false };
  }
  return { answer: answer('no_expiry'), facts: {}, kept: false };
}

/** The kept answer when it still stands (rdap-answers.ts), else RDAP's answer now, kept for next time. */
async function askRdap(ctx: SiteContext, domain: string, url: string, store?: RdapAnswerStore): Promise<Asked> {
  const kept = await store?.get(domain);
  if (kept && kept.rdapUrl === url && keptAnswerStands(kept, ctx.now)) return { answer: kept, facts: { askedAt: kept.askedAt }, kept: true };
  const asked = parseRdap(await ctx.get(url, { accept: 'application/rdap+json, application/json' }), domain, url, ctx.now.toISOString());
  await store?.put(asked.answer);
  return asked;
}

export async function checkDomainExpiry(ctx: SiteContext, rdapBaseFor: RdapBaseFor, cache?: RdapCache, store?: RdapAnswerStore): Promise<Observation> {
  const domain = registrableDomain(hostOf(ctx.siteUrl));
  const base = rdapBaseFor(domain);
  // Keyed by the site URL (not the RDAP URL) so verdicts find it next to the site's other checks.
  const obs = (value: DomainExpiryValue, codes: string[], facts: Record<string, unknown>, rdapUrl: string): Observation => ({
    kind: 'domain_expiry',
    unitId: ctx.unitId,
    url: ctx.siteUrl,
    fetchedAt: ctx.now.toISOString(),
    source: 'rdap',
    confidence: value.state === 'unknown' ? 'none' : 'high',
    value,
    evidence: { codes, facts: rdapUrl === ctx.siteUrl ? facts : { ...facts, rdap: rdapUrl } },
  });
  const unknown = (code: string, facts: Record<string, unknown> = {}, url = ctx.siteUrl) =>
    obs({ state: 'unknown', domain, expiresAt: null, daysLeft: null }, [code], facts, url);
  if (!base) return unknown('rdap_no_server');
  const url = `${base.replace(/\/?$/, '/')}domain/${encodeURIComponent(domain)}`;
  let pending = cache?.get(url);
  if (!pending) {
    pending = askRdap(ctx, domain, url, store);
    cache?.set(url, pending);
    // A failed look-up (the store unreachable) is not remembered: the next unit asks again.
    pending.catch(() => cache?.delete(url));
  }
  const { answer, facts } = await pending;
  if (answer.outcome === 'unavailable') return unknown('rdap_unavailable', facts, url);
  if (answer.outcome === 'unreadable') return unknown('rdap_unreadable', facts, url);
  if (answer.outcome === 'no_expiry' || !answer.expiresAt) return unknown('rdap_no_expiry', facts, url);
  const expiresAt = answer.expiresAt;
  const daysLeft = Math.floor((Date.parse(expiresAt) - ctx.now.getTime()) / DAY);
  const state: DomainExpiryValue['state'] = daysLeft < 0 ? 'expired' : daysLeft < DOMAIN_WARN_DAYS ? 'expiring' : 'ok';
  return obs({ state, domain, expiresAt, daysLeft }, [`domain_${state}`], { ...facts, expiresAt, rdap: url }, url);
}

export const domainExpiryCheck: MonitorCheck = {
  name: 'domain_expiry',
  scope: 'website',
  shouldRun: () => true,
  run: async (r) => [await checkDomainExpiry(r.site!, r.site!.settings.rdapBaseFor, r.site!.settings.rdapCache, r.deps.rdapAnswers)],
};
