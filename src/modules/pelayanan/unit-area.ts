import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { getSectionForUnits } from '../profile/index.js';

// A request goes to the kelurahan/desa where the citizen lives (issue 17 point 1: "address within
// the unit"). When the unit's profile lists its RW and their RT (Profil → Wilayah), the form says
// which ones there are and refuses others — so a citizen who picked the wrong kelurahan learns it
// at once instead of being refused at the counter days later. A unit whose profile lists none
// accepts any number.

export interface AreaRw {
  /** Digits without leading zeros ("002" → "2"). */
  rw: string;
  /** Empty: the profile lists no RT for this RW, any RT is accepted. */
  rt: string[];
}

/** "RW 002", "02", "2" → "2"; null when there is no number. */
export function areaNumber(raw: string): string | null {
  const digits = raw.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits ? digits : null;
}

export async function unitArea(db: Kysely<DB>, unitId: string): Promise<AreaRw[]> {
  const wilayah = (await getSectionForUnits(db, [unitId], 'wilayah')).get(unitId);
  const out: AreaRw[] = [];
  for (const r of wilayah?.rw ?? []) {
    const rw = areaNumber(r.nomor);
    if (rw) out.push({ rw, rt: r.rt.map((t) => areaNumber(t.nomor)).filter((t): t is string => t !== null) });
  }
  return out;
}

/** Numbers as short runs for a phone screen: 1, 2, 3, 5, 7, 8 → "1–3, 5, 7–8" (a unit may list 60 RW of 60 RT). */
export function numberRuns(numbers: string[]): string {
  const sorted = [...new Set(numbers.map(Number))].filter(Number.isFinite).sort((x, y) => x - y);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The field errors of an RT/RW written in digits, against the unit's list (none when it has none). */
export function checkArea(area: AreaRw[] | undefined, rt: string, rw: string): { rt?: string; rw?: string } {
  if (!area || area.length === 0) return {};
  const entry = area.find((a) => a.rw === areaNumber(rw));
  if (!entry) return { rw: 'rw_not_in_unit' };
  if (entry.rt.length > 0 && !entry.rt.includes(areaNumber(rt) ?? '')) return { rt: 'rt_not_in_rw' };
  return {};
}
