import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { PLATFORMS, connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import { type PublishingDeps, runDueDeliveries, runDuePostChanges, runPostChange } from '../../src/modules/publishing/index.js';
import { runPostChangesJob } from '../../src/main/channels-jobs.js';
import { ALL_JOBS } from '../../src/main/worker.js';
import type { WorkerDeps } from '../../src/main/worker-deps.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, createComposerApp, newDraft, unitId } from './support.js';
import { decodeEntities as decode } from '../support/html.js';

// #14 point 3, the social half: copies already out on Facebook are edited and deleted through
// the Graph API (the contract fake here), by the job "publishing.run-changes". What can fail
// does so visibly — the platform down (retried, then "Gagal … Coba lagi"), the token gone (the
// reconnect message) — and a run killed after the call neither loses the change nor harms the
// post when it is repeated.


describe(`social copies after publishing: Facebook edited and deleted through the API on ${testEngine()}`, () => {
  let a: ComposerApp;
  let fakes: SocialFakes;
  let op: Session;
  let bacang: string;
  let publishing: PublishingDeps;

  beforeAll(async () => {
    fakes = await startSocialFakes();
    a = await createComposerApp({ graphApiBase: fakes.graphUrl, facebookAppId: fakes.options.facebookApp.id, facebookAppSecret: fakes.options.facebookApp.secret });
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
    const page = fakes.state.addFacebookPage({ username: 'kel.bacang' });
    const deps = { db: a.t.db, clock: a.clock, tokenKey: a.deps.services.tokenKey };
    const reg = await registerChannel(deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kel.bacang' });
    if (!reg.ok) throw new Error(reg.error);
    await connectChannel(deps, { channelId: reg.value.id, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });
    // Short waits so a test walks through the retries by moving the clock.
    publishing = { ...a.deps.services.publishing, policy: { maxAttempts: 3, baseBackoffMs: 1_000 }, random: () => 0.5 };
  });
  afterAll(async () => {
    await a?.close();
    await fakes?.close();
  });

  /** Published on the site and out on the fake Facebook Page. */
  async function publishOut(title: string) {
    const id = await newDraft(op, 'bacang', 'kegiatan');
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { title, body: `Warga Bacang ${title.toLowerCase()} bersama perangkat kelurahan.`, action: 'publish' });
    expect(res.status).toBe(303);
    await runDueDeliveries(publishing);
    const draft = (await getDraft(a.t.db, bacang, id))!;
    const d = await a.t.db.selectFrom('deliveries').selectAll().where('post_id', '=', draft.contentId!).executeTakeFirstOrThrow();
    expect(d.state).toBe('published');
    expect(fakes.state.posts.some((p) => p.id === d.platform_post_id)).toBe(true);
    return { id, draft, delivery: d, postId: d.platform_post_id! };
  }

  const edit = (id: string, revision: number, title: string, body: string) => op.post(`/admin/unit/bacang/kabar/${id}/ubah`, { title, body, revision: String(revision) });
  const changesOf = (postId: string) => fakes.state.postChanges.filter((c) => c.postId === postId);
  const changeRow = (deliveryId: string) => a.t.db.selectFrom('delivery_changes').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirst();

  it('the platforms say what their APIs allow after publishing: Facebook edit and delete, Instagram and TikTok neither', () => {
    expect(PLATFORMS.facebook.afterPublish).toEqual({ editText: true, delete: true });
    expect(PLATFORMS.instagram.afterPublish).toEqual({ editText: false, delete: false });
    expect(PLATFORMS.tiktok.afterPublish).toEqual({ editText: false, delete: false });
    expect(ALL_JOBS).toContain(runPostChangesJob);
  });

  it('an edit of a published post sends the new caption (title and text) to the Facebook post; the page says so before and after', async () => {
    const p = await publishOut('Kerja bakti di Jalan Mawar');
    const form = await (await op.get(`/admin/unit/bacang/kabar/${p.id}/ubah`)).text();
    expect(form).toContain('Teks postingan di Facebook akan ikut diperbarui');

    const res = await edit(p.id, p.draft.revision, 'Kerja bakti di Jalan Melati', 'Warga Bacang kerja bakti di Jalan Melati hari Minggu.');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/unit/bacang/kabar/${p.id}?diubah=1&sosmed=facebook`);
    expect(changesOf(p.postId)).toEqual([]);
    // Through the declared job, as the worker runs it.
    await runPostChangesJob.run({ id: 'j1', name: runPostChangesJob.name, data: {}, attempt: 1, signal: new AbortController().signal } as never, { services: { ...a.deps.services, publishing }, logger: { info() {} } } as unknown as WorkerDeps);

    const sent = changesOf(p.postId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.op).toBe('update');
    expect(sent[0]!.message).toContain('Kerja bakti di Jalan Melati');
    expect(sent[0]!.message).toContain('Warga Bacang kerja bakti di Jalan Melati hari Minggu.');
    expect(sent[0]!.message).not.toContain('Mawar');
    expect(fakes.state.posts.find((x) => x.id === p.postId)!.text).toBe(sent[0]!.message);

    const done = decode(await (await op.get(res.headers.get('location')!)).text());
    expect(done).toContain('Teks di Facebook sedang diperbarui; statusnya ada di bawah.');
    expect(done).toContain('Teks di Facebook sudah diperbarui.');

    // Saving again without a change of text asks nothing more of Facebook.
    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    await edit(p.id, draft.revision, 'Kerja bakti di Jalan Melati', 'Warga Bacang kerja bakti di Jalan Melati hari Minggu.');
    await runDuePostChanges(publishing);
    expect(changesOf(p.postId)).toHaveLength(1);
  });

  it('"Hapus kabar" with "Hapus juga dari Facebook" ticked deletes the Facebook post; unticked leaves it; "Tarik dari situs" leaves it and says so', async () => {
    const p = await publishOut('Posyandu balita hari Sabtu');
    const ask = decode(await (await op.get(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`)).text());
    expect(ask).toMatch(/<input type="checkbox" id="f-hapus-facebook" name="hapus_di_facebook" value="1" checked/);
    expect(ask).toContain('Hapus juga dari Facebook');
    const res = await op.post(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`, { yakin: '1', hapus_di_facebook: '1' });
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=post_deleted&sosmed_hapus=facebook');
    expect(decode(await (await op.get(res.headers.get('location')!)).text())).toContain('Postingan di Facebook sedang dihapus');
    await runDuePostChanges(publishing);
    expect(changesOf(p.postId)).toEqual([expect.objectContaining({ op: 'delete', postId: p.postId })]);
    expect(fakes.state.posts.some((x) => x.id === p.postId)).toBe(false);
    // The post's Kiriman page stays and says it.
    const kiriman = decode(await (await op.get(`/admin/unit/bacang/kiriman/${p.draft.contentId}`)).text());
    expect(kiriman).toContain('Postingan di Facebook sudah dihapus.');
    // Not counted as shown any more.
    expect(kiriman).toContain('Sudah dihapus dari Facebook');
    expect(kiriman).not.toContain('Tampil untuk umum');
    expect(kiriman).toContain('0 dari 1 tampil untuk umum');

    // Unticked: the website copy goes, the Facebook post stays, the home page says where.
    const q = await publishOut('Posyandu lansia hari Senin');
    const res2 = await op.post(`/admin/unit/bacang/kabar/${q.id}/hapus-terbit`, { yakin: '1' });
    expect(res2.headers.get('location')).toBe('/admin/unit/bacang?pesan=post_deleted&sosmed=facebook');
    await runDuePostChanges(publishing);
    expect(changesOf(q.postId)).toEqual([]);
    expect(fakes.state.posts.some((x) => x.id === q.postId)).toBe(true);

    // Taking a post off the website never touches the copies, and the question says so.
    const r = await publishOut('Rapat RT 04 hari Kamis');
    expect(decode(await (await op.get(`/admin/unit/bacang/kabar/${r.id}/tarik`)).text())).toContain('Salinan di media sosial tidak diubah dan tidak dihapus');
    await op.post(`/admin/unit/bacang/kabar/${r.id}/tarik`, { yakin: '1', hapus_di_facebook: '1' });
    await runDuePostChanges(publishing);
    expect(changesOf(r.postId)).toEqual([]);
    expect(await changeRow(r.delivery.id)).toBeUndefined();
  });

  it('Facebook down: the edit is retried with backoff, then shown as failed with "Coba lagi", which sends it again', async () => {
    const p = await publishOut('Pembagian beras hari Rabu');
    fakes.inject({ op: 'facebook.post_update', fault: 'server_error', times: 3 });
    await edit(p.id, p.draft.revision, 'Pembagian beras hari Kamis', 'Pembagian beras pindah ke hari Kamis di kantor kelurahan.');
    await runDuePostChanges(publishing);
    let row = (await changeRow(p.delivery.id))!;
    expect([row.state, row.attempts, row.reason_code]).toEqual(['queued', 1, 'platform_error']);
    expect(decode(await (await op.get(`/admin/unit/bacang/kabar/${p.id}`)).text())).toContain('Teks di Facebook belum berhasil diperbarui dan dicoba lagi otomatis');
    // Not before its time; then twice more (the policy here gives up after 3 attempts).
    await runDuePostChanges(publishing);
    expect(fakes.state.callsOf('facebook.post_update')).toBeGreaterThan(0);
    const callsBefore = fakes.state.callsOf('facebook.post_update');
    await runDuePostChanges(publishing);
    expect(fakes.state.callsOf('facebook.post_update')).toBe(callsBefore);
    for (let i = 0; i < 2; i++) {
      a.clock.advance(10 * 60_000);
      await runDuePostChanges(publishing);
    }
    row = (await changeRow(p.delivery.id))!;
    expect(row.state).toBe('failed');
    const page = decode(await (await op.get(`/admin/unit/bacang/kabar/${p.id}`)).text());
    expect(page).toContain('Gagal memperbarui di Facebook: sudah dicoba 3 kali tanpa hasil');
    const retryAction = `/admin/unit/bacang/kiriman/${p.draft.contentId}/${p.delivery.id}/ubah-lagi`;
    expect(page).toContain(`action="${retryAction}"`);
    expect(page).toContain('Coba lagi');
    expect(changesOf(p.postId)).toEqual([]);

    const res = await op.post(retryAction, {});
    expect(res.headers.get('location')).toBe(`/admin/unit/bacang/kiriman/${p.draft.contentId}?pesan=change_retried`);
    await runDuePostChanges(publishing);
    expect((await changeRow(p.delivery.id))!.state).toBe('done');
    expect(changesOf(p.postId).map((c) => c.message)).toEqual([expect.stringContaining('Pembagian beras hari Kamis')]);
    expect((await a.t.db.selectFrom('audit_log').select('action').where('target', '=', p.delivery.id).execute()).map((x) => x.action)).toContain('delivery.change_retry');
  });

  it('an expired Page token (OAuthException 190) fails the edit at once with the reconnect message and flags the account; nothing is lost', async () => {
    const p = await publishOut('Lomba kebersihan antar-RT');
    fakes.inject({ op: 'facebook.post_update', fault: 'token_expired' });
    await edit(p.id, p.draft.revision, 'Lomba kebersihan antar-RT diundur', 'Lomba kebersihan antar-RT diundur ke bulan depan.');
    await runDuePostChanges(publishing);
    const row = (await changeRow(p.delivery.id))!;
    expect([row.state, row.reason_code, row.attempts]).toEqual(['failed', 'token_expired', 0]);
    expect(row.message).toContain('Lomba kebersihan antar-RT diundur ke bulan depan.');
    const page = decode(await (await op.get(`/admin/unit/bacang/kabar/${p.id}`)).text());
    expect(page).toContain('Gagal memperbarui di Facebook: Izin Beranda untuk akun Facebook sudah habis atau dicabut. Hubungkan ulang akun ini di menu Kanal.');
    const channel = await a.t.db.selectFrom('channel_accounts').select('state').where('unit_id', '=', bacang).where('platform', '=', 'facebook').executeTakeFirstOrThrow();
    expect(channel.state).toBe('needs_reconnect');
    // Reconnected: "Coba lagi" sends the text that was kept.
    await a.t.db.updateTable('channel_accounts').set({ state: 'connected' }).where('unit_id', '=', bacang).where('platform', '=', 'facebook').execute();
    await op.post(`/admin/unit/bacang/kiriman/${p.draft.contentId}/${p.delivery.id}/ubah-lagi`, {});
    await runDuePostChanges(publishing);
    expect(changesOf(p.postId).map((c) => c.message)).toEqual([row.message]);
  });

  it('a run killed after the Graph call, before its answer was stored, is taken again after its lease: the edit is sent once more (harmless), a repeated delete is refused as gone and counts as done', async () => {
    const crash = { ...publishing, faults: (b: string) => { if (b === 'sent:change') throw new Error('killed'); } };
    const p = await publishOut('Vaksinasi anak di puskesmas');
    await edit(p.id, p.draft.revision, 'Vaksinasi anak di balai RW', 'Vaksinasi anak dipindah ke balai RW 05.');
    await expect(runPostChange(crash, p.delivery.id)).rejects.toThrow('killed');
    expect((await changeRow(p.delivery.id))!.state).toBe('sending');
    // Held while the lease lasts; taken again once it has run out.
    expect((await runPostChange(publishing, p.delivery.id)).ok).toBe(false);
    a.clock.advance(3 * 60_000);
    expect(await runPostChange(publishing, p.delivery.id)).toEqual({ ok: true, value: 'done' });
    const edits = changesOf(p.postId);
    // At least once: the same text twice, one post with that text — nothing a citizen can see twice.
    expect(edits).toHaveLength(2);
    expect(edits[0]!.message).toBe(edits[1]!.message);
    expect(fakes.state.posts.filter((x) => x.id === p.postId).map((x) => x.text)).toEqual([edits[0]!.message]);

    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    expect(draft.status).toBe('published');
    await op.post(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`, { yakin: '1', hapus_di_facebook: '1' });
    await expect(runPostChange(crash, p.delivery.id)).rejects.toThrow('killed');
    a.clock.advance(3 * 60_000);
    expect(await runPostChange(publishing, p.delivery.id)).toEqual({ ok: true, value: 'done' });
    // The second DELETE met a post already gone (100/33): counted done, never deleted twice.
    expect(changesOf(p.postId).filter((c) => c.op === 'delete')).toHaveLength(1);
    expect(fakes.state.callsOf('facebook.post_delete')).toBeGreaterThanOrEqual(2);
  });
  it('an edit saved while a run is sending the previous one is not lost: that run marks nothing done, the next sends the newest text', async () => {
    const p = await publishOut('Kerja bakti saluran air');
    await edit(p.id, p.draft.revision, 'Kerja bakti saluran air RT 01', 'Kerja bakti saluran air di RT 01.');
    let second = false;
    const meanwhile = {
      ...publishing,
      faults: async (b: string) => {
        if (b !== 'sent:change' || second) return;
        second = true;
        const draft = (await getDraft(a.t.db, bacang, p.id))!;
        expect((await edit(p.id, draft.revision, 'Kerja bakti saluran air RT 02', 'Kerja bakti saluran air pindah ke RT 02.')).status).toBe(303);
      },
    };
    expect(await runPostChange(meanwhile, p.delivery.id)).toEqual({ ok: true, value: 'queued' });
    const row = (await changeRow(p.delivery.id))!;
    expect([row.state, row.locked_until]).toEqual(['queued', null]);
    await runDuePostChanges(publishing);
    expect((await changeRow(p.delivery.id))!.state).toBe('done');
    const sent = changesOf(p.postId).map((c) => c.message ?? '');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('Kerja bakti saluran air pindah ke RT 02.');
    expect(fakes.state.posts.find((x) => x.id === p.postId)!.text).toBe(sent[1]);
  });
});
