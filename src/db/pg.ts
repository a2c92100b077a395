import type Pg from 'pg';
import { lazyPackage } from '../shared/lazy-package.js';

// The PostgreSQL driver, loaded only by a deployment that uses PostgreSQL (a SQLite city never
// pays its memory). PostgreSQL returns bigint (int8) and numeric as strings by default; counts
// and sizes here fit in a double, so they are parsed to numbers for parity with SQLite, once,
// before anything (Kysely, pg-boss, the backup) talks to the server. Platform ids are text.
export const pg = lazyPackage<typeof Pg>('pg', (m: typeof Pg) => {
  m.types.setTypeParser(20, (v) => Number(v));
  m.types.setTypeParser(1700, (v) => Number(v));
  return m;
});
