import type { PelayananDeps } from './deps.js';
import { eraseComplaint } from './erase-complaint.js';
import { eraseRequest } from './erase.js';
import { cityUnitOf, getCitySettings } from './settings.js';
import { deleteDocumentFiles } from './store-document.js';
import { pruneThrottle } from './throttle.js';

// The retention job (UU 27/2022 Pasal 43: personal data is deleted once the retention period
// ends). Requests and complaints closed longer than the city's period lose their documents and
// personal data; the rows stay for statistics and the letter register stays whole. Also drops
// uploads of forms never sent, messages long delivered, and old rate-limit hits. Works in
// bounded batches and is safe to run twice: what is done is marked and skipped next time.

const BATCH = 200;
const DAY = 24 * 3600_000;

export interface RetentionSummary {
  requests: number;
  complaints: number;
  drafts: number;
  messages: number;
  throttle: number;
}

export async function applyRetention(deps: PelayananDeps, opts: { maxBatches?: number } = {}): Promise<RetentionSummary> {
  const now = deps.clock.now();
  const city = await cityUnitOf(deps.db, deps.region);
  const days = (await getCitySettings(deps.db, city?.id ?? '')).retensiHari;
  const before = new Date(now.getTime() - days * DAY).toISOString();
  const out: RetentionSummary = { requests: 0, complaints: 0, drafts: 0, messages: 0, throttle: 0 };
  const batches = opts.maxBatches ?? 50;

  for (let b = 0; b < batches; b++) {
    const due = await deps.db.selectFrom('pelayanan_requests').select('id').where('closed_at', 'is not', null).where('closed_at', '<=', before).where('docs_deleted_at', 'is', null).limit(BATCH).execute();
    for (const r of due) if (await eraseRequest(deps, r.id, 'retention')) out.requests++;
    if (due.length < BATCH) break;
  }
  for (let b = 0; b < batches; b++) {
    const due = await deps.db.selectFrom('pelayanan_complaints').select('id').where('closed_at', 'is not', null).where('closed_at', '<=', before).where('docs_deleted_at', 'is', null).limit(BATCH).execute();
    for (const c of due) if (await eraseComplaint(deps, c.id, 'retention')) out.complaints++;
    if (due.length < BATCH) break;
  }
  // Uploads kept for a form the citizen was correcting but never sent: a day is enough.
  const stale = new Date(now.getTime() - DAY).toISOString();
  for (let b = 0; b < batches; b++) {
    const drafts = await deps.db.selectFrom('pelayanan_documents').select(['id', 'storage_key']).where('owner_kind', '=', 'draft').where('created_at', '<=', stale).where('deleted_at', 'is', null).limit(BATCH).execute();
    await deleteDocumentFiles(deps, drafts);
    out.drafts += drafts.length;
    if (drafts.length < BATCH) break;
  }
  await deps.db.deleteFrom('pelayanan_documents').where('owner_kind', '=', 'draft').where('deleted_at', 'is not', null).execute();
  // A delivered or abandoned message is kept 30 days for the staff screen, then forgotten.
  const old = new Date(now.getTime() - 30 * DAY).toISOString();
  const msgs = await deps.db.deleteFrom('pelayanan_outbox').where('status', 'in', ['sent', 'failed']).where('created_at', '<=', old).executeTakeFirst();
  out.messages = Number(msgs.numDeletedRows);
  out.throttle = await pruneThrottle(deps.db, deps.clock);
  return out;
}
