import { type Ignored, ignoreReason, textKey, titleKey } from '../content-filters.js';
import { parseDate } from '../dates.js';
import type { ContentItem, FreshnessState, FreshnessValue, Observation } from '../observation.js';
import { CONFIDENCE_RANK, type SeenRecord } from '../ports.js';
import { reconcileNew, reconciledConfidence } from '../reconcile.js';
import type { SiteContext } from '../site-context.js';
import { scanLexicon } from '../text-rules.js';
import { canonicalItemUrl, sameSite } from '../url-tools.js';
import { type MonitorCheck, siteStateOf } from './check.js';
import {
  type Candidate,
  type SourceOutcome,
  collectFeed,
  collectListPage,
  collectSitemap,
  collectWpRest,
  dateFromArticlePages,
  fingerprint,
  isBuildStamped,
  pageItems,
  sitemapItems,
} from './freshness-sources.js';

// The freshness resolver for sites Beranda does not host (docs/reference/freshness.md §3.3):
// collect candidate items from every source that is cheap (REST API, feed, the home page's own
// list), then go deeper only when that has not yet shown recent activity — one news list page,
// and the newest few articles' own pages for their dates. The newest trustworthy date wins,
// whichever source gave it: a stale cached feed never hides a home page that shows a newer post.
// Then drop what proves nothing (defaults, placeholders, trivial posts, re-posts, future dates,
// spam, other domains), each listed with why, and reconcile dates with when we first saw them.

const WEEK_MS = 7 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** States in which the home page cannot be read, but the feed or REST API may still be. */
const UNREADABLE = new Set(['script_only', 'bot_challenge', 'too_large', 'blocked']);
/** Of those, the ones whose page tells nothing (an oversize page is still read as far as it goes). */
const NOTHING_TO_READ = new Set(['script_only', 'bot_challenge', 'blocked']);

