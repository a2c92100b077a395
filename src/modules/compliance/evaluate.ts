import type { Clock } from '../../shared/clock.js';
import type { ContentItem, Observation } from '../monitoring/observation.js';
import { canonicalItemUrl } from '../monitoring/url-tools.js';
import { inPeriod, type Period } from './period.js';
import { type CityRule, inMaintenance, requiredItems, type RuleException } from './rule.js';

// The verdict for one unit and one period, as a pure function of the rule, the unit's registered
// presence and the observations. Order matters and is the policy:
//   1. COMPROMISED overrides everything (a hijacked site must never look "active");
//   2. EXEMPT when exceptions pause the whole period;
//   3. FAIL when a required presence is missing or broken (no website, site down/parked/…);
//   4. PASS when enough content with at least medium confidence falls in the period;
//   5. UNKNOWN when only weak evidence exists: the unit is asked to submit a link;
//   6. FAIL otherwise.

export type VerdictStatus = 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED' | 'EXEMPT';
export const VERDICT_STATUSES: VerdictStatus[] = ['PASS', 'FAIL', 'UNKNOWN', 'COMPROMISED', 'EXEMPT'];

/** A reason with an i18n key `monitoring.reason.<code>` and its parameters. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface EvidenceRef {
  kind: string;
  url: string;
  fetchedAt: string;
  source: string;
  confidence: string;
  codes: string[];
  facts: Record<string, unknown>;
  observationId?: string;
}

export interface Verdict {
  unitId: string;
  periodKey: string;
  status: VerdictStatus;
  reasons: Reason[];
  evidence: EvidenceRef[];
  /** Content items that counted, newest first. */
  counted: ContentItem[];
  required: number;
  /** COMPROMISED raises an alert at once. */
  alert: boolean;
  /** UNKNOWN: the unit should submit a link to a post. */
  askForLink: boolean;
  evaluatedAt: string;
}

export interface UnitPresence {
  /** The unit has a site hosted by Beranda (always reachable as far as the rule is concerned). */
  berandaSite: boolean;
  externalSites: string[];
  socialAccounts: { platform: string; handle: string }[];
}

export interface EvaluationInput {
  unitId: string;
  rule: CityRule;
  period: Period;
  presence: UnitPresence;
  /** 0–100, null when the profile module has no measurement. */
  profileCompleteness: number | null;
  /** Observations fetched from the period start until evaluation (ids optional). */
  observations: (Observation & { id?: string })[];
  exceptions: RuleException[];
  /** Posts accepted by admin kota through a dispute (verified links). */
  acceptedItems?: ContentItem[];
}

const RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;

const ref = (o: Observation & { id?: string }): EvidenceRef => ({
  kind: o.kind,
  url: o.url,
  fetchedAt: o.fetchedAt,
  source: o.source,
  confidence: o.confidence,
  codes: o.evidence.codes,
  facts: o.evidence.facts,
  ...(o.id ? { observationId: o.id } : {}),
});

function latestPerUrl<K extends Observation['kind']>(obs: (Observation & { id?: string })[], kind: K) {
  const m = new Map<string, Extract<Observation, { kind: K }> & { id?: string }>();
  for (const o of obs) {
    if (o.kind !== kind) continue;
    const prev = m.get(o.url);
    if (!prev || o.fetchedAt >= prev.fetchedAt) m.set(o.url, o as Extract<Observation, { kind: K }> & { id?: string });
  }
  return m;
}

