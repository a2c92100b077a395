import { parseDate } from '../dates.js';
import type { ContentItem, FreshnessState, FreshnessValue, Observation } from '../observation.js';
import { CONFIDENCE_RANK, type CrawlMemory, type SeenRecord } from '../ports.js';
import { reconcileNew, reconciledConfidence } from '../reconcile.js';
import type { SiteContext } from '../site-context.js';
import { COMPROMISED_SCORE, isDefaultTitle, normaliseText, scanLexicon } from '../text-rules.js';
import { canonicalItemUrl, sameSite } from '../url-tools.js';
import {
  type Candidate,
  type SourceOutcome,
  collectFeed,
  collectSitemap,
  collectWpRest,
  dateFromArticlePages,
  fingerprint,
  homePageItems,
  isBuildStamped,
  sitemapItems,
} from './freshness-sources.js';

// The freshness resolver for sites Beranda does not host (reference/freshness.md §3.3 steps
// 3–6): fingerprint the platform, collect candidate items strongest source first, drop the ones
// that prove nothing (default posts, spam titles, duplicates, other domains), then reconcile
// each claimed date with when we first saw the item. Deciding PASS/FAIL is compliance's job.

const ENOUGH = 3;

export async function checkFreshness(ctx: SiteContext, memory: CrawlMemory): Promise<Observation> {
  const home = ctx.shared.home;
  const platform = home ? fingerprint(home.body) : 'other';
  const sources: SourceOutcome[] = [];
  const candidates: Candidate[] = [];
  const obs = (value: FreshnessValue, codes: string[], facts: Record<string, unknown> = {}): Observation => {
    const best = value.items.reduce((m, i) => Math.max(m, CONFIDENCE_RANK[i.confidence]), 0);
    return {
      kind: 'freshness',
      unitId: ctx.unitId,
      url: ctx.siteUrl,
      fetchedAt: ctx.now.toISOString(),
      source: value.items.find((i) => CONFIDENCE_RANK[i.confidence] === best)?.source ?? 'none',
      confidence: (['none', 'low', 'medium', 'high'] as const)[best]!,
      value,
      evidence: { codes, facts },
    };
  };
  if (!home || home.end !== 'complete' || home.status !== 200) {
    return obs({ state: 'skipped', platform, items: [], rejected: [], sources, latestEffectiveAt: null }, ['site_unavailable']);
  }

  const strong = () => candidates.filter((c) => c.claimedAt && !isDefaultTitle(c.title)).length;
  if (platform === 'wordpress') {
    const rest = await collectWpRest(ctx, home);
    sources.push(rest.outcome);
    candidates.push(...rest.items);
  }
  if (strong() < ENOUGH) {
    const feed = await collectFeed(ctx, home, platform);
    sources.push(feed.outcome);
    candidates.push(...feed.items);
    if (feed.undated.length > 0) {
      // Old OpenSID feeds have no dates: read the newest articles' own pages (§3.1 row 2).
      const dated = await dateFromArticlePages(ctx, feed.undated, 3);
      sources.push({ source: 'article_page', url: dated.map((d) => d.url).join(' '), outcome: `dated_${dated.filter((d) => d.claimedAt).length}_of_${dated.length}` });
      candidates.push(...dated, ...feed.undated.slice(3));
    }
  }
  if (strong() < ENOUGH) {
    const fromHome = homePageItems(home);
    sources.push({ source: 'home_page', url: home.finalUrl, outcome: `items_${fromHome.length}` });
    candidates.push(...fromHome);
  }
  const sm = await collectSitemap(ctx, home);
  sources.push(sm.outcome);
  ctx.shared.sitemapUrls = sm.entries.map((e) => e.loc);
  const stamped = isBuildStamped(sm.entries);
  if (stamped) sources.push({ source: 'sitemap', url: sm.outcome.url, outcome: 'build_stamped_ignored' });
  else if (strong() < ENOUGH) candidates.push(...sitemapItems(sm.entries, ctx.siteUrl, 10));
  const lastModified = parseDate(home.headers['last-modified'] ?? null);
  // Dynamic CMSs send "now"; only a Last-Modified clearly in the past is a hint.
  if (lastModified && ctx.now.getTime() - lastModified.getTime() > 60_000) {
    sources.push({ source: 'last_modified', url: home.finalUrl, outcome: lastModified.toISOString() });
    if (strong() === 0) candidates.push({ url: home.finalUrl, title: '', claimedAt: lastModified.toISOString(), source: 'last_modified', confidence: 'low' });
  }

  // Validate: §3.3 step 5.
  const rejected: FreshnessValue['rejected'] = [];
  const byKey = new Map<string, Candidate>();
  const titles = new Set<string>();
  for (const c of candidates) {
    const reason = !c.url || !sameSite(c.url, ctx.siteUrl)
      ? 'offsite_item'
      : isDefaultTitle(c.title)
        ? 'default_post'
        : scanLexicon(c.title).score >= COMPROMISED_SCORE
          ? 'spam_title'
          : null;
    if (reason) {
      rejected.push({ url: c.url, title: c.title, reason });
      continue;
    }
    const key = canonicalItemUrl(c.url);
    const prev = byKey.get(key);
    if (prev) {
      // Same article from two sources: keep the stronger one, but keep a date if only one has it.
      const better = CONFIDENCE_RANK[c.confidence] > CONFIDENCE_RANK[prev.confidence] && c.claimedAt ? c : prev;
      byKey.set(key, { ...better, claimedAt: better.claimedAt ?? (better === c ? prev.claimedAt : c.claimedAt) });
      continue;
    }
    const t = normaliseText(c.title).trim();
    if (t && c.source !== 'sitemap' && c.source !== 'last_modified' && titles.has(t)) {
      rejected.push({ url: c.url, title: c.title, reason: 'duplicate_title' });
      continue;
    }
    if (t) titles.add(t);
    byKey.set(key, c);
  }

  // Reconcile with first-seen: §3.3 step 6.
  const keys = [...byKey.keys()];
  const [known, previousCrawlAt] = await Promise.all([memory.lookup(ctx.siteKey, keys), memory.previousCrawlAt(ctx.siteKey)]);
  const fresh: SeenRecord[] = [];
  const items: ContentItem[] = [];
  for (const [key, c] of byKey) {
    let rec = known.get(key);
    if (!rec) {
      rec = reconcileNew({ itemKey: key, claimedAt: c.claimedAt, confidence: c.confidence }, ctx.now, previousCrawlAt);
      fresh.push(rec);
    }
    items.push({
      url: c.url,
      title: c.title,
      claimedAt: c.claimedAt,
      firstSeenAt: rec.firstSeenAt,
      effectiveAt: rec.effectiveAt,
      source: c.source,
      confidence: reconciledConfidence(c.confidence, rec.dating),
      dating: rec.dating,
      channel: 'website',
    });
  }
  await memory.record(ctx.siteKey, fresh, ctx.now.toISOString());

  items.sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''));
  const dated = items.filter((i) => i.effectiveAt && i.confidence !== 'none');
  let state: FreshnessState;
  if (dated.length > 0) state = 'ok';
  else if (stamped) state = 'stamped_only';
  else if (items.length > 0) state = 'undatable';
  else if (rejected.some((r) => r.reason === 'default_post')) state = 'default_only';
  else state = 'no_content';
  const codes = [`freshness_${state}`];
  if (items.some((i) => i.dating === 'backdated')) codes.push('backdated_item');
  if (items.some((i) => i.dating === 'future_dated')) codes.push('future_dated_item');
  if (stamped) codes.push('sitemap_build_stamped');
  if (previousCrawlAt === null) codes.push('baseline_crawl');
  const value: FreshnessValue = {
    state,
    platform,
    items: items.slice(0, 20),
    rejected: rejected.slice(0, 20),
    sources,
    latestEffectiveAt: dated[0]?.effectiveAt ?? null,
  };
  return obs(value, codes, { latestEffectiveAt: value.latestEffectiveAt, latestUrl: dated[0]?.url ?? null });
}
