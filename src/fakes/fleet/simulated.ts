import { type FixtureSite, freshPosts, opensid, post, SPAM_HOME, wordpress } from './fixtures.js';
import { articleDates, listDates } from './fixtures-freshness.js';

// A simulated fleet of N kelurahan sites for the benchmark, served by the same loopback server
// (names k00001.test … kNNNNN.test, resolved on demand, so 8,496 sites cost no memory up front).
// The mix roughly follows what Diskominfo reports: most sites WordPress, some OpenSID, some
// stale, a few down or hijacked — and, for the deeper evidence of issue 15, custom CMS sites
// whose dates are only on the article pages or on a /berita list page, and sites whose cached
// feed is stale while the home page shows a newer post (all three read article or list pages).

const fresh = wordpress({ rest: true, posts: freshPosts });
const stale = wordpress({ rest: true, posts: (now) => [post(now, 5, 70, 'Pengumuman lama')] });
const noRest = wordpress({ rest: false, posts: freshPosts });
const staleFeed = wordpress({ rest: false, posts: freshPosts, feedPosts: (now) => [post(now, 9, 45, 'Peringatan Hari Sumpah Pemuda')] });

// Like real kelurahan sites (bacang.pangkalpinangkota.go.id), about 17 share one city domain,
// so a sweep asks RDAP about ~500 domains, not 8,496.
export const simulatedName = (i: number): string => `k${String(i).padStart(5, '0')}.kota${String(Math.floor(i / 17)).padStart(3, '0')}`;

/**
 * `silent`: 1 site in 100 more accepts connections and never answers (a hung server), for the
 * sweep bench's retry policy; off by default so the other benches and tests keep their mix.
 */
export function simulatedSite(name: string, o: { silent?: boolean } = {}): FixtureSite | null {
  if (/^kota\d{3,}$/.test(name)) return { name, scheme: 'http', handle: () => ({ status: 404, body: '' }) };
  const m = name.match(/^k(\d{5})\.kota\d{3,}$/);
  if (!m) return null;
  const i = Number(m[1]);
  if (i % 100 === 7) return { name, scheme: 'closed', handle: () => ({ status: 500 }) };
  if (o.silent && i % 100 === 13) return { name, scheme: 'http', handle: () => ({ stream: () => {} }) };
  if (i % 50 === 3) return { name, scheme: 'http', handle: (r) => (r.path === '/' ? { status: 200, headers: { 'content-type': 'text/html' }, body: SPAM_HOME(r.origin) } : { status: 404, body: '' }) };
  if (i % 10 === 1) return { name, scheme: 'http', handle: opensid };
  if (i % 10 === 2) return { name, scheme: 'http', handle: stale };
  if (i % 10 === 5) return { name, scheme: 'http', handle: noRest };
  if (i % 10 === 6) return { name, scheme: 'http', handle: articleDates };
  if (i % 10 === 8) return { name, scheme: 'http', handle: listDates };
  if (i % 10 === 9) return { name, scheme: 'http', handle: staleFeed };
  return { name, scheme: 'http', handle: fresh };
}
