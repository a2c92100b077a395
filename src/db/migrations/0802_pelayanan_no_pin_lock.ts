import type { Kysely } from 'kysely';

// A tracking code is no longer locked after wrong PINs (a stranger who knew the code could keep
// its owner out); misses are counted per address, code and known browser in pelayanan_throttle
// (modules/pelayanan/pin-throttle.ts). The lock's columns go.

const TABLES = ['pelayanan_requests', 'pelayanan_complaints'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.alterTable(t).dropColumn('pin_locked_until').execute();
    await db.schema.alterTable(t).dropColumn('pin_failures').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.alterTable(t).addColumn('pin_failures', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable(t).addColumn('pin_locked_until', 'text').execute();
  }
}
