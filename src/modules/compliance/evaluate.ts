import type { Clock } from '../../shared/clock.js';
import { canonicalItemUrl, type ContentItem, type Observation, type ObservationOf } from '../monitoring/index.js';
import { assessSite } from './site-reasons.js';
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

  // Content in the period, any channel, broadcasts excluded, deduplicated by URL. Computed first
  // so even a hijacked unit's checklist shows the content it did publish.
  const content = countContent(input, contentObs, period, rule);

  // 1. Integrity: any compromised observation during the period overrides everything.
  const compromised = obs.filter((o) => o.kind === 'integrity' && o.value.state === 'compromised');
  if (compromised.length > 0) {
    reasons.push({ code: 'compromised' });
    for (const o of compromised) {
      evidence.push(ref(o));
      if (o.kind !== 'integrity') continue;
      for (const r of hijackReasons(o)) if (!reasons.some((x) => x.code === r.code)) reasons.push(r);
    }
    return verdict('COMPROMISED', content.strong);
  }

  // Suspicious but not conclusive (a gambling word or two, a new sitemap section): reported so
  // someone looks, without overriding the verdict.
  for (const o of latestPerUrl(obs, 'integrity').values()) {
    if (o.value.state !== 'suspicious') continue;
    evidence.push(ref(o));
    if (o.value.newSitemapSections.length) reasons.push({ code: 'new_sitemap_sections', params: { sections: o.value.newSitemapSections.join(', ') } });
    const terms = [...new Set(o.value.hits.flatMap((h) => [...h.spam, ...h.context]))];
    const examples = [...new Set(o.value.hits.flatMap((h) => h.examples ?? []))].slice(0, 3);
    if (terms.length) reasons.push({ code: 'spam_words_seen', params: { terms: terms.join(', '), ...(examples.length ? { examples: examples.join(' ') } : {}) } });
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
  const unreadable: Reason[] = [];
  const warnings: Reason[] = [];
  let usableExternal = 0;
  for (const url of presence.externalSites) {
    const a = availability.get(url);
    const t = tls.get(url);
    const d = domains.get(url);
    const site = assessSite(url, a, t, d);
    if (a && (site.failures.length > 0 || site.unreadable.length > 0 || a.value.state !== 'up')) evidence.push(ref(a));
    if (t && site.failures.some((f) => f.code.startsWith('tls_'))) evidence.push(ref(t));
    if (d && d.value.state !== 'ok' && d.value.state !== 'unknown') evidence.push(ref(d));
    if (a && site.failures.length === 0) usableExternal++;
    siteProblems.push(...site.failures);
    unreadable.push(...site.unreadable);
    warnings.push(...site.warnings);
  }
  const mainIsExternal = !presence.berandaSite;
  if (rule.requireWebsite && hasAnySite && mainIsExternal && usableExternal === 0 && siteProblems.length > 0) {
    presenceFailures.push(...siteProblems);
  } else {
    // A broken extra site is reported but does not fail a unit whose main site works.
    for (const p of siteProblems) reasons.push({ ...p, code: `${p.code}_secondary` });
  }

  for (const f of contentObs) if (f.kind === 'freshness') for (const r of ignoredReasons(f, period)) if (!reasons.some((x) => x.code === r.code && x.params?.url === r.params?.url)) reasons.push(r);
  if (content.broadcasts > 0) reasons.push({ code: 'broadcast_not_counted', params: { count: content.broadcasts } });
  for (const b of content.backdated) reasons.push({ code: 'backdated_item', params: { url: b.url, claimed: b.claimedAt!, firstSeen: b.firstSeenAt } });

  const freshness = latestPerUrl(contentObs, 'freshness');
  for (const f of freshness.values()) evidence.push(ref(f));
  for (const s of latestPerUrl(contentObs, 'social_activity').values()) evidence.push(ref(s));

  if (presenceFailures.length > 0) {
    reasons.unshift(...presenceFailures);
    reasons.push(...warnings);
    return verdict('FAIL', content.strong);
  }
  const { strong, weak } = content;
  if (strong.length >= required) {
    reasons.unshift({ code: 'content_ok', params: { count: strong.length, required } });
    reasons.push(...warnings);
    return verdict('PASS', strong);
  }
  if (strong.length > 0) reasons.push({ code: 'not_enough_content', params: { count: strong.length, required } });

  // 5. Weak evidence only, sites we could not date, or sites we could not read: "we cannot
  // tell" — the unit is asked for a link. A site whose main page opens but cannot be read
  // (a bot challenge, a script shell, too heavy) is never called empty.
  const states = [...freshness.values()].map((f) => f.value.state);
  const undatable = states.includes('undatable') || states.includes('stamped_only');
  if (states.includes('stamped_only')) reasons.push({ code: 'sitemap_build_stamped' });
  const cannotRead = unreadable.length > 0 && mainIsExternal && usableExternal === unreadable.length;
  if (weak.length > 0 || (undatable && strong.length === 0) || cannotRead) {
    reasons.unshift(...(cannotRead ? unreadable : []), ...(weak.length > 0 ? [{ code: 'only_weak_evidence' }] : undatable ? [{ code: 'undatable' }] : []));
    reasons.push({ code: 'submit_link' }, ...warnings);
    return verdict('UNKNOWN', strong);
  }
  for (const u of unreadable) reasons.push(u);

  // 6. Nothing that counts.
  if (states.includes('default_only')) reasons.unshift({ code: 'default_only' });
  const latest = content.all
    .filter((i) => i.effectiveAt && !i.isBroadcast && i.effectiveAt < period.start)
    .sort((a, b) => b.effectiveAt!.localeCompare(a.effectiveAt!))[0];
  if (latest) reasons.unshift({ code: 'stale', params: { latest: latest.effectiveAt!, url: latest.url } });
  reasons.unshift({ code: 'no_content_in_period', params: { required } });
  reasons.push(...warnings);
  return verdict('FAIL', strong);
}