export async function checkFreshness(ctx: SiteContext, siteState: string | null): Promise<Observation> {
  const home = ctx.shared.home;
  const page = ctx.shared.homePage;
  const platform = home ? fingerprint(home, page) : 'other';
  ctx.shared.platform = platform;
  const sources: SourceOutcome[] = [];
  const candidates: Candidate[] = [];
  const obs = (value: FreshnessValue, codes: string[], facts: Record<string, unknown> = {}): Observation => {
    const best = value.items.filter((i) => i.effectiveAt).reduce((m, i) => Math.max(m, CONFIDENCE_RANK[i.confidence]), 0);
    return {
      kind: 'freshness',
      unitId: ctx.unitId,
      url: ctx.siteUrl,
      fetchedAt: ctx.now.toISOString(),
      source: value.items.find((i) => i.effectiveAt && CONFIDENCE_RANK[i.confidence] === best)?.source ?? 'none',
      confidence: (['none', 'low', 'medium', 'high'] as const)[best]!,
      value,
      evidence: { codes, facts },
    };
  };
  const unreadable = siteState !== null && UNREADABLE.has(siteState);
  if (!home || (!unreadable && (home.end !== 'complete' || home.status !== 200))) {
    return obs({ state: 'skipped', platform, items: [], rejected: [], sources, latestEffectiveAt: null }, ['site_unavailable']);
  }

  const now = ctx.now.getTime();
  // Recent, trustworthy, and real: then deeper sources would add requests and nothing else.
  const recent = () =>
    candidates.some(
      (c) =>
        c.claimedAt &&
        CONFIDENCE_RANK[c.confidence] >= 2 &&
        now - Date.parse(c.claimedAt) < WEEK_MS &&
        Date.parse(c.claimedAt) <= now + DAY_MS &&
        sameSite(c.url, ctx.siteUrl) &&
        !ignoreReason(c.title, c.body),
    );
  if (platform === 'wordpress' || page?.links.some((l) => l.rel.includes('https://api.w.org/'))) {
    const rest = await collectWpRest(ctx, home, page);
    sources.push(rest.outcome);
    candidates.push(...rest.items);
  }
  // The REST API lists the same posts as the feed, with better dates: when it answered with
  // posts, its titles stand in for the feed's in the integrity check and the feed is not fetched.
  const restItems = candidates.filter((c) => c.source === 'wp_rest');
  const feed = restItems.length > 0 ? { items: [], undated: [], outcome: { source: 'feed', url: '', outcome: 'not_needed_rest_answered' } } : await collectFeed(ctx, home, page, platform);
  if (restItems.length > 0) ctx.shared.feedTitles = restItems.map((c) => ({ url: c.url, title: c.title }));
  sources.push(feed.outcome);
  candidates.push(...feed.items);
  const undated: Candidate[] = [...feed.undated];
  if (page && !(siteState !== null && NOTHING_TO_READ.has(siteState))) {
    const fromHome = pageItems(home, 'home_page');
    sources.push({ source: 'home_page', url: home.finalUrl, outcome: `items_${fromHome.length}_dated_${fromHome.filter((i) => i.claimedAt).length}` });
    // An item dated only by its address is read again from its own page when that is affordable.
    for (const c of fromHome) (c.claimedAt && c.confidence !== 'low' ? candidates : undated).push(c);
    // Deeper, still bounded: one list page of news when nothing recent is known yet.
    if (!recent()) {
      const list = await collectListPage(ctx, home, page);
      if (list.outcome) sources.push(list.outcome);
      for (const c of list.items) (c.claimedAt && c.confidence !== 'low' ? candidates : undated).push(c);
    }
  }
  // The newest articles' own pages, for items no source dated — only while nothing recent is
  // known, and never for an article another source already dated.
  const dated = new Set(candidates.filter((c) => c.claimedAt).map((c) => canonicalItemUrl(c.url)));
  const toDate = dedupeByUrl(undated).filter((c) => !dated.has(canonicalItemUrl(c.url)) && sameSite(c.url, ctx.siteUrl));
  if (toDate.length > 0 && !recent()) {
    const read = await dateFromArticlePages(ctx, toDate, ctx.settings.articlePages);
    sources.push({ source: 'article_page', url: read.map((d) => d.url).join(' '), outcome: `dated_${read.filter((d) => d.claimedAt).length}_of_${read.length}` });
    const readUrls = new Set(read.map((r) => r.url));
    candidates.push(...read, ...toDate.filter((c) => !readUrls.has(c.url)));
  } else candidates.push(...toDate);

  const sm = await collectSitemap(ctx, home);
  sources.push(sm.outcome);
  ctx.shared.sitemapUrls = sm.entries.map((e) => e.loc);
  const stamped = isBuildStamped(sm.entries);
  if (stamped) sources.push({ source: 'sitemap', url: sm.outcome.url, outcome: 'build_stamped_ignored' });
  else if (!recent()) candidates.push(...sitemapItems(sm.entries, ctx.siteUrl, 10));
  const lastModified = parseDate(home.headers['last-modified'] ?? null);
  // Dynamic CMSs send "now"; only a Last-Modified clearly in the past is a hint.
  if (lastModified && now - lastModified.getTime() > 60_000 && !candidates.some((c) => c.claimedAt)) {
    sources.push({ source: 'last_modified', url: home.finalUrl, outcome: lastModified.toISOString() });
    candidates.push({ url: home.finalUrl, title: '', claimedAt: lastModified.toISOString(), source: 'last_modified', confidence: 'low' });
  }

  const { kept, rejected, known } = await validate(ctx, candidates);

  // Reconcile with first-seen: §3.3 step 6.
  const previousCrawlAt = await ctx.memory.previousCrawlAt(ctx.siteKey);
  const fresh: SeenRecord[] = [];
  const items: ContentItem[] = [];
  for (const [key, c] of kept) {
    let rec = known.get(key);
    if (!rec) {
      rec = { ...reconcileNew({ itemKey: key, claimedAt: c.claimedAt, confidence: c.confidence }, ctx.now, previousCrawlAt), titleKey: titleKey(c.title) };
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
  await ctx.memory.record(ctx.siteKey, fresh, ctx.now.toISOString());

  items.sort((a, b) => (b.effectiveAt ?? '').localeCompare(a.effectiveAt ?? ''));
  const counted = items.filter((i) => i.effectiveAt && i.confidence !== 'none');
  let state: FreshnessState;
  if (counted.length > 0) state = 'ok';
  else if (stamped) state = 'stamped_only';
  else if (items.length > 0) state = 'undatable';
  else if (unreadable) state = 'unreadable';
  else if (rejected.some((r) => r.reason === 'platform_default') && rejected.every((r) => r.reason === 'platform_default' || r.reason === 'offsite_item')) state = 'default_only';
  else if (rejected.some((r) => CONTENT_REASONS.has(r.reason))) state = 'ignored_only';
  else state = 'no_content';
  const codes = [`freshness_${state}`];
  if (items.some((i) => i.dating === 'backdated')) codes.push('backdated_item');
  if (rejected.some((r) => r.reason === 'future_date')) codes.push('future_dated_item');
  if (rejected.some((r) => r.reason === 'repost')) codes.push('repost_ignored');
  if (stamped) codes.push('sitemap_build_stamped');
  if (previousCrawlAt === null) codes.push('baseline_crawl');
  const value: FreshnessValue = {
    state,
    platform,
    items: items.slice(0, 20),
    rejected: rejected.slice(0, 20),
    sources,
    latestEffectiveAt: counted[0]?.effectiveAt ?? null,
  };
  return obs(value, codes, { latestEffectiveAt: value.latestEffectiveAt, latestUrl: counted[0]?.url ?? null });
}

const CONTENT_REASONS = new Set(['platform_default', 'placeholder', 'trivial', 'repost', 'future_date', 'spam_title']);

function dedupeByUrl(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = canonicalItemUrl(c.url);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * §3.3 step 5: what proves nothing is set aside with its reason. One article from several
 * sources keeps the strongest source's date; the same article under a second address (a
 * re-post) keeps the older copy, here and against earlier crawls.
 */
async function validate(ctx: SiteContext, candidates: Candidate[]) {
  const rejected: FreshnessValue['rejected'] = [];
  const reject = (c: Candidate, reason: string, detail?: string) => {
    if (!rejected.some((r) => r.url === c.url && r.reason === reason)) rejected.push({ url: c.url, title: c.title, reason, ...(detail ? { detail } : {}), claimedAt: c.claimedAt });
  };
  const byKey = new Map<string, Candidate>();
  const now = ctx.now.getTime();
  for (const c of candidates) {
    if (!c.url || !sameSite(c.url, ctx.siteUrl)) {
      reject(c, 'offsite_item');
      continue;
    }
    if (c.title && scanLexicon(c.title).spam.length > 0) {
      reject(c, 'spam_title');
      continue;
    }
    const ignored: Ignored | null = c.source === 'last_modified' ? null : ignoreReason(c.title, c.body);
    if (ignored) {
      reject(c, ignored.reason, ignored.detail);
      continue;
    }
    if (c.claimedAt && Date.parse(c.claimedAt) > now + DAY_MS) {
      // An event in an agenda is dated ahead honestly; a post dated ahead is a mistake to fix.
      if (!c.agenda) reject(c, 'future_date', c.claimedAt);
      continue;
    }
    const key = canonicalItemUrl(c.url);
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, c);
    else {
      // Same article from two sources: the stronger source's date, else whichever has one.
      const better = c.claimedAt && (!prev.claimedAt || CONFIDENCE_RANK[c.confidence] > CONFIDENCE_RANK[prev.confidence]) ? c : prev;
      byKey.set(key, { ...better, title: better.title || prev.title || c.title, body: better.body ?? prev.body ?? c.body });
    }
  }
  // Re-posts within this crawl: one title (or opening text) under two addresses.
  const byTitle = new Map<string, string>();
  const ordered = [...byKey].sort((a, b) => (a[1].claimedAt ?? '9999').localeCompare(b[1].claimedAt ?? '9999'));
  for (const [key, c] of ordered) {
    const tk = titleKey(c.title) ?? textKey(c.body);
    if (!tk || c.source === 'sitemap' || c.source === 'last_modified') continue;
    const first = byTitle.get(tk);
    if (first && first !== key) {
      const original = byKey.get(first)!;
      reject(c, 'repost', `${original.url} ${original.claimedAt ?? ''}`.trim());
      byKey.delete(key);
    } else byTitle.set(tk, key);
  }
  // Re-posts of an article seen in an earlier crawl under another address.
  const keys = [...byKey.keys()];
  const known = await ctx.memory.lookup(ctx.siteKey, keys);
  const titleKeys = [...new Set([...byKey.values()].filter((c) => !known.has(canonicalItemUrl(c.url))).map((c) => titleKey(c.title)).filter((x): x is string => !!x))];
  const earlier = titleKeys.length > 0 ? await ctx.memory.byTitle(ctx.siteKey, titleKeys) : new Map<string, SeenRecord>();
  for (const [key, c] of [...byKey]) {
    if (known.has(key)) continue;
    const tk = titleKey(c.title);
    const prior = tk ? earlier.get(tk) : undefined;
    if (prior && prior.itemKey !== key && (!c.claimedAt || !prior.effectiveAt || prior.effectiveAt < c.claimedAt)) {
      reject(c, 'repost', `${prior.itemKey} ${prior.effectiveAt ?? prior.firstSeenAt}`);
      byKey.delete(key);
    }
  }
  return { kept: byKey, rejected, known };
}

export const freshnessCheck: MonitorCheck = {
  name: 'freshness',
  scope: 'website',
  shouldRun: (r) => {
    const s = siteStateOf(r);
    return s === 'up' || (s !== null && UNREADABLE.has(s));
  },
  run: async (r) => [await checkFreshness(r.site!, siteStateOf(r))],
};
