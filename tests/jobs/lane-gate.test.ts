import { describe, expect, it } from 'vitest';
import { LaneGate } from '../../src/jobs/lane-gate.js';
import { LANE_SLOTS } from '../../src/jobs/queue.js';

// The lane gate pg-boss runs jobs through: a lane's slots bound it, other lanes never wait on it.
describe('lane gate', () => {
  it('holds a lane at its slots, lets other lanes through, and hands a freed slot to the next in line', async () => {
    const gate = new LaneGate({ ...LANE_SLOTS, publishing: 2, media: 1 });
    const a = await gate.enter('publishing');
    const b = await gate.enter('publishing');
    let third = false;
    const waiting = gate.enter('publishing').then((release) => {
      third = true;
      return release;
    });
    const media = await gate.enter('media'); // another lane is not held back
    await new Promise((r) => setTimeout(r, 10));
    expect(third).toBe(false);
    a();
    a(); // releasing twice frees one slot only
    const c = await waiting;
    expect(third).toBe(true);
    let fourth = false;
    void gate.enter('publishing').then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(fourth).toBe(false);
    b();
    await new Promise((r) => setTimeout(r, 10));
    expect(fourth).toBe(true);
    c();
    media();
  });
});