export function evaluateUnit(input: EvaluationInput, clock: Clock): Verdict {
  const { unitId, rule, period, presence } = input;
  const now = clock.now().toISOString();
  // Content may be observed after the period (a Sunday-night post crawled on Monday) and a later
  // crawl may expose backdating, so content reads every observation up to now; the state of the
  // sites (up, TLS, hijacked) is judged only from checks made during the period.
  const mine = input.observations.filter((o) => o.unitId === unitId && o.fetchedAt >= period.start && o.fetchedAt <= now);
  const obs = mine.filter((o) => o.fetchedAt < period.end);
  const contentObs = mine.filter((o) => o.kind === 'freshness' || o.kind === 'social_activity');
  const reasons: Reason[] = [];
  const evidence: EvidenceRef[] = [];
  const required = requiredItems(rule, input.exceptions, unitId, period.start, period.end);
  const verdict = (status: VerdictStatus, counted: ContentItem[] = []): Verdict => ({
    unitId,
    periodKey: period.key,
    status,
    reasons,
    evidence,
    counted,
    required,
    alert: status === 'COMPROMISED',
    askForLink: status === 'UNKNOWN',
    evaluatedAt: now,
  });

  // 1. Integrity: any compromised observation during the period.
  const compromised = obs.filter((o) => o.kind === 'integrity' && o.value.state === 'compromised');
  if (compromised.length > 0) {
    reasons.push({ code: 'compromised' });
    for (const o of compromised) {
      evidence.push(ref(o));
      for (const c of o.evidence.codes) if (c !== 'integrity_compromised' && !reasons.some((r) => r.code === c)) reasons.push({ code: c });
    }
    return verdict('COMPROMISED');
  }

  // Suspicious but not conclusive (a gambling word or two, a new sitemap section): reported so
  // someone looks, without overriding the verdict.
  for (const o of latestPerUrl(obs, 'integrity').values()) {
    if (o.value.state !== 'suspicious') continue;
    evidence.push(ref(o));
    if (o.value.newSitemapSections.length) reasons.push({ code: 'new_sitemap_sections', params: { sections: o.value.newSitemapSections.join(', ') } });
    const terms = [...new Set(o.value.hits.flatMap((h) => [...h.spam, ...h.context]))];
    if (terms.length) reasons.push({ code: 'spam_words_seen', params: { terms: terms.join(', ') } });
  }

  // 2. Exceptions pausing the whole period.
  if (required === 0 && rule.minItems > 0) {
    reasons.push({ code: 'exempt' });
    return verdict('EXEMPT');
  }

  // 3. Required presence.
  const presenceFailures: Reason[] = [];
  const hasAnySite = presence.berandaSite || presence.externalSites.length > 0;
  if (rule.requireWebsite && !hasAnySite) presenceFailures.push({ code: 'no_website' });
  if (presence.socialAccounts.length < rule.minSocialAccounts) {
    presenceFailures.push({ code: 'no_social_account', params: { min: rule.minSocialAccounts, have: presence.socialAccounts.length } });
  }
  if (rule.profileCompletenessMin > 0) {
    if (input.profileCompleteness === null) reasons.push({ code: 'profile_unknown' });
    else if (input.profileCompleteness < rule.profileCompletenessMin) {
      presenceFailures.push({ code: 'profile_incomplete', params: { have: Math.round(input.profileCompleteness), min: rule.profileCompletenessMin } });
    }
  }
  // An external site counts only while it works; downtime inside a maintenance window is excused.
  const availability = latestPerUrl(
    obs.filter((o) => !(o.kind === 'availability' && o.value.state !== 'up' && inMaintenance(input.exceptions, unitId, o.fetchedAt))),
    'availability',
  );
  const tls = latestPerUrl(obs, 'tls');
  const domains = latestPerUrl(obs, 'domain_expiry');
  const siteProblems: Reason[] = [];
  let usableExternal = 0;
  for (const url of presence.externalSites) {
    const a = availability.get(url);
    const t = tls.get(url);
    const d = domains.get(url);
    const problems: Reason[] = [];
    if (a && a.value.state !== 'up') {
      const code =
        a.value.state === 'tls_error'
          ? t?.value.state === 'expired' ? 'tls_expired' : 'tls_invalid'
          : a.value.state === 'down' ? 'site_down' : a.value.state;
      problems.push({ code, params: { url } });
      evidence.push(ref(a));
    }
    if (t && t.value.state === 'expired' && !problems.some((p) => p.code === 'tls_expired')) problems.push({ code: 'tls_expired', params: { url } });
    if (t && (t.value.state === 'expired' || t.value.state === 'invalid')) evidence.push(ref(t));
    if (d && d.value.state === 'expired') {
      problems.push({ code: 'domain_expired', params: { url } });
      evidence.push(ref(d));
    }
    if (a && problems.length === 0) usableExternal++;
    siteProblems.push(...problems);
  }
  if (rule.requireWebsite && hasAnySite && !presence.berandaSite && usableExternal === 0 && siteProblems.length > 0) {
    presenceFailures.push(...siteProblems);
  } else {
    // A broken extra site is reported but does not fail a unit whose main site works.
    for (const p of siteProblems) reasons.push({ ...p, code: `${p.code}_secondary` });
  }

  // 4. Content in the period, any channel, broadcasts excluded, deduplicated by URL.
  const all: ContentItem[] = [];
  for (const o of contentObs) {
    if (o.kind === 'freshness' || o.kind === 'social_activity') all.push(...o.value.items);
  }
  all.push(...(input.acceptedItems ?? []));
  const unique = new Map<string, ContentItem>();
  for (const i of all) {
    const k = canonicalItemUrl(i.url);
    const prev = unique.get(k);
    if (!prev || RANK[i.confidence] > RANK[prev.confidence]) unique.set(k, i);
  }
  const inP = [...unique.values()].filter((i) => !i.isBroadcast && i.effectiveAt && inPeriod(period, i.effectiveAt));
  const strong = inP.filter((i) => RANK[i.confidence] >= RANK[rule.minConfidence]).sort((a, b) => b.effectiveAt!.localeCompare(a.effectiveAt!));
  const weak = inP.filter((i) => RANK[i.confidence] < RANK[rule.minConfidence] && RANK[i.confidence] > 0);
  const broadcasts = [...unique.values()].filter((i) => i.isBroadcast && i.effectiveAt && inPeriod(period, i.effectiveAt));
  if (broadcasts.length) reasons.push({ code: 'broadcast_not_counted', params: { count: broadcasts.length } });
  const backdated = [...unique.values()].filter((i) => i.dating === 'backdated' && i.claimedAt && inPeriod(period, i.claimedAt));
  for (const b of backdated) reasons.push({ code: 'backdated_item', params: { url: b.url, claimed: b.claimedAt!, firstSeen: b.firstSeenAt } });

  const freshness = latestPerUrl(contentObs, 'freshness');
  for (const f of freshness.values()) evidence.push(ref(f));
  for (const s of latestPerUrl(contentObs, 'social_activity').values()) evidence.push(ref(s));

  if (presenceFailures.length > 0) {
    reasons.unshift(...presenceFailures);
    return verdict('FAIL', strong);
  }
  if (strong.length >= required) {
    reasons.unshift({ code: 'content_ok', params: { count: strong.length, required } });
    return verdict('PASS', strong);
  }
  if (strong.length > 0) reasons.push({ code: 'not_enough_content', params: { count: strong.length, required } });

  // 5. Weak evidence only, or sites we could not date: ask the unit for a link.
  const states = [...freshness.values()].map((f) => f.value.state);
  const undatable = states.includes('undatable') || states.includes('stamped_only');
  if (states.includes('stamped_only')) reasons.push({ code: 'sitemap_build_stamped' });
  if (weak.length > 0 || (undatable && strong.length === 0)) {
    reasons.unshift({ code: weak.length > 0 ? 'only_weak_evidence' : 'undatable' });
    reasons.push({ code: 'submit_link' });
    return verdict('UNKNOWN', strong);
  }

  // 6. Nothing that counts.
  if (states.includes('default_only')) reasons.unshift({ code: 'default_only' });
  const latest = [...unique.values()]
    .filter((i) => i.effectiveAt && !i.isBroadcast && i.effectiveAt < period.start)
    .sort((a, b) => b.effectiveAt!.localeCompare(a.effectiveAt!))[0];
  if (latest) reasons.unshift({ code: 'stale', params: { latest: latest.effectiveAt!, url: latest.url } });
  reasons.unshift({ code: 'no_content_in_period', params: { required } });
  return verdict('FAIL', strong);
}
