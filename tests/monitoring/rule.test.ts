import { describe, expect, it } from 'vitest';
import { evaluateUnit, type EvaluationInput } from '../../src/modules/compliance/evaluate.js';
import { nextPeriod, periodByKey, periodContaining, previousPeriod, wibDay } from '../../src/modules/compliance/period.js';
import { DEFAULT_RULE, holiday, requiredItems, validateRule, type RuleException } from '../../src/modules/compliance/rule.js';
import type { ContentItem, Observation } from '../../src/modules/monitoring/observation.js';
import { FixedClock } from '../../src/shared/clock.js';

// The city's rule as pure functions with an injected clock: WIB week boundaries, exceptions,
// broadcasts, presence and the order of verdicts.

const U = 'unit-bacang';
const item = (url: string, at: string, extra: Partial<ContentItem> = {}): ContentItem => ({
  url, title: 'Kerja bakti', claimedAt: at, firstSeenAt: at, effectiveAt: at, source: 'delivery', confidence: 'high', dating: 'platform', channel: 'social', ...extra,
});
const social = (items: ContentItem[], fetchedAt: string): Observation => ({
  kind: 'social_activity', unitId: U, url: 'facebook:bacang', fetchedAt, source: 'channels', confidence: 'high',
  value: { platform: 'facebook', handle: 'bacang', items }, evidence: { codes: ['social_active'], facts: {} },
});
const base = (over: Partial<EvaluationInput>): EvaluationInput => ({
  unitId: U,
  rule: DEFAULT_RULE,
  period: periodByKey('2026-W48')!,
  presence: { berandaSite: true, externalSites: [], socialAccounts: [{ platform: 'facebook', handle: 'bacang' }] },
  profileCompleteness: 80,
  observations: [],
  exceptions: [],
  ...over,
});

describe('periods in WIB', () => {
  it('a week runs Monday 00:00 to Sunday 24:00 WIB (Sunday 17:00 UTC)', () => {
    const w = periodContaining('week', new Date('2026-11-25T03:00:00Z'));
    expect(w).toEqual({ kind: 'week', key: '2026-W48', start: '2026-11-22T17:00:00.000Z', end: '2026-11-29T17:00:00.000Z' });
    expect(periodByKey('2026-W48')).toEqual(w);
    expect(nextPeriod(w).key).toBe('2026-W49');
    expect(previousPeriod(w).key).toBe('2026-W47');
  });

  it('puts Sunday 23:59 WIB in the old week and Monday 00:01 WIB in the new one, though both are Sunday in UTC', () => {
    expect(periodContaining('week', new Date('2026-11-29T16:59:00Z')).key).toBe('2026-W48');
    expect(periodContaining('week', new Date('2026-11-29T17:01:00Z')).key).toBe('2026-W49');
    expect(wibDay('2026-11-29T17:01:00Z')).toBe('2026-11-30');
  });

  it('handles ISO week-years and months in WIB', () => {
    // Thursday 1 January 2026 is in week 1 of 2026; Monday 29 December 2025 starts it.
    expect(periodContaining('week', new Date('2025-12-28T17:00:00Z')).key).toBe('2026-W01');
    expect(periodContaining('week', new Date('2025-12-28T16:59:59Z')).key).toBe('2025-W52');
    // 2026 starts on a Thursday, so it has a week 53; 2025 does not.
    expect(periodByKey('2026-W53')!.start).toBe('2026-12-27T17:00:00.000Z');
    expect(periodByKey('2025-W53')).toBeNull();
    const m = periodContaining('month', new Date('2026-11-30T17:30:00Z'));
    expect(m.key).toBe('2026-12');
    expect(m.start).toBe('2026-11-30T17:00:00.000Z');
  });
});

