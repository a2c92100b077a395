// What a check reports. Observations are facts with their evidence (where, when, from which
// source, how sure), stored append-only; verdicts are computed from them later, so a rule change
// or a dispute can re-evaluate a period without crawling again.

export type Confidence = 'high' | 'medium' | 'low' | 'none';

export interface Evidence {
  /** Stable reason codes; the Indonesian text for each lives in i18n/messages/monitoring.ts. */
  codes: string[];
  /** Short facts a person can verify: URLs, dates, status codes, matched words. */
  facts: Record<string, unknown>;
}

interface Base<K extends string, V> {
  kind: K;
  unitId: string;
  /** The page or account the observation is about. */
  url: string;
  fetchedAt: string;
  /** Where the fact came from: http, tls, rdap, wp_rest, feed, sitemap, beranda, delivery… */
  source: string;
  confidence: Confidence;
  value: V;
  evidence: Evidence;
}

export type SiteState =
  | 'up'
  | 'down'
  | 'suspended'
  | 'redirected_offsite'
  /** Visitors are sent to a gambling site: a hijack (integrity reports it as compromised too). */
  | 'redirected_gambling'
  | 'redirected_parked'
  | 'redirected_suspended'
  | 'parked'
  | 'soft404_home'
  | 'tls_error'
  /** Opens, but the page is larger than we read: the part read is still used. */
  | 'too_large'
  /** Opens in a browser, but a bot challenge (Cloudflare-style) stands in front of checkers. */
  | 'bot_challenge'
  /** An empty shell that a script fills in: people see content, a checker cannot. */
  | 'script_only'
  /** The server asked us to come back later (429/503 with Retry-After) and never answered. */
  | 'rate_limited'
  /** The server refuses automatic checkers (401/403) although the site may open for people. */
  | 'blocked'
  /** The address leads into a private network or to Beranda itself: not checked (net-guard). */
  | 'address_refused'
  /** Answers 200 but shows only a blank page or a server error (database down, PHP fatal error). */
  | 'error_page';

/** Every state, once (the compiler checks none is missing): for texts that must cover them all. */
const EVERY_STATE: Record<SiteState, true> = {
  up: true, down: true, suspended: true, redirected_offsite: true, redirected_gambling: true, redirected_parked: true, redirected_suspended: true,
  parked: true, soft404_home: true, tls_error: true, too_large: true, bot_challenge: true, script_only: true, rate_limited: true, blocked: true,
  address_refused: true, error_page: true,
};
export const SITE_STATES = Object.keys(EVERY_STATE) as SiteState[];

/** Site states in which people can open the site (counted as "up" in uptime). */
export const OPENS_FOR_PEOPLE: readonly SiteState[] = ['up', 'too_large', 'bot_challenge', 'script_only', 'blocked'];

export interface AvailabilityValue {
  state: SiteState;
  status: number | null;
  latencyMs: number;
  attempts: number;
  end: string;
  errorCode: string | null;
  finalUrl: string;
  finalHost: string;
  redirects: { url: string; status: number; location: string }[];
  offsiteLocation: string | null;
  /** The page an off-site redirect led to, read once: where visitors really end up. */
  landing?: { url: string; status: number | null; title: string; kind: 'gambling' | 'parked' | 'suspended' | 'other' | 'unreachable' };
  /** When the server asked to be asked again (rate_limited). */
  retryAt?: string;
}

export interface TlsValue {
  /** invalid is kept for observations stored before self_signed/wrong_name/untrusted existed. */
  state: 'ok' | 'expiring' | 'expired' | 'self_signed' | 'wrong_name' | 'untrusted' | 'invalid' | 'unreachable' | 'not_https';
  validTo: string | null;
  daysLeft: number | null;
  authorizationError: string | null;
}

export interface DomainExpiryValue {
  state: 'ok' | 'expiring' | 'expired' | 'unknown';
  domain: string;
  expiresAt: string | null;
  daysLeft: number | null;
}

/** One piece of content with the date we believe, after reconciliation. */
export interface ContentItem {
  url: string;
  title: string;
  /** Date the site claims, ISO UTC; null when the source has none. */
  claimedAt: string | null;
  firstSeenAt: string;
  /** Date used by the rule; null when unknown (an undated item on the first crawl). */
  effectiveAt: string | null;
  source: string;
  confidence: Confidence;
  /** baseline, backdated, future_dated, undated_first_seen, agrees */
  dating: string;
  channel: 'website' | 'social';
  /** Pemkot broadcast: shown, but never counts for a unit. */
  isBroadcast?: boolean;
}

export type FreshnessState =
  | 'ok'
  | 'default_only'
  /** Everything found was ignored (trivial, placeholder, re-posts, future dates). */
  | 'ignored_only'
  | 'undatable'
  | 'stamped_only'
  | 'no_content'
  /** The pages could not be read (script-only shell, bot challenge, oversize) and no feed helped. */
  | 'unreadable'
  | 'skipped';

export interface FreshnessValue {
  state: FreshnessState;
  platform: 'beranda' | 'wordpress' | 'opensid' | 'blogger' | 'other';
  items: ContentItem[];
  /** Items that do not count, each with why (reason code and what matched). */
  rejected: { url: string; title: string; reason: string; detail?: string; claimedAt?: string | null }[];
  sources: { source: string; url: string; outcome: string }[];
  latestEffectiveAt: string | null;
}

export interface IntegrityHit {
  where: string;
  url: string;
  spam: string[];
  context: string[];
  /** How many pages, links or entries carried it (sitemap URLs, outbound links, feed items). */
  count?: number;
  /** A few of them, for people to open and see. */
  examples?: string[];
  strength?: 'mention' | 'strong';
}

export interface IntegrityValue {
  state: 'clean' | 'suspicious' | 'compromised';
  hits: IntegrityHit[];
  cloaking: boolean;
  newSitemapSections: string[];
  /** Visitors are redirected to a gambling site. */
  redirectTo?: string;
}

export interface SocialActivityValue {
  platform: string;
  handle: string;
  items: ContentItem[];
}

export type Observation =
  | Base<'availability', AvailabilityValue>
  | Base<'tls', TlsValue>
  | Base<'domain_expiry', DomainExpiryValue>
  | Base<'freshness', FreshnessValue>
  | Base<'integrity', IntegrityValue>
  | Base<'social_activity', SocialActivityValue>;

export type ObservationKind = Observation['kind'];
export type ObservationOf<K extends ObservationKind> = Extract<Observation, { kind: K }>;
