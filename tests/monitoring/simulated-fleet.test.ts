import { describe, expect, it } from 'vitest';
import { simulatedName, simulatedSite } from '../../src/fakes/fleet/simulated.js';

// The national sweep bench names 83,762 simulated sites; from the 17,000th on, their shared city
// domain has four digits (kota1000). The fleet once matched only three, so every site past
// 16,999 answered 404 and the bench timed a sweep of mostly "down" sites.
describe('simulated fleet', () => {
  it('serves every site the national bench names, not only the first 16,999', () => {
    for (const i of [1, 16_999, 17_000, 41_881, 83_762]) {
      const name = simulatedName(i);
      expect(simulatedSite(name), name).not.toBeNull();
      expect(simulatedSite(name.replace(/^k\d{5}\./, ''))?.scheme, `${name}'s city domain`).toBe('http');
    }
  });
  it('keeps its mix: 1 in 100 closed, 1 in 100 silent only when asked', () => {
    expect(simulatedSite(simulatedName(20_007))?.scheme).toBe('closed');
    const silent = simulatedSite(simulatedName(20_013), { silent: true })!;
    const normal = simulatedSite(simulatedName(20_013))!;
    expect(silent.handle).not.toBe(normal.handle);
  });
});