describe('verdicts at the period boundary', () => {
  it('a post at 23:59 WIB on Sunday counts for that week; one at 00:01 WIB Monday does not', () => {
    const clock = new FixedClock('2026-11-30T01:00:00Z');
    const late = evaluateUnit(base({ observations: [social([item('https://facebook.com/bacang/posts/1', '2026-11-29T16:59:00Z')], '2026-11-29T20:00:00Z')] }), clock);
    expect(late.status).toBe('PASS');
    expect(late.counted).toHaveLength(1);
    const early = evaluateUnit(base({ observations: [social([item('https://facebook.com/bacang/posts/2', '2026-11-29T17:01:00Z')], '2026-11-29T20:00:00Z')] }), clock);
    expect(early.status).toBe('FAIL');
    expect(early.reasons[0]!.code).toBe('no_content_in_period');
    // …and that post counts for the next week instead.
    const next = evaluateUnit(base({ period: periodByKey('2026-W49')!, observations: [social([item('https://facebook.com/bacang/posts/2', '2026-11-29T17:01:00Z')], '2026-11-29T20:00:00Z')] }), clock);
    expect(next.status).toBe('PASS');
  });

  it('broadcast posts from Pemkot do not count', () => {
    const v = evaluateUnit(base({ observations: [social([item('https://facebook.com/bacang/posts/3', '2026-11-25T03:00:00Z', { isBroadcast: true })], '2026-11-25T04:00:00Z')] }), new FixedClock('2026-11-26T00:00:00Z'));
    expect(v.status).toBe('FAIL');
    expect(v.reasons.map((r) => r.code)).toContain('broadcast_not_counted');
  });

  it('weak evidence only gives UNKNOWN and asks for a link', () => {
    const v = evaluateUnit(base({ observations: [social([item('https://facebook.com/bacang/posts/4', '2026-11-25T03:00:00Z', { confidence: 'low', source: 'staff_link' })], '2026-11-25T04:00:00Z')] }), new FixedClock('2026-11-26T00:00:00Z'));
    expect(v.status).toBe('UNKNOWN');
    expect(v.askForLink).toBe(true);
  });

  it('missing presence fails even with content: website, social account, profile completeness', () => {
    const obs = [social([item('https://facebook.com/bacang/posts/5', '2026-11-25T03:00:00Z')], '2026-11-25T04:00:00Z')];
    const clock = new FixedClock('2026-11-26T00:00:00Z');
    const noSite = evaluateUnit(base({ observations: obs, presence: { berandaSite: false, externalSites: [], socialAccounts: [{ platform: 'facebook', handle: 'b' }] } }), clock);
    expect(noSite.status).toBe('FAIL');
    expect(noSite.reasons[0]!.code).toBe('no_website');
    const noSocial = evaluateUnit(base({ observations: obs, presence: { berandaSite: true, externalSites: [], socialAccounts: [] } }), clock);
    expect(noSocial.reasons.map((r) => r.code)).toContain('no_social_account');
    const thinProfile = evaluateUnit(base({ observations: obs, profileCompleteness: 40 }), clock);
    expect(thinProfile.status).toBe('FAIL');
    expect(thinProfile.reasons[0]).toEqual({ code: 'profile_incomplete', params: { have: 40, min: 60 } });
    expect(evaluateUnit(base({ observations: obs }), clock).status).toBe('PASS');
  });

  it('a Facebook-only unit: judged by its page where the city does not require a website, and told it needs one where it does', () => {
    const clock = new FixedClock('2026-11-26T00:00:00Z');
    const fbOnly = { berandaSite: false, externalSites: [], socialAccounts: [{ platform: 'facebook', handle: 'bacang' }] };
    const active = [social([item('https://facebook.com/bacang/posts/9', '2026-11-24T03:00:00Z')], '2026-11-25T04:00:00Z')];
    const quiet = [social([item('https://facebook.com/bacang/posts/1', '2026-10-01T03:00:00Z')], '2026-11-25T04:00:00Z')];
    const noWebsiteNeeded = { ...DEFAULT_RULE, requireWebsite: false };
    expect(evaluateUnit(base({ rule: noWebsiteNeeded, presence: fbOnly, observations: active }), clock).status).toBe('PASS');
    const silent = evaluateUnit(base({ rule: noWebsiteNeeded, presence: fbOnly, observations: quiet }), clock);
    expect(silent.status).toBe('FAIL');
    expect(silent.reasons.map((r) => r.code)).toContain('no_content_in_period');
    expect(evaluateUnit(base({ presence: fbOnly, observations: active }), clock).reasons[0]!.code).toBe('no_website');
  });

  it('COMPROMISED overrides content and presence and raises an alert', () => {
    const hijack: Observation = {
      kind: 'integrity', unitId: U, url: 'https://bacang.example.go.id/', fetchedAt: '2026-11-24T00:00:00Z', source: 'lexicon', confidence: 'high',
      value: { state: 'compromised', hits: [], cloaking: true, newSitemapSections: [] }, evidence: { codes: ['integrity_compromised', 'cloaking'], facts: {} },
    };
    const v = evaluateUnit(base({ observations: [hijack, social([item('https://facebook.com/bacang/posts/6', '2026-11-25T03:00:00Z')], '2026-11-25T04:00:00Z')] }), new FixedClock('2026-11-26T00:00:00Z'));
    expect(v.status).toBe('COMPROMISED');
    expect(v.alert).toBe(true);
    expect(v.reasons.map((r) => r.code)).toEqual(['compromised', 'cloaking']);
    // A hijack found the week after does not rewrite this week.
    const later = { ...hijack, fetchedAt: '2026-12-01T00:00:00Z' };
    expect(evaluateUnit(base({ observations: [later] }), new FixedClock('2026-12-02T00:00:00Z')).status).toBe('FAIL');
  });
});

