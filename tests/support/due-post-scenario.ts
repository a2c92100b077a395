import pino from 'pino';
import { startSocialFakes } from '../../src/fakes/social/index.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { runDeliveriesJob } from '../../src/main/channels-jobs.js';
import { publishDueJob } from '../../src/main/composer-jobs.js';
import { connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import { enqueueDeliveries } from '../../src/modules/publishing/index.js';
import { ScaledClock } from './scaled-clock.js';
import { createTestApp } from './test-app.js';

// Issue 16.7's scenario, shared by its test (tests/channels/due-post-behind-batch.test.ts) and
// `npm run bench`: a batch of deliveries to the Facebook Pages of 25 kelurahan is due at 09:00
// WIB; Bacang has a post scheduled for 09:02. Time runs `scale`× faster than the wall clock and
// every platform call takes `callMs` of it, so the batch is minutes of work done in seconds, with
// the worker as production registers it (the delivery runner and scheduled publishing).

export interface DuePostOutcome {
  /** Virtual ms from the post's time until it was public on the website. */
  postDelayMs: number | null;
  /** Virtual ms from the post's time until its Facebook delivery was published. */
  deliveryDelayMs: number | null;
  /** Batch deliveries still queued when the post's delivery went out. */
  batchLeftWhenDelivered: number;
  /** Batch deliveries published on the platform by then. */
  batchPostedWhenDelivered: number;
}

export async function duePostBehindBatch(opts: { batch: number; callMs: number; scale: number }): Promise<DuePostOutcome> {
  const clock = new ScaledClock('2026-11-25T02:00:00Z', opts.scale);
  const fakes = await startSocialFakes({
    now: () => clock.now().getTime(),
    options: { graphCallsPerMinute: 100_000 },
    beforeHandle: async (op) => {
      if (op === 'facebook.feed') await new Promise((r) => setTimeout(r, clock.realMs(opts.callMs)));
    },
  });
  const a = await createTestApp(
    { publicUrl: 'http://localhost', graphApiBase: fakes.graphUrl, tiktokApiBase: fakes.url, facebookAppId: 'fake-app-id', facebookAppSecret: 'fake-app-secret' },
    { clock },
  );
  const q = new EmbeddedQueue(a.t.db, { clock, pollIntervalMs: 10 });
  try {
    const connectPage = async (unitId: string, username: string) => {
      const deps = { db: a.t.db, clock, tokenKey: a.deps.services.tokenKey };
      const page = fakes.state.addFacebookPage({ username });
      const r = await registerChannel(deps, { unitId, platform: 'facebook', profileUrl: `https://www.facebook.com/${username}` });
      if (!r.ok) throw new Error(r.error);
      await connectChannel(deps, { channelId: r.value.id, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });
      return r.value.id;
    };
    const units = await a.t.db.selectFrom('units').select(['id', 'slug']).where('kind', '=', 'kelurahan').where('slug', '!=', 'bacang').orderBy('slug').limit(25).execute();
    for (const [n, u] of units.entries()) {
      const channelId = await connectPage(u.id, `kel.${u.slug}`);
      const share = Math.floor(opts.batch / units.length) + (n < opts.batch % units.length ? 1 : 0);
      for (let i = 0; i < share; i++) {
        await enqueueDeliveries({ db: a.t.db, clock }, { unitId: u.id, postId: `batch-${u.slug}-${i}`, targets: [{ channelId, variant: { caption: `Kabar ${i} dari ${u.slug}`, imageUrls: [] } }] });
      }
    }
    const bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const bacangChannel = await connectPage(bacang, 'kel.bacang');
    const op = await a.loginAs('operator.bacang');
    const created = await op.post('/admin/unit/bacang/tulis', { template: 'pengumuman' });
    const draftId = /\/kabar\/([a-z0-9]+)$/.exec(created.headers.get('location') ?? '')![1]!;
    const saved = await op.post(`/admin/unit/bacang/kabar/${draftId}`, { title: 'Posyandu balita', body: 'Posyandu balita di RW 03 pukul 08.00, bawa buku KIA.', photos_shown: '1', action: 'schedule', jadwal: '2026-11-25T09:02' });
    if (saved.status !== 303) throw new Error(`scheduling failed: ${saved.status}`);
    const due = Date.parse('2026-11-25T02:02:00Z');

    const logger = pino({ level: 'silent' });
    await registerDeclaredJobs(q, [runDeliveriesJob, publishDueJob], { db: a.t.db, config: a.deps.config, clock, logger, jobs: q, services: a.services }, { log: logger, now: () => clock.now() });
    clock.run();
    await q.start();

    const out: DuePostOutcome = { postDelayMs: null, deliveryDelayMs: null, batchLeftWhenDelivered: 0, batchPostedWhenDelivered: 0 };
    while (out.deliveryDelayMs === null && clock.now().getTime() < due + 20 * 60_000) {
      await new Promise((r) => setTimeout(r, 20));
      if (out.postDelayMs === null && (await getDraft(a.t.db, bacang, draftId))?.status === 'published') out.postDelayMs = clock.now().getTime() - due;
      const d = await a.t.db.selectFrom('deliveries').select('state').where('channel_id', '=', bacangChannel).executeTakeFirst();
      if (d?.state === 'published') {
        out.deliveryDelayMs = clock.now().getTime() - due;
        const queued = await a.t.db.selectFrom('deliveries').select((eb) => eb.fn.countAll().as('n')).where('state', '=', 'queued').executeTakeFirstOrThrow();
        out.batchLeftWhenDelivered = Number(queued.n);
        out.batchPostedWhenDelivered = fakes.state.posts.length - 1;
      }
    }
    clock.pause();
    return out;
  } finally {
    await q.stop({ graceMs: 1_000 });
    await a.close();
    await fakes.close();
  }
}
