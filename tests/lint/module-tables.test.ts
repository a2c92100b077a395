import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNER, read, sourceFiles, tablesQueried, trespassesOf } from './table-owners.js';

// Issue 19 point 6: modules reach other modules' data through their index, or in a read-model
// file that says which tables of which modules it joins. See tests/lint/table-owners.ts.
const root = path.resolve(import.meta.dirname, '../..');
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

describe('tables and their modules', () => {
  it('every table the migrations create has an owner', () => {
    const created = new Set<string>();
    for (const f of sourceFiles(path.join(root, 'src/db/migrations'))) for (const m of read(f).matchAll(/createTable\('([a-z_]+)'/g)) created.add(m[1]!);
    expect(created.size).toBeGreaterThan(50);
    expect([...created].filter((t) => !TABLE_OWNER[t])).toEqual([]);
  });

  it('no module queries another module’s table outside a read-model file that names it', () => {
    const found = sourceFiles(path.join(root, 'src/modules')).flatMap((f) => trespassesOf(rel(f), read(f)));
    expect(found.map((t) => `${t.file}: ${t.table} (${t.owner})`)).toEqual([]);
  });

  it('catches a builder query, a join and raw SQL into another module’s table, and an unnamed read model', () => {
    const query = "const u = await db.selectFrom('users').innerJoin('units as un', 'un.id', 'x.unit_id').selectAll().execute();";
    expect(trespassesOf('src/modules/reminders/x.ts', query).map((t) => t.table).sort()).toEqual(['units', 'users']);
    expect(trespassesOf('src/modules/accounts/x.ts', query).map((t) => t.table)).toEqual(['units']);
    expect(tablesQueried('await sql`select count(*) from compliance_verdicts v join units u on u.id = v.unit_id`.execute(db);')).toEqual(new Set(['compliance_verdicts', 'units']));
    const named = "import { sql } from 'kysely';\n\n// Joins users (accounts) and units (units): one list per unit.\n" + query;
    expect(trespassesOf('src/modules/reminders/read-models/x.ts', named)).toEqual([]);
    expect(trespassesOf('src/modules/reminders/read-models/x.ts', "// Joins users (accounts).\n" + query).map((t) => t.table)).toEqual(['units']);
    expect(trespassesOf('src/modules/reminders/x.ts', named).length).toBe(2);
  });
});
