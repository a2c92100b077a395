import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../src/i18n/role-label.js';
import { ROLES } from '../../src/modules/accounts/index.js';

// Role names come from the users-web catalogue (issue 19 point 3; they were ROLE_LABEL in the
// accounts module): the same Indonesian as before, and a name in both languages for every role.

describe('role names', () => {
  it('names every role in Indonesian as the staff pages always did', () => {
    expect(ROLES.map((r) => roleLabel(r))).toEqual(['Admin Kota (Diskominfo)', 'Pimpinan', 'Camat', 'Pendamping', 'Lurah', 'Operator']);
  });

  it('has an English name for every role, never the key', () => {
    for (const r of ROLES) expect(roleLabel(r, 'en')).not.toMatch(/^users\.role\./);
    expect(roleLabel('pendamping', 'en')).not.toMatch(/mentor/i); // the glossary's word, not "mentor"
  });

  it('does not crash on a role it does not know (a row from a newer release)', () => {
    expect(() => roleLabel('auditor')).not.toThrow();
  });
});
