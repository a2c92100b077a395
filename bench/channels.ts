import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { startSocialFakes } from '../src/fakes/social/index.js';
import { connectChannel, createProviders, parseTokenKey, registerChannel } from '../src/modules/channels/index.js';
import { enqueueDeliveries, runDueDeliveries, type PublishingDeps } from '../src/modules/publishing/index.js';
import { systemClock } from '../src/shared/clock.js';
import type { BenchRow } from './run.js';

// One post to Facebook, Instagram and TikTok for all 42 kelurahan of Pangkalpinang at once,
// against the contract fakes on loopback, through the real delivery machine on SQLite. Polling
// is paced as in production for TikTok (status at most every 2 s: 30/min per token) and at 1 s
// for Instagram containers (production waits 30 s; the fake finishes after one poll). The fake
// enforces TikTok's documented per-token limits and a per-token Graph budget, and counts every
// request refused for exceeding them: the budget is zero.

const UNITS = 42;

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-channels-'));
  const database = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'b.db'), url: `sqlite:${dir}/b.db` });
  const fakes = await startSocialFakes({ options: { tiktokAudited: true } });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    const deps: PublishingDeps = {
      db,
      clock: systemClock,
      tokenKey: parseTokenKey(randomBytes(32).toString('hex')),
      providers: createProviders({ graphBase: fakes.graphUrl, tiktokBase: fakes.url, tiktokAudited: true, instagramPollMs: 1000, tiktokPollMs: 2000 }),
    };
    const now = new Date().toISOString();
    const posts: Array<{ unitId: string; targets: Array<{ channelId: string; variant: any }> }> = [];
    for (let i = 1; i <= UNITS; i++) {
      const unitId = `bench-unit-${i}`;
      await db
        .insertInto('units')
        .values({ id: unitId, code: null, kind: 'kelurahan', name: `Kelurahan ${i}`, slug: `kel-${i}`, parent_id: null, region_code: '19.71', settings: '{}', is_demo: 0, created_at: now, updated_at: now })
        .execute();
      const page = fakes.state.addFacebookPage({ username: `kel.${i}` });
      const ig = fakes.state.addInstagramAccount({ username: `kel_${i}` });
      const tt = fakes.state.addTikTokAccount({ username: `kel_${i}` });
      const targets: Array<{ channelId: string; variant: any }> = [];
      const img = [`https://media.pangkalpinangkota.go.id/k/${i}/1.jpg`, `https://media.pangkalpinangkota.go.id/k/${i}/2.jpg`];
      for (const [platform, url, accountId, token, variant] of [
        ['facebook', `https://www.facebook.com/${page.username}`, page.id, page.token, { caption: `Kerja bakti Kelurahan ${i}`, imageUrls: img }],
        ['instagram', `https://www.instagram.com/${ig.username}/`, ig.id, ig.token, { caption: `Kerja bakti Kelurahan ${i} #Pangkalpinang`, imageUrls: img }],
        ['tiktok', `https://www.tiktok.com/@${tt.username}`, tt.openId, tt.token, { caption: `Kerja bakti #Kelurahan${i}`, imageUrls: img, privacyLevel: 'PUBLIC_TO_EVERYONE' }],
      ] as const) {
        const reg = await registerChannel(deps, { unitId, platform, profileUrl: url });
        if (!reg.ok) throw new Error(reg.error);
        await connectChannel(deps, { channelId: reg.value.id, platformAccountId: accountId, tokens: { accessToken: token, expiresAt: null }, simulation: true });
        targets.push({ channelId: reg.value.id, variant });
      }
      posts.push({ unitId, targets });
    }

    const started = performance.now();
    for (const p of posts) {
      const r = await enqueueDeliveries(deps, { unitId: p.unitId, postId: `post-${p.unitId}`, targets: p.targets });
      if (!r.ok) throw new Error(r.error);
    }
    const total = UNITS * 3;
    let published = 0;
    let sweeps = 0;
    while (performance.now() - started < 180_000) {
      sweeps++;
      await runDueDeliveries(deps, { concurrency: 24, limit: 500 });
      const counts = await db.selectFrom('deliveries').select(['state']).execute();
      published = counts.filter((c) => c.state === 'published').length;
      const open = counts.filter((c) => ['queued', 'sending', 'waiting_platform', 'unconfirmed'].includes(c.state)).length;
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const elapsed = performance.now() - started;
    const onPlatforms = fakes.state.posts.length;
    const requests = [...fakes.state.calls.values()].reduce((a, b) => a + b, 0);
    return [
      { name: `${UNITS} units × 3 channels: time to all published`, value: elapsed / 1000, unit: 's', budget: '≤ 60 s', ok: elapsed <= 60_000 && published === total },
      { name: 'deliveries published', value: published, unit: `of ${total}`, budget: `= ${total}`, ok: published === total },
      { name: 'posts on the platforms (no duplicates)', value: onPlatforms, unit: 'posts', budget: `= ${total}`, ok: onPlatforms === total },
      { name: 'rate-limit violations counted by the fakes', value: fakes.state.rateLimitViolations, unit: 'requests', budget: '= 0', ok: fakes.state.rateLimitViolations === 0 },
      { name: 'platform requests per delivery', value: requests / total, unit: 'req', budget: '≤ 8' , ok: requests / total <= 8 },
      { name: 'worker sweeps', value: sweeps, unit: 'sweeps' },
    ];
  } finally {
    await fakes.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
