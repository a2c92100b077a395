import { type RawBuilder, type SqlBool, sql } from 'kysely';

// A user's scope (decision 0017) is a Kemendagri code prefix kept in users.region_code: a regency
// ("19.71", every install until now), a province ("19") or the whole country ("ID"). A unit or a
// user belongs to a scope when its regency code equals it or continues it after a dot.

export const NATIONAL_SCOPE = 'ID';

export type ScopeKind = 'national' | 'province' | 'regency';

export function scopeKind(scope: string): ScopeKind {
  if (scope === NATIONAL_SCOPE) return 'national';
  return scope.includes('.') ? 'regency' : 'province';
}

/** Whether a regency code (a unit's or a user's region_code) lies inside the scope. */
export function inScope(scope: string, regionCode: string): boolean {
  return scope === NATIONAL_SCOPE || regionCode === scope || regionCode.startsWith(`${scope}.`);
}

/**
 * The regency a staff member acts on for city-wide work (decision 0017): their own when scoped to
 * a regency (whatever is asked); for a province or national scope the regency asked for, only
 * when it lies inside the scope; else null.
 */
export function servedRegency(scope: string, asked: string | undefined): string | null {
  if (scopeKind(scope) === 'regency') return scope;
  return asked && scopeKind(asked) === 'regency' && inScope(scope, asked) ? asked : null;
}

/**
 * The same test as SQL over a text column, as a range ('19.' ≤ code < '19/', '/' follows '.')
 * so it uses the column's index on both engines (a LIKE would not on SQLite).
 */
export function scopeFilter(scope: string, column: string): RawBuilder<SqlBool> {
  if (scope === NATIONAL_SCOPE) return sql<SqlBool>`1 = 1`;
  const c = sql.ref(column);
  return sql<SqlBool>`(${c} = ${scope} or (${c} >= ${`${scope}.`} and ${c} < ${`${scope}/`}))`;
}