describe('exceptions pause the rule', () => {
  const week = periodByKey('2026-W48')!;
  it('a holiday covering the whole week exempts it; part of a week still needs its one item', () => {
    const lebaran: RuleException[] = [holiday('h1', '2026-11-23', '2026-11-29', 'Cuti bersama')];
    expect(requiredItems(DEFAULT_RULE, lebaran, U, week.start, week.end)).toBe(0);
    expect(evaluateUnit(base({ exceptions: lebaran }), new FixedClock('2026-11-30T01:00:00Z')).status).toBe('EXEMPT');
    const twoDays = [holiday('h2', '2026-11-23', '2026-11-24', 'Libur')];
    expect(requiredItems(DEFAULT_RULE, twoDays, U, week.start, week.end)).toBe(1);
    expect(evaluateUnit(base({ exceptions: twoDays }), new FixedClock('2026-11-30T01:00:00Z')).status).toBe('FAIL');
  });

  it('a monthly rule of 4 items needs proportionally fewer when a week is paused; overlaps are not counted twice', () => {
    const rule = validateRule({ periodKind: 'month', minItems: 4 });
    expect(rule.ok).toBe(true);
    const month = periodByKey('2026-11')!;
    const pause = [holiday('a', '2026-11-09', '2026-11-15', 'x'), holiday('b', '2026-11-12', '2026-11-16', 'y')];
    // 8 of 30 days paused: 4 × 22/30 = 2.93 → 3.
    expect(requiredItems(rule.ok ? rule.value : DEFAULT_RULE, pause, U, month.start, month.end)).toBe(3);
  });

  it("a unit's maintenance window excuses its site being down, and only that unit's", () => {
    const site = 'https://lama.example.go.id/';
    const down: Observation = {
      kind: 'availability', unitId: U, url: site, fetchedAt: '2026-11-25T02:00:00Z', source: 'http', confidence: 'high',
      value: { state: 'down', status: null, latencyMs: 5, attempts: 3, end: 'connection_error', errorCode: 'ECONNREFUSED', finalUrl: site, finalHost: 'lama.example.go.id', redirects: [], offsiteLocation: null },
      evidence: { codes: ['connection_error'], facts: {} },
    };
    const content = social([item('https://facebook.com/bacang/posts/7', '2026-11-25T03:00:00Z')], '2026-11-25T04:00:00Z');
    const presence = { berandaSite: false, externalSites: [site], socialAccounts: [{ platform: 'facebook', handle: 'bacang' }] };
    const clock = new FixedClock('2026-11-26T00:00:00Z');
    const maint = (unitId: string): RuleException => ({ id: 'm', unitId, kind: 'maintenance', startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-26T00:00:00Z', reason: 'Pindah server' });
    expect(evaluateUnit(base({ presence, observations: [down, content], exceptions: [maint(U)] }), clock).status).toBe('PASS');
    const other = evaluateUnit(base({ presence, observations: [down, content], exceptions: [maint('unit-lain')] }), clock);
    expect(other.status).toBe('FAIL');
    expect(other.reasons[0]!.code).toBe('site_connection_error');
  });

  it('rejects a nonsensical rule', () => {
    expect(validateRule({ minItems: -1 }).ok).toBe(false);
    expect(validateRule({ profileCompletenessMin: 120 }).ok).toBe(false);
  });
});
