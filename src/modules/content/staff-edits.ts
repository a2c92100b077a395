import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentStatus } from '../../db/schema/site.js';
import type { Clock } from '../../shared/clock.js';
import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import { createDocument, type DocumentInput, setDocumentStatus } from './documents.js';
import { createGallery, type GalleryInput } from './galleries.js';
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

const told = <R extends { ok: boolean }>(deps: StaffEditDeps, unitId: string, r: R): R => {
  if (r.ok) deps.onPublicChange?.(unitId);
  return r;
};

export async function saveContentAsStaff(deps: StaffEditDeps, args: Acting & { id?: string; input: ContentInput }) {
  const { actor, unit } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => saveContent({ db: trx, clock: deps.clock }, { unitId: unit.id, id: args.id, actorId: actor.id, input: args.input }),
    (v) => ({ action: args.id ? 'content.update' : 'content.create', target: v.id, ip: args.ip ?? null }),
  );
  return told(deps, unit.id, r);
}

export async function setContentStatusAsStaff(deps: StaffEditDeps, args: Acting & { id: string; status: Exclude<ContentStatus, 'scheduled'> }) {
  const { actor, unit } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => setContentStatus({ db: trx, clock: deps.clock }, { unitId: unit.id, id: args.id, status: args.status, actorId: actor.id }),
    () => ({ action: `content.${args.status}`, target: args.id, ip: args.ip ?? null }),
  );
  return told(deps, unit.id, r);
}

export async function addDocumentAsStaff(deps: StaffEditDeps, args: Acting & { input: DocumentInput }) {
  const { actor, unit } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => createDocument({ db: trx, clock: deps.clock }, { unitId: unit.id, actorId: actor.id, input: args.input }),
    (v) => ({ action: 'document.create', target: v.id, ip: args.ip ?? null }),
  );
  return told(deps, unit.id, r);
}

export async function setDocumentStatusAsStaff(deps: StaffEditDeps, args: Acting & { id: string; status: 'published' | 'archived' }) {
  const { actor, unit } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => setDocumentStatus({ db: trx, clock: deps.clock }, { unitId: unit.id, id: args.id, status: args.status, actorId: actor.id }),
    () => ({ action: args.status === 'published' ? 'document.publish' : 'document.archive', target: args.id, ip: args.ip ?? null }),
  );
  return told(deps, unit.id, r);
}

export async function addGalleryAsStaff(deps: StaffEditDeps, args: Acting & { input: GalleryInput }) {
  const { actor, unit } = args;
  const r = await auditedChange(
    deps,
    { actor, unit },
    (trx) => createGallery({ db: trx, clock: deps.clock }, { unitId: unit.id, input: args.input }),
    (v) => ({ action: 'gallery.create', target: v.id, ip: args.ip ?? null }),
  );
  return told(deps, unit.id, r);
}
