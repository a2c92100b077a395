import type { UnitRow } from './unit-rows.js';
import type { Verdict } from './types.js';
import { compareNames } from './compare-names.js';

// Counts of verdicts for a group of units in the current period. The pass rate is over units
// that have a verdict (assessed): a unit monitoring has not reached yet is shown as "belum
// dinilai", not silently counted as failing or passing.

export interface Tally {
  total: number;
  pass: number;
  fail: number;
  unknown: number;
  compromised: number;
  /** No verdict for this period. */
  none: number;
  assessed: number;
  passRate: number | null;
}

export function emptyTally(): Tally {
  return { total: 0, pass: 0, fail: 0, unknown: 0, compromised: 0, none: 0, assessed: 0, passRate: null };
}

export function addToTally(t: Tally, v: Verdict | null): void {
  t.total++;
  if (v === 'PASS') t.pass++;
  else if (v === 'FAIL') t.fail++;
  else if (v === 'UNKNOWN') t.unknown++;
  else if (v === 'COMPROMISED') t.compromised++;
  else t.none++;
  t.assessed = t.total - t.none;
  t.passRate = t.assessed === 0 ? null : t.pass / t.assessed;
}

export interface KecamatanSummary {
  id: string | null;
  name: string;
  tally: Tally;
  avgScore: number;
  rank: number;
}

export interface Summary {
  /** Kelurahan and desa: the units the city's rule is about. */
  kelurahan: Tally;
  opd: Tally;
  /** Kelurahan/desa per kecamatan, ranked by pass rate, then average score. */
  byKecamatan: KecamatanSummary[];
}


export function summarize(rows: readonly UnitRow[]): Summary {
  const kelurahan = emptyTally();
  const opd = emptyTally();
  const groups = new Map<string, { id: string | null; name: string; tally: Tally; scoreSum: number }>();
  for (const r of rows) {
    if (r.kind === 'opd') {
      addToTally(opd, r.verdict);
      continue;
    }
    addToTally(kelurahan, r.verdict);
    const key = r.kecamatanId ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { id: r.kecamatanId, name: r.kecamatanName ?? '', tally: emptyTally(), scoreSum: 0 };
      groups.set(key, g);
    }
    addToTally(g.tally, r.verdict);
    g.scoreSum += r.score.total;
  }
  const list = [...groups.values()].map((g) => ({
    id: g.id,
    name: g.name,
    tally: g.tally,
    avgScore: Math.round((g.scoreSum / g.tally.total) * 10) / 10,
    rank: 0,
  }));
  list.sort(
    (a, b) => (b.tally.passRate ?? -1) - (a.tally.passRate ?? -1) || b.avgScore - a.avgScore || compareNames(a.name, b.name),
  );
  let prev: KecamatanSummary | null = null;
  list.forEach((k, i) => {
    k.rank = prev && prev.tally.passRate === k.tally.passRate && prev.avgScore === k.avgScore ? prev.rank : i + 1;
    prev = k;
  });
  return { kelurahan, opd, byKecamatan: list };
}
