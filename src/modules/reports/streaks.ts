import type { UnitPeriodRecord, Verdict } from './types.js';

// "Memenuhi 4 minggu berturut-turut": the run of equal outcomes ending at the current period.
// PASS counts as meeting the rule; FAIL and COMPROMISED as missing it. UNKNOWN or a period with
// no verdict ends the run, because we cannot say either way and must not over-claim.

export interface Streak {
  kind: 'pass' | 'fail' | 'none';
  length: number;
}

const outcome = (v: Verdict | undefined): 'pass' | 'fail' | null =>
  v === 'PASS' ? 'pass' : v === 'FAIL' || v === 'COMPROMISED' ? 'fail' : null;

/** `periodKeys` oldest → newest; the last is the current period. */
export function streakOf(history: readonly UnitPeriodRecord[] | Map<string, UnitPeriodRecord>, periodKeys: readonly string[]): Streak {
  const byKey = history instanceof Map ? history : new Map(history.map((h) => [h.periodKey, h]));
  let kind: 'pass' | 'fail' | null = null;
  let length = 0;
  for (let i = periodKeys.length - 1; i >= 0; i--) {
    const o = outcome(byKey.get(periodKeys[i]!)?.verdict);
    if (o === null) break;
    if (kind === null) kind = o;
    if (o !== kind) break;
    length++;
  }
  return kind === null ? { kind: 'none', length: 0 } : { kind, length };
}

/** How many periods in a row, up to and including the latest, the unit has missed the rule. */
export function consecutiveFailures(history: readonly UnitPeriodRecord[], periodKeys: readonly string[]): number {
  const s = streakOf(history, periodKeys);
  return s.kind === 'fail' ? s.length : 0;
}
