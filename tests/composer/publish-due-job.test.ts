import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { registerDeclaredJobs } from '../../src/jobs/define-job.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { composeServices } from '../../src/main/compose.js';
import { composerJobs, publishDueJob } from '../../src/main/composer-jobs.js';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, createComposerApp, newDraft, unitId } from './support.js';

// The `composer.publish-due` job through the real job port: the minute schedule publishes a post
// at its time, and a worker that starts after downtime publishes what it missed straight away.

describe(`composer.publish-due through the job queue on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  const logger = pino({ level: 'silent' });
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());
  // The worker's composition over a given database handle, as src/main/start.ts builds it.
  const registerComposerJobs = (db: typeof a.t.db, jobs: JobQueue) =>
    registerDeclaredJobs(jobs, composerJobs, { db, config: a.deps.config, clock: a.clock, logger, jobs, services: composeServices({ db, clock: a.clock, config: a.deps.config }) }, { log: logger, now: () => a.clock.now() });

  async function schedule(title: string, wib: string) {
    const id = await newDraft(op, 'bacang', 'pengumuman');
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { title, body: `${title}: keterangan lengkap untuk warga.`, photos_shown: '1', action: 'schedule', jadwal: wib });
    expect(res.status).toBe(303);
    return id;
  }

  it('publishes on the minute schedule at its time, not before', async () => {
    a.clock.set('2026-11-25T02:00:00Z');
    const id = await schedule('Posyandu Desember', '2026-11-25T09:30');
    const q = new EmbeddedQueue(a.t.db, { clock: a.clock, pollIntervalMs: 0 });
    await registerComposerJobs(a.t.db, q);
    await q.runDue();
    expect((await getDraft(a.t.db, bacang, id))!.status).toBe('scheduled');
    a.clock.set('2026-11-25T02:30:30Z');
    await q.runDue();
    const d = (await getDraft(a.t.db, bacang, id))!;
    expect(d.status).toBe('published');
    expect(d.lateNote).toBeNull();
    await q.stop();
  });

  it('after a restart, the start-up run publishes what was missed while down, with a late note', async () => {
    a.clock.set('2026-11-25T03:00:00Z');
    const id = await schedule('Kerja bakti akbar', '2026-11-25T10:30');
    // Down from 10:05 to 12:00 WIB. A new process opens the database and starts its worker.
    const reopened = await openDatabase(a.t.config);
    try {
      a.clock.set('2026-11-25T05:00:00Z');
      const q = new EmbeddedQueue(reopened.db, { clock: a.clock, pollIntervalMs: 0 });
      await registerComposerJobs(reopened.db, q);
      await q.runDue();
      const d = (await getDraft(reopened.db, bacang, id))!;
      expect(d.status).toBe('published');
      expect(JSON.parse(d.lateNote!).minutes).toBe(90);
      // Running the job again later finds nothing left to do: the post is not published twice.
      a.clock.set('2026-11-25T05:05:00Z');
      await q.send(publishDueJob.name, {});
      await q.runDue();
      expect((await getDraft(reopened.db, bacang, id))!.publishedAt).toBe('2026-11-25T05:00:00.000Z');
      await q.stop();
    } finally {
      await reopened.close();
    }
  });
});
