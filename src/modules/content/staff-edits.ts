import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentStatus } from '../../db/schema/site.js';
import type { Clock } from '../../shared/clock.js';
import { type Actor, type AuditEntry, type UnitRef, auditedChange } from '../accounts/index.js';
import type { Result } from '../../shared/result.js';
import { createDocument, type DocumentInput, setDocumentStatus } from './documents.js';
import { createGallery, type GalleryInput, publishGallery } from './galleries.js';
import { type ContentInput, saveContent } from './save-content.js';
import { setContentStatus } from './set-content-status.js';

// What staff do to a unit's website content, each a use case that is given the actor: it refuses
// someone who may not write for the unit ('forbidden', whichever screen or job calls it), asks
// the one publishing policy before anything becomes public (inside the building blocks), and
// writes the change and its audit entry in one transaction. The public pages are told only after
// the commit, so a cache is never refilled from a change that was rolled back. The building
// blocks (saveContent …) stay for callers that are not a person acting on a screen: the
// composer's own transactions (which write their own audit entries) and the demo seeder.

export interface StaffEditDeps {
  db: Kysely<DB>;
  clock: Clock;
  onPublicChange?: (unitId: string) => void;
}

interface Acting {
  actor: Actor;
  unit: UnitRef;
  ip?: string | null;
}

type Ok<R> = R extends { ok: true; value: infer V } ? V : never;

/** The one shape: permission, change and entry in one transaction, the public pages told after. */
async function asStaff<R extends Result<unknown, string>>(
  deps: StaffEditDeps,
  args: Acting,
  change: (blocks: { db: Kysely<DB>; clock: Clock }) => Promise<R>,
  audit: (value: Ok<R>) => Pick<AuditEntry, 'action' | 'target'>,
) {
  const r = await auditedChange(deps, args, (trx) => change({ db: trx, clock: deps.clock }), (v) => ({ ...audit(v as Ok<R>), ip: args.ip ?? null }));
  if (r.ok) deps.onPublicChange?.(args.unit.id);
  return r;
}

export const saveContentAsStaff = (deps: StaffEditDeps, args: Acting & { id?: string; input: ContentInput }) =>
  asStaff(deps, args, (b) => saveContent(b, { unitId: args.unit.id, id: args.id, actorId: args.actor.id, input: args.input }), (v) => ({ action: args.id ? 'content.update' : 'content.create', target: v.id }));

export const setContentStatusAsStaff = (deps: StaffEditDeps, args: Acting & { id: string; status: Exclude<ContentStatus, 'scheduled'> }) =>
  asStaff(deps, args, (b) => setContentStatus(b, { unitId: args.unit.id, id: args.id, status: args.status, actorId: args.actor.id }), () => ({ action: `content.${args.status}`, target: args.id }));

export const addDocumentAsStaff = (deps: StaffEditDeps, args: Acting & { input: DocumentInput }) =>
  asStaff(deps, args, (b) => createDocument(b, { unitId: args.unit.id, actorId: args.actor.id, input: args.input }), (v) => ({ action: 'document.create', target: v.id }));

export const setDocumentStatusAsStaff = (deps: StaffEditDeps, args: Acting & { id: string; status: 'published' | 'archived' }) =>
  asStaff(deps, args, (b) => setDocumentStatus(b, { unitId: args.unit.id, id: args.id, status: args.status, actorId: args.actor.id }), () => ({ action: args.status === 'published' ? 'document.publish' : 'document.archive', target: args.id }));

export const addGalleryAsStaff = (deps: StaffEditDeps, args: Acting & { input: GalleryInput }) =>
  asStaff(deps, args, (b) => createGallery(b, { unitId: args.unit.id, actorId: args.actor.id, input: args.input }), (v) => ({ action: 'gallery.create', target: v.id }));

export const publishGalleryAsStaff = (deps: StaffEditDeps, args: Acting & { galleryId: string }) =>
  asStaff(deps, args, (b) => publishGallery(b, { unitId: args.unit.id, actorId: args.actor.id, galleryId: args.galleryId }), (v) => ({ action: 'gallery.publish', target: v.id }));
