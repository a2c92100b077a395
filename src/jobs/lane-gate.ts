import { LANE_SLOTS, type Lane } from './queue.js';

/**
 * A counting gate per lane: at most LANE_SLOTS[lane] jobs of a lane run at once in this process.
 * pg-boss polls each job name by itself; this keeps one lane's burst from taking the process.
 */
export class LaneGate {
  private readonly active = new Map<Lane, number>();
  private readonly waiting = new Map<Lane, Array<() => void>>();

  constructor(private readonly slots: Record<Lane, number> = LANE_SLOTS) {}

  /** Resolves with a release function once the lane has a free slot. */
  async enter(lane: Lane): Promise<() => void> {
    if ((this.active.get(lane) ?? 0) >= this.slots[lane]) {
      await new Promise<void>((resolve) => {
        const q = this.waiting.get(lane) ?? [];
        q.push(resolve);
        this.waiting.set(lane, q);
      });
    } else {
      this.active.set(lane, (this.active.get(lane) ?? 0) + 1);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(lane)?.shift();
      // The slot passes straight to the next waiter; otherwise it is given back.
      if (next) next();
      else this.active.set(lane, (this.active.get(lane) ?? 1) - 1);
    };
  }
}
