import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type DocumentRefusal, checkDocument } from './check-document.js';
import type { PelayananDeps } from './deps.js';
import { type DocumentRow, requestsRepo } from './requests-repo.js';

/** Checks one upload (hostile until proven otherwise), writes the cleaned file privately and records it. */
export async function storeDocument(
  deps: PelayananDeps,
  args: { unitId: string; ownerKind: DocumentRow['owner_kind']; ownerId: string; slot: string; label: string; bytes: Buffer; uploadedBy: string },
): Promise<Result<DocumentRow, DocumentRefusal>> {
  const checked = await checkDocument(args.bytes);
  if (!checked.ok) return err(checked.error);
  const key = await deps.store.put(args.unitId, checked.value.bytes);
  const now = deps.clock.now();
  const row: DocumentRow = {
    id: newId(now.getTime()),
    unit_id: args.unitId,
    owner_kind: args.ownerKind,
    owner_id: args.ownerId,
    slot: args.slot,
    label: args.label.slice(0, 300),
    kind: checked.value.kind,
    mime: checked.value.mime,
    bytes: checked.value.bytes.length,
    storage_key: key,
    uploaded_by: args.uploadedBy,
    created_at: now.toISOString(),
    deleted_at: null,
  };
  try {
    await requestsRepo.insertDocument(deps.db, row);
  } catch (e) {
    await deps.store.remove(key);
    throw e;
  }
  return ok(row);
}

/** Deletes the files of documents and marks their rows; the rows stay as a record that they existed. */
export async function deleteDocumentFiles(deps: PelayananDeps, docs: Pick<DocumentRow, 'id' | 'storage_key'>[]): Promise<void> {
  const at = deps.clock.now().toISOString();
  for (const d of docs) {
    await deps.store.remove(d.storage_key);
    await deps.db.updateTable('pelayanan_documents').set({ deleted_at: at }).where('id', '=', d.id).execute();
  }
}
