import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrepared } from '../../src/db/prepared.js';
import { type TestDb, createTestDb, testEngine } from '../support/test-db.js';

// runPrepared serves the public pages' reads from SQL built once per shape. These tests pin down
// that it returns what the Kysely query would, and that a page rendered while a publish is in a
// transaction never sees that transaction's rows (a page cached from them would outlive a
// rollback) — the guard any faster read path around Kysely's connection must keep (decision 0006).

type T = { prep_t: { id: number; unit: string; title: string; status: string } };
let t: TestDb;
let db: Kysely<T>;

const publicOf = (d: Kysely<T>, unit: string) =>
  runPrepared(d, 'test.public', (p) => d.selectFrom('prep_t').selectAll().where('unit', '=', p<string>('unit')).where('status', '=', 'published').orderBy('id'), { unit });

beforeAll(async () => {
  t = await createTestDb();
  db = t.db as never as Kysely<T>;
  await sql`create table prep_t (id integer primary key, unit text not null, title text not null, status text not null)`.execute(db);
  await db.insertInto('prep_t').values([
    { id: 1, unit: 'bacang', title: 'Kerja bakti', status: 'published' },
    { id: 2, unit: 'bacang', title: 'Draf', status: 'draft' },
    { id: 3, unit: 'gabek', title: 'Posyandu', status: 'published' },
  ]).execute();
});
afterAll(() => t.close());

describe(`prepared public reads (${testEngine()})`, () => {
  it('returns the same rows as the Kysely query, with new values each call', async () => {
    for (const unit of ['bacang', 'gabek', 'tidak-ada', 'bacang']) {
      const viaKysely = await db.selectFrom('prep_t').selectAll().where('unit', '=', unit).where('status', '=', 'published').orderBy('id').execute();
      expect(await publicOf(db, unit)).toEqual(viaKysely);
    }
    expect((await publicOf(db, 'bacang')).map((r) => r.title)).toEqual(['Kerja bakti']);
  });

  it('never returns rows of a transaction that is still open, even one that rolls back', async () => {
    let inside!: () => void;
    const insertedAndWaiting = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const tx = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('prep_t').values({ id: 4, unit: 'bacang', title: 'Belum jadi terbit', status: 'published' }).execute();
        await trx.updateTable('prep_t').set({ status: 'published' }).where('id', '=', 2).execute();
        inside();
        await gate;
        throw new Error('batal');
      })
      .catch((e: Error) => e.message);

    await insertedAndWaiting;
    // A page rendered now (PostgreSQL: another connection; SQLite: waits for the transaction).
    const during = publicOf(db, 'bacang');
    setTimeout(finish, 50);
    expect((await during).map((r) => r.title)).toEqual(['Kerja bakti']);
    expect(await tx).toBe('batal');
    expect((await publicOf(db, 'bacang')).map((r) => r.title)).toEqual(['Kerja bakti']);
  });

  it('inside a transaction, reads see that transaction\'s own rows', async () => {
    const seen = await db.transaction().execute(async (trx) => {
      await trx.insertInto('prep_t').values({ id: 5, unit: 'gabek', title: 'Lomba', status: 'published' }).execute();
      return (await publicOf(trx, 'gabek')).map((r) => r.title);
    });
    expect(seen).toEqual(['Posyandu', 'Lomba']);
  });
});
