import { type SharedSpacing, leaseMsFor } from './shared-host-spacing.js';

// Politeness and load bounds for the crawler, kept apart from HTTP so they are easy to reason
// about: at most one request in flight per host, a minimum gap between requests to the same
// host, and a global cap on requests in flight across all hosts.

export interface LimiterOptions {
  /** Minimum milliseconds between the start of two requests to the same host. */
  perHostIntervalMs: number;
  /** Requests in flight across all hosts. */
  globalConcurrency: number;
  /** Leases on hosts shared with other processes (PostgreSQL, shared-host-spacing.ts); none: this process only. */
  sharedSpacing?: SharedSpacing;
}

type Waiter = () => void;

class Semaphore {
  private active = 0;
  private readonly queue: Waiter[] = [];
  constructor(private readonly size: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  release(): void {
    const next = this.queue.shift();
    // Hand the slot straight to the next waiter so a burst cannot overtake the queue.
    if (next) next();
    else this.active--;
  }
  get inFlight(): number {
    return this.active;
  }
}

interface HostState {
  busy: boolean;
  nextAt: number;
  queue: Waiter[];
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  /** Until when (this clock) this process holds each host's shared lease; expired ones pruned as it grows. */
  private readonly leases = new Map<string, number>();
  private nextLeasePrune = 0;
  /** Leases taken or renewed (queries to the shared spacing); the tests count them. */
  leaseCount = 0;
  private readonly global: Semaphore;
  /** Highest number of requests seen in flight at once; the tests and bench check the cap with it. */
  peakInFlight = 0;

  constructor(private readonly options: LimiterOptions) {
    this.global = new Semaphore(Math.max(1, options.globalConcurrency));
  }

  /** Runs `task` when both the host and the global budget allow it. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquireHost(host);
    try {
      await this.global.acquire();
      await this.holdLease(host);
      // The gap is measured from the real start of the request, after any wait for a global slot.
      this.hosts.get(host)!.nextAt = Date.now() + this.options.perHostIntervalMs;
      this.peakInFlight = Math.max(this.peakInFlight, this.global.inFlight);
      try {
        return await task();
      } finally {
        this.global.release();
      }
    } finally {
      this.releaseHost(host);
    }
  }

  /**
   * Other workers ask hosts too (PostgreSQL): before a request, this process must hold the host's
   * lease with at least one gap of it left — it renews a little early, so its last request under a
   * lease starts a gap before the lease ends and the next holder's first request (one gap after
   * the end) is two gaps away. The end is kept on this clock, counted from before the query, so it
   * errs early. If the database cannot answer, this process's own spacing still holds. Runs only
   * while the host is acquired, so one host's leases are taken one at a time.
   */
  private async holdLease(host: string): Promise<void> {
    const shared = this.options.sharedSpacing;
    const gap = this.options.perHostIntervalMs;
    if (!shared || gap <= 0) return;
    const until = this.leases.get(host) ?? 0;
    if (Date.now() + gap < until) return;
    const askedAt = Date.now();
    const wait = await shared.lease(host, gap).catch(() => null);
    if (wait === null) return void this.leases.delete(host);
    this.leaseCount++;
    this.leases.set(host, askedAt + wait + leaseMsFor(gap));
    this.forgetEndedLeases();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  /** Drops ended leases, at most once a lease's length (a sweep leases thousands of hosts). */
  private forgetEndedLeases(): void {
    const now = Date.now();
    if (now < this.nextLeasePrune) return;
    this.nextLeasePrune = now + leaseMsFor(this.options.perHostIntervalMs);
    for (const [h, until] of this.leases) if (until < now) this.leases.delete(h);
  }

  private async acquireHost(host: string): Promise<void> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { busy: false, nextAt: 0, queue: [] };
      this.hosts.set(host, state);
    }
    if (state.busy) await new Promise<void>((resolve) => state!.queue.push(resolve));
    state.busy = true;
    // libuv measures timers from a loop time cached at the start of the tick, so a timer can
    // fire a few milliseconds early by Date.now(); sleep again until the gap has really passed.
    for (let wait = state.nextAt - Date.now(); wait > 0; wait = state.nextAt - Date.now()) {
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private releaseHost(host: string): void {
    const state = this.hosts.get(host);
    if (!state) return;
    const next = state.queue.shift();
    if (next) {
      next();
      return;
    }
    state.busy = false;
    // Forget idle hosts whose gap has passed, so a sweep of thousands of sites stays small.
    if (state.nextAt <= Date.now()) this.hosts.delete(host);
    else setTimeout(() => {
      const s = this.hosts.get(host);
      if (s && !s.busy && s.queue.length === 0) this.hosts.delete(host);
    }, state.nextAt - Date.now()).unref();
  }

  get trackedHosts(): number {
    return this.hosts.size;
  }
}