/** The unit's content items: what counts in the period, what is weak, what was backdated. */
function countContent(input: EvaluationInput, contentObs: (Observation & { id?: string })[], period: Period, rule: CityRule) {
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
  const items = [...unique.values()];
  const inP = items.filter((i) => !i.isBroadcast && i.effectiveAt && inPeriod(period, i.effectiveAt));
  return {
    all: items,
    strong: inP.filter((i) => RANK[i.confidence] >= RANK[rule.minConfidence]).sort((a, b) => b.effectiveAt!.localeCompare(a.effectiveAt!)),
    weak: inP.filter((i) => RANK[i.confidence] < RANK[rule.minConfidence] && RANK[i.confidence] > 0),
    broadcasts: items.filter((i) => i.isBroadcast && i.effectiveAt && inPeriod(period, i.effectiveAt)).length,
    backdated: items.filter((i) => i.dating === 'backdated' && i.claimedAt && inPeriod(period, i.claimedAt)),
  };
}

/** Items the checks set aside in this period, named so the unit knows what did not count and why. */
function ignoredReasons(f: ObservationOf<'freshness'>, period: Period): Reason[] {
  const out: Reason[] = [];
  const future = f.value.rejected.filter((r) => r.reason === 'future_date');
  for (const r of future.slice(0, 3)) out.push({ code: 'future_dated_item', params: { url: r.url, title: r.title, claimed: r.detail ?? '' } });
  const reposts = f.value.rejected.filter((r) => r.reason === 'repost');
  if (reposts.length) out.push({ code: 'repost_not_counted', params: { count: reposts.length, url: reposts[0]!.url, title: reposts[0]!.title } });
  // Only what would have counted this period: an old default post is evidence, not news.
  const others = f.value.rejected.filter(
    (r) => (r.reason === 'trivial' || r.reason === 'placeholder' || (r.reason === 'platform_default' && f.value.state !== 'default_only')) && r.claimedAt && inPeriod(period, r.claimedAt),
  );
  if (others.length && f.fetchedAt >= period.start) out.push({ code: 'ignored_items', params: { count: others.length, titles: others.slice(0, 3).map((r) => `"${r.title}"`).join(', ') } });
  return out;
}

/** Reasons naming how a hijack shows, with counts and example addresses a person can open. */
function hijackReasons(o: ObservationOf<'integrity'>): Reason[] {
  const out: Reason[] = [];
  if (o.value.redirectTo) out.push({ code: 'redirect_to_gambling', params: { url: o.url, to: o.value.redirectTo } });
  if (o.value.cloaking) out.push({ code: 'cloaking' });
  for (const h of o.value.hits) {
    if (h.strength && h.strength !== 'strong') continue;
    if (h.where === 'redirect' || h.where === 'googlebot_redirect') continue;
    const params: Record<string, string | number> = {};
    if (h.count) params.count = h.count;
    if (h.examples?.length) params.examples = h.examples.slice(0, 3).join(' ');
    const terms = [...h.spam, ...h.context].slice(0, 4);
    if (terms.length) params.terms = terms.join(', ');
    out.push({ code: `spam_in_${h.where}`, params });
  }
  // Older observations carry only codes.
  if (out.length === 0) for (const c of o.evidence.codes) if (c !== 'integrity_compromised') out.push({ code: c });
  return out;
}

/**
 * Whether anything watched the unit during the period (decision 0005): a check made inside it.
 * A period nobody watched has no verdict — "Belum dinilai" — and never counts toward streaks.
 */
export function watchedDuring(observations: { unitId: string; fetchedAt: string }[], unitId: string, period: Period, now: string): boolean {
  return observations.some((o) => o.unitId === unitId && o.fetchedAt >= period.start && o.fetchedAt < period.end && o.fetchedAt <= now);
}
