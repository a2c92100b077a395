import { describe, expect, it } from 'vitest';
import { RateGate, nextStart, tokenWindowKey } from '../../src/modules/channels/providers/rate-gate.js';

// The sliding-window rule both gates share (in memory here; PostgreSQL in
// shared-call-windows.pg.test.ts): every window holds at most `limit` starts, a start too far off
// is refused without being reserved, and callers arriving together take successive starts.
const MIN = 60_000;

describe('call windows', () => {
  it('reserves starts so that no window of a minute holds more than the limit', async () => {
    let now = 1_000_000;
    const gate = new RateGate(() => now);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await gate.reserve('k', 3, MIN, 5 * MIN));
    expect(answers.map((a) => a.reserved)).toEqual(Array(7).fill(true));
    // Three now, then each waits for the start a minute before it to leave the window.
    expect(answers.map((a) => a.waitMs)).toEqual([0, 0, 0, MIN, MIN, MIN, 2 * MIN]);
    now += MIN / 2;
    expect(await gate.reserve('k', 3, MIN, 5 * MIN)).toEqual({ reserved: true, waitMs: 2 * MIN - MIN / 2 });
  });

  it('refuses a start beyond the longest wait without reserving it, and counts keys apart', async () => {
    let now = 5_000;
    const gate = new RateGate(() => now);
    for (let i = 0; i < 2; i++) expect(await gate.reserve('init', 2, MIN, 15_000)).toEqual({ reserved: true, waitMs: 0 });
    now += 10_000;
    expect(await gate.reserve('init', 2, MIN, 15_000)).toEqual({ reserved: false, waitMs: 50_000 });
    expect(await gate.reserve('status', 2, MIN, 15_000)).toEqual({ reserved: true, waitMs: 0 });
    now += 46_000; // 4 s before the first start leaves: sat out, not refused
    expect(await gate.reserve('init', 2, MIN, 15_000)).toEqual({ reserved: true, waitMs: 4_000 });
    // The refusal above kept nothing: the next start waits only for the second call to leave.
    expect(await gate.reserve('init', 2, MIN, 15_000)).toEqual({ reserved: true, waitMs: 4_000 });
  });

  it('lets a start that fits before reserved future starts go now', () => {
    // The start at 100 has left the window; the one reserved at 90,000 still counts.
    expect(nextStart([100, 90_000], 70_000, 2, MIN)).toEqual({ startAt: 70_000, kept: [90_000] });
    expect(nextStart([90_000, 50_000, 60_000], 50_000, 3, MIN).startAt).toBe(110_000);
  });

  it('names a token in a key without containing it', () => {
    const token = 'act.1234567890abcdefSECRET';
    const key = tokenWindowKey(token, 'init');
    expect(key).toMatch(/:init$/);
    expect(key).not.toContain('SECRET');
    expect(key).not.toContain(token.slice(0, 12));
    expect(tokenWindowKey(token, 'init')).toBe(key);
    expect(tokenWindowKey(`${token}x`, 'init')).not.toBe(key);
  });
});

describe('call windows in memory', () => {
  it('forgets keys whose calls have all left their window (rotated tokens), keeping the rest', async () => {
    let now = 100_000_000;
    const gate = new RateGate(() => now);
    for (let i = 0; i < 50; i++) await gate.reserve(tokenWindowKey(`act.lama-${i}`, 'init'), 6, MIN, 15_000);
    await gate.reserve('hidup:status', 30, 10 * MIN, 15_000);
    expect(gate.size).toBe(51);
    now += 2 * MIN;
    expect(await gate.reserve('baru:init', 6, MIN, 15_000)).toEqual({ reserved: true, waitMs: 0 });
    // The 50 rotated tokens' keys went; the 10-minute window and the new key stay.
    expect(gate.size).toBe(2);
    expect(await gate.reserve('baru:init', 6, MIN, 15_000)).toEqual({ reserved: true, waitMs: 0 });
  });
});
