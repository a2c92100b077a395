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
  | 'parked'
  | 'soft404_home'
  | 'tls_error';

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
}

export interface TlsValue {
  state: 'ok' | 'expiring' | 'expired' | 'invalid' | 'unreachable' | 'not_https';
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

export type FreshnessState = 'ok' | 'default_only' | 'undatable' | 'stamped_only' | 'no_content' | 'skipped';

export interface FreshnessValue {
  state: FreshnessState;
  platform: 'beranda' | 'wordpress' | 'opensid' | 'other';
  items: ContentItem[];
  rejected: { url: string; title: string; reason: string }[];
  sources: { source: string; url: string; outcome: string }[];
  latestEffectiveAt: string | null;
}

export interface IntegrityValue {
  state: 'clean' | 'suspicious' | 'compromised';
  hits: { where: string; url: string; spam: string[]; context: string[] }[];
  cloaking: boolean;
  newSitemapSections: string[];
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
