import { WIB_OFFSET_MS } from '../../shared/wib-time.js';

// Dates on cards are read by citizens in Indonesia, so they are shown in WIB (UTC+7, no daylight
// saving) with Indonesian day and month names — written out here so the result does not depend
// on the ICU data Node was built with.
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
export const MONTHS = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
];

export interface WibDateParts {
  weekday: string;
  day: number;
  month: string;
  year: number;
}

export function wibDateParts(d: Date): WibDateParts {
  const w = new Date(d.getTime() + WIB_OFFSET_MS);
  return { weekday: DAYS[w.getUTCDay()]!, day: w.getUTCDate(), month: MONTHS[w.getUTCMonth()]!, year: w.getUTCFullYear() };
}

/** "Senin, 4 Mei 2026" */
export function formatDateWib(d: Date): string {
  const p = wibDateParts(d);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}
