import path from 'node:path';
import sharp from 'sharp';
import type { Actor } from '../../../src/modules/accounts/index.js';
import { generateRapor } from '../../../src/modules/compliance/index.js';
import { registerChannel } from '../../../src/modules/channels/index.js';
import { createDraft, publishDraft, saveDraft } from '../../../src/modules/composer/index.js';
import { createFilePrivateStore, submitComplaint } from '../../../src/modules/pelayanan/index.js';
import { findUnitBySlug } from '../../../src/modules/units/index.js';
import { makeRequest } from '../../pelayanan/helpers.js';
import { systemClock } from '../../../src/shared/clock.js';
import { pelayananWords } from '../../../src/main/pelayanan-words.js';
import type { RunningServer } from './server.js';

/**
 * What a week of work leaves in Bacang, so the crawl meets every kind of staff page: an
 * unfinished draft, and a published post whose Instagram copy waits for the manual kit (the
 * account is registered, not connected), last week's stored rapor (the weekly job's), and a
 * citizen's online request with a scanned KTP, and a citizen's complaint with a photo. Made through
 * the use cases as the pages and jobs would, except the request, made as the pelayanan tests make it.
 */
export async function seedCrawlFixtures(s: RunningServer): Promise<void> {
  const { db, config } = s;
  const unit = (await findUnitBySlug(db, config.region, 'bacang'))!;
  const user = await db.selectFrom('users').selectAll().where('username', '=', 'operator.bacang').executeTakeFirstOrThrow();
  const actor: Actor = { id: user.id, username: user.username, displayName: user.display_name, role: user.role, regionCode: user.region_code, unitIds: [unit.id], mustChangePassword: false };
  const deps = s.services.composer();
  const ig = await registerChannel(deps, { unitId: unit.id, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel.bacang.jelajah' });
  if (!ig.ok) throw new Error(`instagram: ${ig.error}`);
  const write = async (title: string) => {
    const d = await createDraft(deps, { unitId: unit.id, userId: actor.id, template: 'pengumuman', text: { body: `${title}: isi untuk uji jelajah.`, hashtags: [] } });
    if (!d.ok) throw new Error(d.error);
    const saved = await saveDraft(deps, { unitId: unit.id, draftId: d.value.id, userId: actor.id, patch: { title } });
    if (!saved.ok) throw new Error(saved.error);
    return d.value.id;
  };
  await write('Draf jadwal posyandu');
  const published = await publishDraft(deps, { actor, unit, draftId: await write('Kerja bakti RW 02') });
  if (!published.ok) throw new Error(`publish: ${published.error}`);
  const rapor = await generateRapor(db, { region: config.region, clock: systemClock, dir: path.join(config.dataDir, 'rapor') });
  if (!rapor.ok) throw new Error(rapor.error);
  const request = await makeRequest(db, unit.id, { submitted_at: new Date().toISOString() });
  const scan = await sharp({ create: { width: 600, height: 380, channels: 3, background: '#cfd8dc' } }).jpeg().toBuffer();
  const key = await createFilePrivateStore(config.pelayananDir).put(unit.id, scan);
  await db
    .insertInto('pelayanan_documents')
    .values({ id: `dok${request.id}`.slice(0, 26), unit_id: unit.id, owner_kind: 'request', owner_id: request.id, slot: 'ktp', label: 'KTP', kind: 'image', mime: 'image/jpeg', bytes: scan.length, storage_key: key, uploaded_by: 'warga', created_at: request.submitted_at, deleted_at: null })
    .execute();
  const privateStore = createFilePrivateStore(config.pelayananDir);
  const complaint = await submitComplaint(
    { db, clock: systemClock, store: privateStore, secret: config.secret, region: config.region, words: pelayananWords() },
    {
      unitId: unit.id, unitName: unit.name, category: 'kebersihan', body: 'Sampah menumpuk di depan pasar sejak Senin.', location: 'Pasar Bacang', anonymous: true,
      name: '', phone: '', email: '', notify: 'none', publish: false, consent: true, photo: { slot: 'foto', name: 'sampah.jpg', bytes: scan }, trackingLink: 'http://127.0.0.1/lacak', ip: null,
    },
  );
  if (!complaint.ok) throw new Error(`complaint: ${complaint.error}`);
}
