import type { Kysely } from 'kysely';
import { unitRepository } from '../../units/index.js';
import type { DB, Role } from '../../../db/schema/index.js';
import { slugify } from '../../../shared/slug.js';
import { unitsProblem, userInputSchema } from '../manage-users.js';
import type { SheetRow } from './read-staff-sheet.js';
import type { StaffProblem } from './staff-problems.js';

// The dry run of a staff import (issue 13, point 6): every line of the file is checked as the
// user form would check it — name, username, role, unit(s), e-mail, WhatsApp — plus what only a
// list can get wrong (the same username twice). Nothing is written. A line without a username
// gets one made from its role and unit (operator.bacang) or its name (siti.aminah).

/** What a checked line will create; the creation step checks it again. */
export interface StaffInput {
  line: number;
  displayName: string;
  username: string;
  role: Role;
  unitIds: string[];
  email?: string;
  phone?: string;
}

export interface CheckedLine {
  line: number;
  displayName: string;
  username: string;
  usernameMade: boolean;
  role: Role | null;
  unitNames: string[];
  problems: StaffProblem[];
  /** Present when the line has no problems. */
  input?: StaffInput;
}

// The words a sheet may use for a role, matched as typed (lower case, letters only) — the names
// the staff pages show ("Admin Kota (Diskominfo)") among them. Read, never shown.
const ROLE_WORDS: Record<string, Role> = {
  operator: 'operator', 'operator kelurahan': 'operator', 'operator desa': 'operator', admin: 'admin_kota', 'admin kota': 'admin_kota',
  'admin kabupaten': 'admin_kota', 'admin diskominfo': 'admin_kota', 'admin kota diskominfo': 'admin_kota', lurah: 'lurah', 'kepala desa': 'lurah', kades: 'lurah', camat: 'camat',
  pendamping: 'pendamping', pimpinan: 'pimpinan', 'wali kota': 'pimpinan', walikota: 'pimpinan', bupati: 'pimpinan', sekda: 'pimpinan',
};
const roleOf = (text: string): Role | null => ROLE_WORDS[text.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim()] ?? null;

interface UnitRef {
  id: string;
  name: string;
  slug: string;
  code: string | null;
  kind: string;
}

const PREFIX = /^(kelurahan|kel|desa|kecamatan|kec|dinas|badan)\.?\s+/i;
const key = (s: string) => slugify(s.replace(PREFIX, ''));

/** A unit by slug, Kemendagri code or name ("Bacang", "Kelurahan Bacang"); kecamatan first for a camat. */
function findUnit(units: UnitRef[], text: string, role: Role | null): UnitRef[] {
  const t = text.trim();
  const exact = units.filter((u) => u.slug === t.toLowerCase() || u.code === t);
  if (exact.length) return exact;
  const byName = units.filter((u) => key(u.name) === key(t) || slugify(u.name) === slugify(t));
  if (byName.length <= 1) return byName;
  const wantsKec = role === 'camat' || /^kec/i.test(t);
  const preferred = byName.filter((u) => (u.kind === 'kecamatan') === wantsKec);
  return preferred.length ? preferred : byName;
}

const isUnitProblem = (p: StaffProblem) => p.code === 'unit_not_found' || p.code === 'unit_ambiguous';

export async function checkStaffRows(db: Kysely<DB>, region: string, rows: SheetRow[]): Promise<CheckedLine[]> {
  const units: UnitRef[] = await unitRepository.ofRegion(db, region);
  const kinds = new Map(units.map((u) => [u.id, u.kind]));
  const taken = new Set((await db.selectFrom('users').select('username').execute()).map((u) => u.username));
  const inFile = new Map<string, number>();
  const out: CheckedLine[] = [];

  for (const row of rows) {
    const v = row.values;
    const problems: StaffProblem[] = [];
    const role = v.role ? roleOf(v.role) : null;
    if (!v.role) problems.push({ code: 'role_missing' });
    else if (!role) problems.push({ code: 'role_unknown', role: v.role });

    const unitNames: string[] = [];
    const unitIds: string[] = [];
    for (const part of (v.unit ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean)) {
      const found = findUnit(units, part, role);
      if (found.length === 1) {
        unitIds.push(found[0]!.id);
        unitNames.push(found[0]!.name);
      } else if (found.length === 0) problems.push({ code: 'unit_not_found', unit: part });
      else problems.push({ code: 'unit_ambiguous', unit: part, matches: found.map((u) => ({ name: u.name, kind: u.kind })) });
    }
    const needsUnit = role !== 'admin_kota' && role !== 'pimpinan';
    if (role && needsUnit && unitIds.length === 0 && !problems.some(isUnitProblem)) problems.push({ code: 'unit_missing' });
    if (role && unitIds.length === new Set(unitIds).size && !problems.some((p) => isUnitProblem(p) || p.code === 'role_missing' || p.code === 'role_unknown')) {
      const p = unitsProblem(role, unitIds, kinds);
      if (p) problems.push({ code: 'account', problem: { path: 'unitIds', code: p } });
    }

    let username = (v.username ?? '').trim().toLowerCase();
    const usernameMade = username === '';
    if (usernameMade) {
      const base = role && (role === 'operator' || role === 'lurah' || role === 'camat') && unitIds.length === 1 ? `${role}.${units.find((u) => u.id === unitIds[0])!.slug}` : slugify(v.name ?? '').replace(/-/g, '.');
      username = base;
      for (let n = 2; taken.has(username) || inFile.has(username); n++) username = `${base}.${n}`;
    }
    const parsed = userInputSchema.safeParse({ username, displayName: v.name ?? '', role: role ?? 'operator', email: v.email ?? '', phone: v.phone ?? '', unitIds });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        problems.push(field === 'displayName' && !v.name ? { code: 'name_missing' } : field === 'username' && usernameMade ? { code: 'username_unmakeable' } : { code: 'account', problem: { path: field, code: issue.code } });
      }
    }
    if (!usernameMade && taken.has(username)) problems.push({ code: 'username_taken', username });
    const earlier = inFile.get(username);
    if (!usernameMade && earlier !== undefined) problems.push({ code: 'username_in_file', username, line: earlier });
    if (!inFile.has(username)) inFile.set(username, row.line);

    const line: CheckedLine = { line: row.line, displayName: v.name ?? '', username, usernameMade, role, unitNames, problems };
    if (problems.length === 0 && parsed.success && role) {
      line.input = { line: row.line, displayName: parsed.data.displayName, username: parsed.data.username, role, unitIds, email: parsed.data.email, phone: parsed.data.phone };
    }
    out.push(line);
  }
  return out;
}
