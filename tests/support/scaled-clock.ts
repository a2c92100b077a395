import { FixedClock } from '../../src/shared/clock.js';

/**
 * A clock that stands still (like FixedClock) until run(), then moves `scale` times faster than
 * the wall clock: long scenarios (a ten-minute batch) in seconds, with every activity — platform
 * latency, rendering, database work — on the same time scale.
 */
export class ScaledClock extends FixedClock {
  private startedReal: number | null = null;
  private startedVirtual = 0;

  constructor(
    start: Date | string,
    readonly scale: number,
  ) {
    super(start);
  }

  override now(): Date {
    if (this.startedReal === null) return super.now();
    return new Date(this.startedVirtual + (performance.now() - this.startedReal) * this.scale);
  }

  run(): void {
    if (this.startedReal !== null) return;
    this.startedVirtual = super.now().getTime();
    this.startedReal = performance.now();
  }

  pause(): void {
    if (this.startedReal === null) return;
    const at = this.now();
    this.startedReal = null;
    this.set(at);
  }

  /** Real milliseconds that make `virtualMs` on this clock. */
  realMs(virtualMs: number): number {
    return virtualMs / this.scale;
  }
}
