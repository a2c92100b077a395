import type { UnitRow } from './unit-rows.js';
import { compareNames } from './compare-names.js';

// Standard competition ranking ("1, 2, 2, 4"): units with the same score share a place, so a
// unit is never shown below another with the same score just because of its name.

export interface RankedRow {
  rank: number;
  row: UnitRow;
}


export function rankUnits(rows: readonly UnitRow[]): RankedRow[] {
  const sorted = [...rows].sort((a, b) => b.score.total - a.score.total || compareNames(a.name, b.name));
  const out: RankedRow[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    out.push({ rank: prev && prev.row.score.total === row.score.total ? prev.rank : i + 1, row });
  });
  return out;
}

/** KIP ranks categories apart: kelurahan/desa with each other, OPD with each other. */
export function rankByCategory(rows: readonly UnitRow[]): { kelurahan: RankedRow[]; opd: RankedRow[] } {
  return {
    kelurahan: rankUnits(rows.filter((r) => r.kind !== 'opd')),
    opd: rankUnits(rows.filter((r) => r.kind === 'opd')),
  };
}
