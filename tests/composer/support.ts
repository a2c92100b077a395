import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';

// Helpers for the composer's HTTP tests: the app with a throwaway media folder, and the few
// requests the composer's script makes (raw photo upload, autosave).

export interface ComposerApp extends TestApp {
  mediaDir: string;
}

export async function createComposerApp(overrides: Partial<Config> = {}): Promise<ComposerApp> {
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-composer-media-'));
  const a = await createTestApp({ mediaDir, publicUrl: 'https://beranda.test', ...overrides });
  return {
    ...a,
    mediaDir,
    close: async () => {
      await a.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Taps "Tulis kabar" → a template; returns the new draft's id. */
export async function newDraft(s: Session, slug: string, template = 'kegiatan'): Promise<string> {
  const res = await s.post(`/admin/unit/${slug}/tulis`, { template });
  const loc = res.headers.get('location') ?? '';
  const m = /\/kabar\/([a-z0-9]+)$/.exec(loc);
  if (res.status !== 303 || !m) throw new Error(`draft not created: ${res.status} ${loc}`);
  return m[1]!;
}

/** The script's upload: the photo as the raw body, CSRF in a header. */
export function uploadPhoto(a: TestApp, s: Session, slug: string, draftId: string, body: Buffer | ReadableStream<Uint8Array>, name = 'foto.jpg', extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'x-csrf-token': s.csrf, 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent(name), ...extra };
  if (Buffer.isBuffer(body)) headers['content-length'] = String(body.length);
  return a.request(`/admin/unit/${slug}/kabar/${draftId}/foto`, { method: 'POST', cookie: s.cookie, headers, body: body as RequestInit["body"], duplex: 'half' } as RequestInit & { cookie: string });
}

/** The script's autosave: form fields urlencoded, CSRF in a header. */
export function autosave(a: TestApp, s: Session, slug: string, draftId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return a.request(`/admin/unit/${slug}/kabar/${draftId}/simpan`, {
    method: 'POST',
    cookie: s.cookie,
    headers: { 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

export const unitId = async (a: TestApp, slug: string) => (await a.t.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/**
 * A form as the phone sends it: multipart, with files; the CSRF token from the session (a
 * `_csrf` among the fields, as read back from a page, is left out). Repeated fields as arrays.
 */
export function postMultipart(
  a: TestApp,
  s: Session,
  path: string,
  fields: Record<string, string | string[]>,
  files: Record<string, { bytes: Buffer; name: string; type: string }> = {},
) {
  const fd = new FormData();
  fd.append('_csrf', s.csrf);
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf') for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  for (const [k, f] of Object.entries(files)) fd.append(k, new Blob([f.bytes], { type: f.type }), f.name);
  return a.request(path, { method: 'POST', cookie: s.cookie, headers: { 'x-csrf-token': s.csrf }, body: fd });
}

/**
 * A kegiatan draft with one uploaded photo (and its description), published through the editor's
 * form: what the after-publish tests start from.
 */
export async function publishWithPhoto(a: ComposerApp, s: Session, slug: string, title: string, photo: { bytes: Buffer; name: string; alt: string }, body = `Warga ${title.toLowerCase()}.`) {
  const unit = await unitId(a, slug);
  const id = await newDraft(s, slug, 'kegiatan');
  await uploadPhoto(a, s, slug, id, photo.bytes, photo.name);
  const draft = (await getDraft(a.t.db, unit, id))!;
  const res = await s.post(`/admin/unit/${slug}/kabar/${id}`, { title, body, photos_shown: '1', photo: draft.photos.map((p) => p.mediaId), [`alt:${draft.photos[0]!.mediaId}`]: photo.alt, action: 'publish' });
  if (res.status !== 303) throw new Error(`publishing "${title}" answered ${res.status}`);
  return { id, draft: (await getDraft(a.t.db, unit, id))! };
}
