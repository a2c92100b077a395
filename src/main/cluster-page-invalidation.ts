import cluster, { type Worker } from 'node:cluster';
import { LocalListeners, type PageInvalidation, isUnitId } from '../modules/page-invalidation/index.js';

// The page-invalidation port across the processes of one `npm start` with WEB_PROCESSES > 1
// (decision 0014): the parent runs the job worker and forks the web processes; a change
// announced in any of them travels over the cluster's IPC channel — a web process tells the
// parent, the parent tells every other web process. Works the same on SQLite and PostgreSQL;
// processes on other machines need the PostgreSQL LISTEN/NOTIFY adapter instead.

const KIND = 'beranda:pages-changed';
interface Message {
  kind: typeof KIND;
  unitId: string;
}
const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && (m as Message).kind === KIND && isUnitId((m as Message).unitId);

function send(to: Worker, unitId: string): void {
  // A web process that is stopping may have closed its channel; it has no cache left to drop.
  if (to.isConnected()) to.send({ kind: KIND, unitId } satisfies Message, undefined, () => {});
}

/** The parent's side: hears its own changes (the job worker's) and every web process's, tells all. */
export function parentPageInvalidation(onError?: (error: unknown) => void): PageInvalidation {
  const local = new LocalListeners(onError);
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const relay = (from: Worker, m: unknown) => {
    if (!isMessage(m)) return;
    local.deliver(m.unitId);
    for (const w of workers()) if (w !== from) send(w, m.unitId);
  };
  cluster.on('message', relay);
  return {
    unitChanged: (unitId) => {
      local.deliver(unitId);
      for (const w of workers()) send(w, unitId);
    },
    subscribe: (listener) => local.add(listener),
    close: async () => {
      cluster.off('message', relay);
      local.clear();
    },
  };
}

/** A web process's side: its own changes are heard here at once and sent to the parent. */
export function childPageInvalidation(onError?: (error: unknown) => void): PageInvalidation {
  const local = new LocalListeners(onError);
  const hear = (m: unknown) => {
    if (isMessage(m)) local.deliver(m.unitId);
  };
  process.on('message', hear);
  return {
    unitChanged: (unitId) => {
      local.deliver(unitId);
      if (process.connected) process.send!({ kind: KIND, unitId } satisfies Message, undefined, {}, () => {});
    },
    subscribe: (listener) => local.add(listener),
    close: async () => {
      process.off('message', hear);
      local.clear();
    },
  };
}
