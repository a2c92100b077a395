// The page-cache invalidation port (#20 point 3, decision 0014). Public pages are cached in
// every web process; a change that alters a unit's public pages (a publish, an unpublish, a
// profile save, a scheduled item going live in the job worker) may happen in any process, web
// or worker. The use cases only say "this unit's public pages changed"; an adapter carries that
// to every process's cache:
//  - in-process (this module): one process, or tests;
//  - cluster IPC (src/main/cluster-page-invalidation.ts): web processes and the worker forked by
//    one `npm start`, relayed by the primary (SQLite or PostgreSQL);
//  - PostgreSQL LISTEN/NOTIFY (the "scale" work): processes on several machines.
//
// Contract every adapter keeps:
//  - unitChanged() delivers to this process's listeners before it returns, so a staff member who
//    publishes and is sent to the public page sees the new page (no stale read of their own write);
//  - other processes hear it as soon as the transport allows (they also have a safety TTL);
//  - a listener never throws into the caller (a cache that cannot drop a page must not undo a
//    publish that is already committed).

export type UnitChangedListener = (unitId: string) => void;

export interface PageInvalidation {
  /** Says that the unit's public pages (and so the portal's) changed; call after the commit. */
  unitChanged(unitId: string): void;
  /** Called for every change announced by any process, this one included. Returns "stop listening". */
  subscribe(listener: UnitChangedListener): () => void;
  /** Stops delivering and releases the transport (connections, IPC listeners). */
  close(): Promise<void>;
}

/**
 * The listeners of one process, shared by every adapter: delivery is synchronous and one
 * failing listener neither stops the others nor reaches the announcer.
 */
export class LocalListeners {
  private readonly listeners = new Set<UnitChangedListener>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  add(listener: UnitChangedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(unitId: string): void {
    for (const l of this.listeners) {
      try {
        l(unitId);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Unit ids travel between processes as plain text; anything else on the wire is ignored. */
export const isUnitId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;
