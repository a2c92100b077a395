import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../src/db/database.js';
import { approveRequest, createFilePrivateStore } from '../../../src/modules/pelayanan/index.js';
import { pelayananWords } from '../../../src/main/pelayanan-words.js';
import { FixedClock } from '../../../src/shared/clock.js';

// One "process" of the SQLite concurrency test: its own connection to the database file, its own
// thread (better-sqlite3 waits for a lock synchronously, so two connections in one thread would
// only wait for each other), approving its share of the requests all at once.

const data = workerData as { file: string; dir: string; unitId: string; ids: string[]; now: string };
const database = await openDatabase({ kind: 'sqlite', file: data.file, url: `sqlite:${data.file}` });
const deps = { db: database.db, clock: new FixedClock(data.now), store: createFilePrivateStore(data.dir), secret: 'x'.repeat(40), region: '19.71', words: pelayananWords() };
const actor = { id: 'lurah-uji', username: 'lurah', displayName: 'Lurah Uji', role: 'lurah' as const, regionCode: '19.71', unitIds: [data.unitId], mustChangePassword: false };
const results = await Promise.all(
  data.ids.map((id) => approveRequest(deps, { actor, isHead: true, unitId: data.unitId, id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' }).catch((e: Error) => ({ ok: false as const, error: e.message }))),
);
await database.close();
parentPort!.postMessage(results);
