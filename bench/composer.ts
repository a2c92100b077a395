import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { registerChannel } from '../src/modules/channels/index.js';
import { createTestApp } from '../tests/support/test-app.js';
import type { BenchRow } from './run.js';

// The composer's own paths, in process on SQLite: what a phone waits for after each tap.
// Photo processing itself is measured in bench/media.ts (four 12 MP photos, AVIF apart).

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function phonePhoto(seed: number): Promise<Buffer> {
  // 4000×3000 = 12 MP, textured like a real photo so encoders have work.
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 90 + seed, g: 120, b: 80 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function run(): Promise<BenchRow[]> {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-composer-'));
  const a = await createTestApp({ mediaDir, publicUrl: 'https://beranda.test' });
  const rows: BenchRow[] = [];
  try {
    const op = await a.loginAs('operator.bacang');
    const unit = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    for (const [platform, url] of [['facebook', 'https://www.facebook.com/kelbacang'], ['instagram', 'https://www.instagram.com/kel.bacang/'], ['tiktok', 'https://www.tiktok.com/@kel.bacang']] as const) {
      await registerChannel(a.deps, { unitId: unit, platform, profileUrl: url });
    }
    const newDraft = async () => {
      const res = await op.post('/admin/unit/bacang/tulis', { template: 'kegiatan' });
      return /\/kabar\/([a-z0-9]+)$/.exec(res.headers.get('location') ?? '')![1]!;
    };
    const upload = (id: string, body: Buffer) =>
      a.request(`/admin/unit/bacang/kabar/${id}/foto`, {
        method: 'POST',
        cookie: op.cookie,
        headers: { 'x-csrf-token': op.csrf, 'content-type': 'image/jpeg', 'content-length': String(body.length), 'x-file-name': 'foto.jpg' },
        body,
      });

    const photos = [await phonePhoto(1), await phonePhoto(2)];
    const uploadMs: number[] = [];
    const publishMs: number[] = [];
    for (let round = 0; round < 3; round++) {
      const id = await newDraft();
      for (const [i, p] of photos.entries()) {
        // A different photo each round (one changed byte), so nothing is a duplicate.
        const bytes = Buffer.from(p);
        bytes[bytes.length - 3] = (round * 2 + i) % 250;
        const t0 = performance.now();
        const r = await upload(id, bytes);
        if (r.status !== 200) throw new Error(`upload ${r.status}`);
        uploadMs.push(performance.now() - t0);
      }
      const t1 = performance.now();
      const r = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: `Kerja bakti ${round}`, body: 'Warga membersihkan selokan bersama perangkat kelurahan.' });
      if (r.status !== 303) throw new Error(`publish ${r.status}`);
      publishMs.push(performance.now() - t1);
    }
    rows.push({ name: '12 MP phone photo through the upload route (all publish variants)', value: median(uploadMs), unit: 'ms', budget: '≤ 3000 ms', ok: median(uploadMs) <= 3000 });
    rows.push({ name: '"Terbitkan sekarang" with 2 photos → site + 3 deliveries', value: median(publishMs), unit: 'ms', budget: '≤ 500 ms', ok: median(publishMs) <= 500 });

    const cardMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await newDraft();
      const t0 = performance.now();
      await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: `Selamat Hari Guru ${i}`, body: 'Terima kasih untuk semua guru di Kelurahan Bacang.' });
      cardMs.push(performance.now() - t0);
    }
    rows.push({ name: '"Terbitkan sekarang" without photos (image card made)', value: median(cardMs), unit: 'ms', budget: '≤ 2000 ms', ok: median(cardMs) <= 2000 });

    const id = await newDraft();
    const saveMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const body = new URLSearchParams({ title: `Judul ${i}`, body: 'Teks '.repeat(50 + i), hashtags: '#Pangkalpinang #KelurahanBacang', photos_shown: '1' });
      const t0 = performance.now();
      const r = await a.request(`/admin/unit/bacang/kabar/${id}/simpan`, { method: 'POST', cookie: op.cookie, headers: { 'x-csrf-token': op.csrf, 'content-type': 'application/x-www-form-urlencoded' }, body });
      await r.text();
      saveMs.push(performance.now() - t0);
    }
    rows.push({ name: 'autosave round trip (in process, with previews)', value: median(saveMs), unit: 'ms', budget: '≤ 50 ms', ok: median(saveMs) <= 50 });

    const pageMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
      pageMs.push(performance.now() - t0);
    }
    rows.push({ name: 'editor page render (in process)', value: median(pageMs), unit: 'ms', budget: '≤ 50 ms', ok: median(pageMs) <= 50 });
    const homeMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await (await op.get('/admin/unit/bacang')).text();
      homeMs.push(performance.now() - t0);
    }
    rows.push({ name: 'staff home with onboarding (in process)', value: median(homeMs), unit: 'ms', budget: '≤ 50 ms', ok: median(homeMs) <= 50 });
  } finally {
    await a.close();
    rmSync(mediaDir, { recursive: true, force: true });
  }
  return rows;
}
